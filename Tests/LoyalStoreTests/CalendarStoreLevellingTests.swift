import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The levelling pass in the store, on hand-made customers as of Monday 23.11.2026
/// (weekends only, 4 visits and 15 calls per rep and day). Days counted by hand.
final class CalendarStoreLevellingTests: CalendarStoreTestCase {
    /// `count` A customers of rep AB (`L1`…), postal codes from `postal`, each last visited on
    /// `lastVisit` and called on 20.11.2026 (so no call is due before 20.12.).
    func levellingStore(count: Int, lastVisit: String, postal: (Int) -> String = { _ in "80331" },
                        preferred: String = "") throws -> Store {
        let store = try makeStore()
        var csv = "number,name,rep,class,postal_code,preferred_channel,consent_phone,consent_date\n"
        for i in 1...count { csv += "L\(i),Kunde \(i) GmbH,AB,A,\(postal(i)),\(preferred),ja,2024-01-10\n" }
        try importText(store, .customers, csv)
        for i in 1...count {
            let customer = try id(store, "L\(i)")
            try store.recordVisit(VisitReport(customerID: customer, day: day(lastVisit), kind: .visit), actor: "t", today: today)
            try store.recordVisit(VisitReport(customerID: customer, day: day("2026-11-20"), kind: .call), actor: "t", today: today)
        }
        try store.refreshAll(asOf: today, settings: settings)
        return store
    }

    func openVisits(_ store: Store) throws -> [(number: String, due: String, note: String, postal: String)] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, e.due, e.note, c.postal_code FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                WHERE e.channel = 'visit' AND e.status = 'open' ORDER BY e.due, c.number
                """).map { ($0[0], $0[1], StoredText.render(stored: $0[2]), $0[3]) }
        }
    }

    func testNoMoreThanFourVisitsADayAndEachStaysInItsWindow() throws {
        // Ten A customers last visited Tue 15.09.2026: each visit is due Mon 14.12.2026 (+90);
        // the window is ±10 working days: Mon 30.11. … Mon 28.12.2026.
        let store = try levellingStore(count: 10, lastVisit: "2026-09-15")
        let visits = try openVisits(store).filter { $0.due < "2027-01-01" }
        XCTAssertEqual(visits.count, 10)
        let perDay = Dictionary(grouping: visits, by: \.due).mapValues(\.count)
        XCTAssertEqual(perDay.values.max(), 4)
        XCTAssertEqual(perDay["2026-12-14"], 4, "the due day is filled first: all in one postal region")
        XCTAssertTrue(visits.allSatisfy { $0.due >= "2026-11-30" && $0.due <= "2026-12-28" })
        XCTAssertTrue(visits.allSatisfy { Day(iso: $0.due)!.weekday <= 5 })
    }

    func testOneRegionADay() throws {
        // Four customers in 80… and four in 10…, all due 14.12.2026: one tour day each.
        let store = try levellingStore(count: 8, lastVisit: "2026-09-15", postal: { $0 <= 4 ? "80331" : "10115" })
        let visits = try openVisits(store).filter { $0.due < "2027-01-01" }
        let regions = Dictionary(grouping: visits, by: \.due).mapValues { Set($0.map { $0.postal.prefix(2) }) }
        XCTAssertEqual(regions.count, 2)
        XCTAssertTrue(regions.values.allSatisfy { $0.count == 1 }, "\(regions)")
    }

    func testAMissedVisitRollsForwardWithItsOverdueMark() throws {
        // Last visit Sat 01.08.2026: due Fri 30.10.2026, not done. Six of them: four today, two tomorrow.
        let store = try levellingStore(count: 6, lastVisit: "2026-08-01")
        let visits = try openVisits(store).filter { $0.due < "2026-12-01" }
        XCTAssertEqual(visits.map(\.due), ["2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-24", "2026-11-24"])
        XCTAssertTrue(visits.allSatisfy { $0.note == "overdue since 30.10.2026" }, "\(visits)")
        // Nothing is left above today.
        let overdue = try store.calendar(from: today, to: today, overdueBefore: today, openOnly: true).filter { $0.entry.due < today }
        XCTAssertEqual(overdue.count, 0)
    }

    func testWhatIsAtStakeDecidesWhatDoesNotFit() throws {
        // Five A customers who like visits, each with a contact born on Wed 16.12.: five birthday
        // visits on one day, room for four. The one with the least expected loss does not fit.
        let store = try levellingStore(count: 5, lastVisit: "2026-11-02", preferred: "visit")
        var contacts = "customer,first_name,last_name,birthday,primary\n"
        for i in 1...5 { contacts += "L\(i),Eva,Muster\(i),16.12.1970,ja\n" }
        try importText(store, .contacts, contacts, name: "contacts.csv")
        try store.pool.write { db in
            for (i, stake) in [(1, 500_00), (2, 400_00), (3, 100_00), (4, 300_00), (5, 200_00)] {
                try db.execute(sql: "UPDATE customer_stats SET risk_priority = ? WHERE customer_id = (SELECT id FROM customer WHERE number = ?)",
                               arguments: [stake, "L\(i)"])
            }
        }
        let summary = try store.refreshCalendar(today: today, settings: settings)
        let birthdays = try openVisits(store).filter { $0.due == "2026-12-16" }
        XCTAssertEqual(birthdays.map(\.number), ["L1", "L2", "L4", "L5"])
        XCTAssertEqual(summary.unplanned, 1)
        let ab = try store.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM rep WHERE code = 'AB'") }!
        XCTAssertEqual(summary.unplannedByRep, [ab: 1])
        let listed = try store.unplanned()
        XCTAssertEqual(listed.map(\.customerNumber), ["L3"])
        XCTAssertEqual(listed.first?.due, day("2026-12-16"))
        XCTAssertEqual(listed.first?.reason, "Birthday of Eva Muster3 (56)")
    }

    /// What does not fit is written only where it changed: a refresh that changes nothing
    /// writes no row of calendar_unplanned, a new stake is one narrow update, and an entry that
    /// fits now goes while the one it pushed out comes.
    func testWhatDoesNotFitIsWrittenOnlyWhereItChanged() throws {
        let store = try levellingStore(count: 5, lastVisit: "2026-11-02", preferred: "visit")
        var contacts = "customer,first_name,last_name,birthday,primary\n"
        for i in 1...5 { contacts += "L\(i),Eva,Muster\(i),16.12.1970,ja\n" }
        try importText(store, .contacts, contacts, name: "contacts.csv")
        func stakes(_ values: [(Int, Int)]) throws {
            try store.pool.write { db in
                for (i, stake) in values {
                    try db.execute(sql: "UPDATE customer_stats SET risk_priority = ? WHERE customer_id = (SELECT id FROM customer WHERE number = ?)",
                                   arguments: [stake, "L\(i)"])
                }
            }
        }
        try stakes([(1, 500_00), (2, 400_00), (3, 100_00), (4, 300_00), (5, 200_00)])
        try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(try store.unplanned().map(\.customerNumber), ["L3"])
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE unplanned_writes (kind TEXT, uid TEXT);
                CREATE TRIGGER unplanned_i AFTER INSERT ON calendar_unplanned BEGIN INSERT INTO unplanned_writes VALUES ('insert', NEW.uid); END;
                CREATE TRIGGER unplanned_u AFTER UPDATE ON calendar_unplanned BEGIN INSERT INTO unplanned_writes VALUES ('update', NEW.uid); END;
                CREATE TRIGGER unplanned_d AFTER DELETE ON calendar_unplanned BEGIN INSERT INTO unplanned_writes VALUES ('delete', OLD.uid); END;
                """)
        }
        func writes() throws -> [String] {
            try store.pool.write { db in
                defer { try? db.execute(sql: "DELETE FROM unplanned_writes") }
                return try Row.fetchAll(db, sql: "SELECT kind, uid FROM unplanned_writes ORDER BY rowid").map { "\($0[0] as String) \($0[1] as String)" }
            }
        }
        let l3 = try id(store, "L3"), l5 = try id(store, "L5")
        let uid3 = "c\(l3)-birthday-p\(try contactID(store, l3))-2026@loyal"
        let uid5 = "c\(l5)-birthday-p\(try contactID(store, l5))-2026@loyal"
        XCTAssertEqual(try store.unplanned().map(\.uid), [uid3])
        try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(try writes(), [])
        try stakes([(3, 150_00)])
        try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(try writes(), ["update \(uid3)"])
        XCTAssertEqual(try store.unplanned().map(\.stake), [150])
        try stakes([(3, 600_00)])
        try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(try writes(), ["insert \(uid5)", "delete \(uid3)"])
        XCTAssertEqual(try store.unplanned().map(\.customerNumber), ["L5"])
    }

    private func contactID(_ store: Store, _ customer: Int64) throws -> String {
        try store.pool.read { db in
            String(try Int64.fetchOne(db, sql: "SELECT id FROM contact_person WHERE customer_id = ?", arguments: [customer])!)
        }
    }

    func testRefreshingOneCustomerKeepsTheOthersLoadInMind() throws {
        // Six visits due Mon 14.12.2026: four that day. Re-planning one of the other two alone
        // (as after an action on it) must not put it onto the full day.
        let store = try levellingStore(count: 6, lastVisit: "2026-09-15")
        let before = try openVisits(store).filter { $0.due < "2027-01-01" }
        let moved = try XCTUnwrap(before.first { $0.due != "2026-12-14" })
        try store.refreshCalendar(today: today, settings: settings, only: [try id(store, moved.number)])
        let after = try openVisits(store).filter { $0.due < "2027-01-01" }
        XCTAssertEqual(after.count, 6)
        XCTAssertEqual(Dictionary(grouping: after, by: \.due).mapValues(\.count).values.max(), 4)
        XCTAssertEqual(after.filter { $0.due == "2026-12-14" }.count, 4)
    }
}
