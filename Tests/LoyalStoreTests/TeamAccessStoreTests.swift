import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Users and roles enforced in the store (issue 18): a rep reads and writes only their own
/// customers in every query, a manager everything, only an admin manages users; the audit
/// names the user; drafts are per user.
final class TeamAccessStoreTests: StoreTestCase {
    /// A demo company of 120 customers and three users: boss (admin), anna (rep AB), max (manager).
    private func makeTeam() throws -> (own: Int, total: Int, abID: Int64) {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 120, asOf: today))
        try store.refreshAll(asOf: today, settings: Settings())
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        let abID = try XCTUnwrap(store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM rep WHERE code = 'AB'") })
        let own = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE rep_id = ?", arguments: [abID]) } ?? 0
        let total = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") } ?? 0
        XCTAssertGreaterThan(own, 3); XCTAssertLessThan(own, total)
        return (own, total, abID)
    }

    private func open(as user: String, login: String = "boss") throws -> Store {
        let store = try Store(path: dbPath, user: UserIdentity(login: login, requested: user))
        addTeardownBlock { try? store.close() }
        return store
    }

    private func otherCustomer(_ store: Store, not repID: Int64) throws -> Int64 {
        try XCTUnwrap(store.pool.write { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM main.customer WHERE rep_id <> ? ORDER BY id LIMIT 1", arguments: [repID])
        })
    }

    func testARepSeesOnlyTheirOwnCustomersInEveryListQuery() throws {
        let team = try makeTeam()
        let anna = try open(as: "anna")
        XCTAssertEqual(anna.scope.role, .rep)
        let rows = try anna.accounts(AccountQuery(), limit: 10_000)
        XCTAssertEqual(rows.count, team.own)
        XCTAssertEqual(Set(rows.map(\.repCode)), ["AB"])
        XCTAssertEqual(try anna.accountTotals(AccountQuery()).count, team.own)

        // Search by the name of another rep's customer finds nothing.
        let admin = try open(as: "boss")
        let stranger = try XCTUnwrap(admin.accounts(AccountQuery(filter: AccountFilter(repCode: "DG")), limit: 1).first)
        XCTAssertEqual(try admin.accounts(AccountQuery(filter: AccountFilter(search: stranger.name)), limit: 10).map(\.id).contains(stranger.id), true)
        XCTAssertEqual(try anna.accounts(AccountQuery(filter: AccountFilter(search: stranger.name)), limit: 10).filter { $0.id == stranger.id }, [])
        XCTAssertNil(try anna.customer(id: stranger.id))

        // Risk panel, calendar, team overview and exports: only AB.
        XCTAssertTrue(try anna.riskPanel(PanelFilter(beyondPanel: true), limit: 10_000).allSatisfy { $0.repCode == "AB" })
        let calendar = try anna.calendar(from: today.adding(days: -60), to: today.adding(days: 60))
        XCTAssertFalse(calendar.isEmpty)
        let ownNumbers = Set(rows.map(\.number))
        XCTAssertTrue(calendar.allSatisfy { ownNumbers.contains($0.customerNumber) })
        let overview = try anna.teamOverview(today: today)
        XCTAssertEqual(overview.team.accounts.reduce(0, +), team.own)
        var customersCSV = ""
        try anna.export(.customers, format: .csv) { customersCSV += $0 }
        XCTAssertEqual(customersCSV.split(separator: "\r\n").count, team.own + 1, "header and her customers")
        var purchases = 0
        try anna.export(.purchases, format: .csv) { purchases += $0.split(separator: "\r\n").count }
        let ownPurchases = try admin.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase p JOIN customer c ON c.id = p.customer_id WHERE c.rep_id = ?",
                             arguments: [team.abID])
        }
        XCTAssertEqual(purchases, (ownPurchases ?? 0) + 1)

        // A manager sees everyone's.
        let max = try open(as: "max")
        XCTAssertEqual(try max.accountTotals(AccountQuery()).count, team.total)
        XCTAssertEqual(try max.teamOverview(today: today).team.accounts.reduce(0, +), team.total)
    }

    func testWithRepsSeeAllARepReadsEveryoneButStillWritesOnlyTheirOwn() throws {
        let team = try makeTeam()
        try open(as: "boss").setTeamSetting(.repsSee, "all")
        let anna = try open(as: "anna")
        XCTAssertEqual(try anna.accountTotals(AccountQuery()).count, team.total)
        let other = try otherCustomer(anna, not: team.abID)
        XCTAssertThrowsError(try anna.saveVisit(VisitReport(customerID: other, day: today, kind: .visit),
                                                VisitSaveContext(actor: "anna", today: today, settings: Settings())))
    }

    func testARepCannotWriteFeedbackOrEditAnotherRepsCustomer() throws {
        let team = try makeTeam()
        let anna = try open(as: "anna")
        let other = try otherCustomer(anna, not: team.abID)
        let context = VisitSaveContext(actor: "anna", today: today, settings: Settings())
        var visit = VisitReport(customerID: other, day: today, kind: .visit)
        visit.nps = 9
        XCTAssertThrowsError(try anna.saveVisit(visit, context)) {
            XCTAssertEqual(StoreError.message(for: $0), "not your customer: it belongs to another rep; nothing was changed")
        }
        let count = { try anna.pool.write { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM main.interaction WHERE customer_id = ?", arguments: [other]) } }
        XCTAssertEqual(try count(), try open(as: "max").pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE customer_id = ?", arguments: [other]) })
        // Soft facts of another's customer and a reassignment of her own: refused.
        var stranger = try XCTUnwrap(anna.pool.write { db in
            try Row.fetchOne(db, sql: "SELECT * FROM main.customer WHERE id = ?", arguments: [other]).map(CustomerRecords.customer) })
        stranger.notes = "mine now"
        XCTAssertThrowsError(try anna.saveSoftFacts(stranger, actor: "anna"))
        let ownID = try XCTUnwrap(anna.accounts(AccountQuery(), limit: 1).first?.id)
        XCTAssertThrowsError(try anna.pool.write { db in
            try db.execute(sql: "UPDATE customer SET rep_id = NULL WHERE id = ?", arguments: [ownID])
        })
        // Her own customer: saved.
        var own = VisitReport(customerID: ownID, day: today, kind: .call)
        own.nps = 10
        XCTAssertNoThrow(try anna.saveVisit(own, context))

        // The manager writes feedback on anyone's customer and reassigns.
        let max = try open(as: "max")
        XCTAssertNoThrow(try max.saveVisit(visit, VisitSaveContext(actor: "max", today: today, settings: Settings())))
        XCTAssertNoThrow(try max.pool.write { db in
            try db.execute(sql: "UPDATE customer SET rep_id = ? WHERE id = ?", arguments: [team.abID, other])
        })
        XCTAssertEqual(try anna.accountTotals(AccountQuery()).count, team.own + 1, "the reassigned customer is hers now")
    }

    func testAnUnknownUserIsRefusedWithOneLine() throws {
        _ = try makeTeam()
        XCTAssertThrowsError(try Store(path: dbPath, user: UserIdentity(login: "bob"))) {
            XCTAssertEqual(StoreError.message(for: $0),
                           "bob is not a user of this database; an admin adds them with `loyal users add bob --role rep`")
        }
        // Without users everyone is admin, whatever their name.
        let solo = try Store(path: directory.appendingPathComponent("solo.db").path, user: UserIdentity(login: "bob"))
        defer { try? solo.close() }
        XCTAssertEqual(solo.scope, .single(user: "bob"))
        XCTAssertFalse(solo.scope.filtersReads)
    }

    func testOnAGroupSharedFileLoyalUserIsHonouredOnlyForAnAdmin() throws {
        _ = try makeTeam()
        XCTAssertEqual(chmod(dbPath, 0o660), 0)
        XCTAssertThrowsError(try Store(path: dbPath, user: UserIdentity(login: "anna", requested: "max"))) {
            XCTAssertEqual(StoreError.message(for: $0), "LOYAL_USER=max is honoured on a shared database only for an admin; anna is not one")
        }
        let asAnna = try Store(path: dbPath, user: UserIdentity(login: "boss", requested: "anna"))
        defer { try? asAnna.close() }
        XCTAssertEqual(asAnna.scope.user, "anna")
        let herself = try Store(path: dbPath, user: UserIdentity(login: "anna"))
        defer { try? herself.close() }
        XCTAssertEqual(herself.scope.role, .rep)
    }

    func testOnlyAnAdminManagesUsersSettingsAndErasure() throws {
        _ = try makeTeam()
        let max = try open(as: "max")
        for attempt in [{ try max.addTeamUser(TeamUser(name: "eve", role: .rep)) },
                        { try max.setTeamSetting(.repsSee, "all") },
                        { try max.removeTeamUser("anna") },
                        { _ = try max.erasePersonalData(.contact(1), today: self.today, actor: "max") }] {
            XCTAssertThrowsError(try attempt()) { XCTAssertTrue(StoreError.message(for: $0).hasPrefix("max is a manager: only an admin may")) }
        }
        let boss = try open(as: "boss")
        XCTAssertThrowsError(try boss.removeTeamUser("boss")) {
            XCTAssertEqual(StoreError.message(for: $0), "removing boss would leave no admin; nothing was changed")
        }
        try boss.setTeamUser("max", role: .admin, repCode: nil)
        XCTAssertEqual(try boss.teamUsers().first { $0.name == "max" }?.role, .admin)
        XCTAssertThrowsError(try boss.setTeamSetting(.repsSee, "some")) {
            XCTAssertEqual(StoreError.message(for: $0), "reps_see must be own or all, not \"some\"")
        }
    }

    func testTheAuditNamesTheUserAndTheFieldsBeforeAndAfter() throws {
        _ = try makeTeam()
        let anna = try open(as: "anna")
        let row = try XCTUnwrap(anna.accounts(AccountQuery(), limit: 1).first)
        var customer = try XCTUnwrap(anna.customer(id: row.id))
        let oldNotes = customer.notes
        customer.notes = "Prefers calls before 10"
        try anna.saveSoftFacts(customer, actor: "whatever the caller says")

        try open(as: "boss").setTeamSetting(.repsSee, "own")
        let max = try open(as: "max")
        let entries = try max.auditPage(AuditFilter(customerNumber: row.number))
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(entry.user, "anna", "the store's user, not what the caller passed")
        XCTAssertEqual(entry.action, "edit soft facts")
        XCTAssertEqual(entry.customerNumber, row.number)
        let changes = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(entry.changes.utf8)) as? [String: [String: String]])
        XCTAssertEqual(changes, ["notes": ["before": oldNotes, "after": "Prefers calls before 10"]])

        // Paged, newest first, and a rep sees only her own entries.
        let all = try max.auditPage(AuditFilter())
        let firstTwo = try max.auditPage(AuditFilter(), limit: 2)
        let next = try max.auditPage(AuditFilter(), before: firstTwo.last?.id, limit: 2)
        XCTAssertEqual((firstTwo + next).map(\.id), Array(all.prefix(4)).map(\.id))
        XCTAssertTrue(all.contains { $0.user == "boss" })
        XCTAssertEqual(Set(try anna.auditPage(AuditFilter()).map(\.user)), ["anna"])
        XCTAssertThrowsError(try anna.auditPage(AuditFilter(user: "boss")))
    }

    func testDraftsArePerUser() throws {
        let team = try makeTeam()
        let anna = try open(as: "anna")
        try anna.saveDraft(kind: "visit", subject: "K1", payload: "{\"notes\":\"half typed\"}")
        XCTAssertEqual(try anna.drafts(kind: "visit").map(\.payload), ["{\"notes\":\"half typed\"}"])
        XCTAssertEqual(try open(as: "max").drafts(kind: "visit"), [], "one rep's unsaved visit is never offered to another")
        try open(as: "max").saveDraft(kind: "visit", subject: "K1", payload: "max's")
        XCTAssertEqual(try anna.drafts(kind: "visit").map(\.payload), ["{\"notes\":\"half typed\"}"], "same form, own draft")
        try anna.deleteDraft(kind: "visit", subject: "K1")
        XCTAssertEqual(try open(as: "max").drafts(kind: "visit").map(\.payload), ["max's"])
        _ = team
    }
}

extension TeamAccessStoreTests {
    func testARepRecordsOnlyTheirOwnAbsencesAndImportsAreForManagers() throws {
        _ = try makeTeamForExtension()
        let anna = try Store(path: dbPath, user: UserIdentity(login: "boss", requested: "anna"))
        defer { try? anna.close() }
        XCTAssertNoThrow(try anna.addAbsence(repCode: "AB", from: today, to: today.adding(days: 4), reason: "Urlaub", actor: "anna"))
        XCTAssertThrowsError(try anna.addAbsence(repCode: "DG", from: today, to: today, reason: "", actor: "anna")) {
            XCTAssertEqual(StoreError.message(for: $0), "a rep records only their own absences; nothing was changed")
        }
        XCTAssertThrowsError(try anna.importCSV(.customers, bytes: Array("number,name\nK9,Neu GmbH\n".utf8), fileName: "c.csv",
                                                options: ImportOptions(today: today))) {
            XCTAssertEqual(StoreError.message(for: $0), "anna is a rep: only a manager or admin may import")
        }
        XCTAssertEqual(try anna.absences().map(\.repCode), ["AB"])
    }

    private func makeTeamForExtension() throws -> Store {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 40, asOf: today))
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        return store
    }
}
