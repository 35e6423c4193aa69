import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Seven hand-made customers for the communication calendar, as of Monday
/// 23.11.2026 with the default plan (A: visit every 90 days, call every 30;
/// B: call every 90, e-mail every 60; C: newsletter every 90) and a horizon of
/// 91 days (to Monday 22.02.2027). Calls and visits due on a Saturday or Sunday
/// are planned for the Monday after. Every day below was counted by hand.
///
/// | customer | class | what it shows                                                   |
/// |----------|-------|-----------------------------------------------------------------|
/// | K1       | A     | last visit Tue 15.09.2026, last call Wed 04.11.2026:            |
/// |          |       | visit Mon 14.12.2026 (+90); call Fri 04.12.2026 (+30); the      |
/// |          |       | planned visit then restarts the count: Wed 13.01.2027,          |
/// |          |       | Fri 12.02.2027                                                  |
/// | K2       | B     | a consumer without phone consent, last call Tue 03.11.2026: call Mon 01.02.2027 |
/// |          |       | blocked "no phone consent"                                      |
/// | K3       | B     | high season December, last call Tue 08.09.2026: call due Mon    |
/// |          |       | 07.12.2026, moved to Fri 01.01.2027 (first day out of season)   |
/// | K4       | C     | bought for 6.000 € today: a call on Wed 25.11.2026 (+2 days)    |
/// | K5       | B     | Lena Sprung, born 29.02.1980: a card (letter, 3 days ahead) on  |
/// |          |       | Thu 25.02.2027 for her birthday on Sun 28.02.2027 (she is 47)   |
/// | K6       | A     | last visit Mon 02.11.2026: calls Wed 02.12.2026 and Fri         |
/// |          |       | 01.01.2027; the visit is due Sun 31.01.2027 (+90), so Mon       |
/// |          |       | 01.02.2027, and so is the third call: no call then; then lost   |
/// | K7       | B     | phone consent refused on 22.06.2025                             |
class CalendarStoreTestCase: StoreTestCase {
    var settings = Settings()

    static let customers = """
        number,name,rep,class,consent_phone,consent_email,consent_date,high_season,kind
        K1,Alpha GmbH,AB,A,ja,ja,2024-01-10,,
        K2,Stille KG,AB,B,,ja,2024-01-10,,Privat
        K3,Saison AG,CD,B,ja,,2024-01-10,12,
        K4,Großkauf GmbH,CD,C,ja,,2024-01-10,,
        K5,Schaltjahr OHG,AB,B,,,,,
        K6,Verloren AG,AB,A,ja,,2024-01-10,,
        K7,Nein Danke AG,CD,B,nein,,2025-06-22,,

        """

    static let contacts = """
        customer,first_name,last_name,birthday,primary
        K5,Lena,Sprung,29.02.1980,ja

        """

    static let purchases = """
        customer,date,amount
        K4,2026-11-23,6000

        """

    /// The customers, their contacts and purchases, the contacts made (as reports,
    /// like the visit form saves them), then the full refresh.
    func makeCalendarStore() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, Self.customers)
        try importText(store, .contacts, Self.contacts, name: "contacts.csv")
        try importText(store, .purchases, Self.purchases, name: "purchases.csv")
        for (number, day, kind) in [("K1", "2026-09-15", InteractionKind.visit), ("K1", "2026-11-04", .call),
                                    ("K2", "2026-11-03", .call), ("K3", "2026-09-08", .call), ("K6", "2026-11-02", .visit)] {
            try store.recordVisit(VisitReport(customerID: try id(store, number), day: self.day(day), kind: kind),
                                  actor: "tester", today: today)
        }
        try store.refreshAll(asOf: today, settings: settings)
        return store
    }

    func day(_ iso: String) -> Day { Day(parsing: iso)! }

    func id(_ store: Store, _ number: String) throws -> Int64 {
        try store.pool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]))
        }
    }

    /// A customer's calendar rows (all statuses), by due day and UID.
    func rows(_ store: Store, _ number: String, source: String? = nil, channel: Channel? = nil) throws -> [Row] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM calendar_entry e JOIN customer c ON c.id = e.customer_id WHERE c.number = ?
                ORDER BY e.due, e.uid
                """, arguments: [number])
        }.filter { r in
            (source.map { (r["source"] as String) == $0 } ?? true) && (channel.map { (r["channel"] as String) == $0.rawValue } ?? true)
        }
    }

    /// "due channel: reason" for a customer's open entries, plus " [blocked: …]" and " {note}" when set.
    func open(_ store: Store, _ number: String, source: String? = nil, channel: Channel? = nil) throws -> [String] {
        try rows(store, number, source: source, channel: channel).filter { ($0["status"] as String) == "open" }.map(Self.line)
    }

    /// Texts the planner wrote are stored as keys: read here as an English viewer reads them.
    static func line(_ r: Row) -> String {
        var s = "\(r["due"] as String) \(r["channel"] as String): \(StoredText.render(stored: r["reason"]))"
        if let b = r["blocked"] as String? { s += " [blocked: \(StoredText.render(stored: b))]" }
        if let n = r["note"] as String?, !n.isEmpty { s += " {\(StoredText.render(stored: n))}" }
        return s
    }

    /// The id of a customer's one entry with this UID prefix (`c1-plan-visit-`).
    func entryID(_ store: Store, uid prefix: String) throws -> Int64 {
        let ids = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM calendar_entry WHERE uid LIKE ? || '%'", arguments: [prefix])
        }
        XCTAssertEqual(ids.count, 1, "entries with UID \(prefix)…")
        return try XCTUnwrap(ids.first)
    }

    /// "uid → id" of every calendar row, to compare before and after a refresh.
    func uidsAndIDs(_ store: Store) throws -> [String: Int64] {
        try store.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT uid, id FROM calendar_entry").map {
                ($0["uid"] as String, $0["id"] as Int64)
            })
        }
    }

    /// "actor action id: detail" of the calendar's audit rows, oldest first.
    func calendarAudit(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE entity = 'calendar_entry' ORDER BY id").map {
                "\($0["actor"] as String) \($0["action"] as String) \($0["entity_id"] as Int64): \(StoredText.render(stored: $0["detail"] as String))"
            }
        }
    }

    func interactions(_ store: Store, _ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.day, i.kind, i.subject FROM interaction i JOIN customer c ON c.id = i.customer_id
                WHERE c.number = ? ORDER BY i.day, i.id
                """, arguments: [number]).map { "\($0[0] as String) \($0[1] as String): \($0[2] as String)" }
        }
    }
}
