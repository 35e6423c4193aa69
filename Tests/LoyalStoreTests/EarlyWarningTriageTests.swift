import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Every triage action writes an audit entry, and its undo restores the state before it exactly.
final class EarlyWarningTriageTests: EarlyWarningTestCase {
    /// What a triage action may change about a customer, as text to compare.
    private func state(_ store: Store, _ number: String) throws -> [String] {
        let signalRows = try signals(store, number).map {
            "signal \($0.id!) \($0.kind) \($0.status.rawValue) until=\($0.snoozedUntil?.iso ?? "-") reason=\($0.reason) rep=\($0.assignedRepID.map(String.init) ?? "-") \($0.evidence)"
        }
        let (now, history) = try stage(store, number)
        let customer = try XCTUnwrap(try store.customer(id: try id(store, number)))
        let lost = "customer \(customer.status.rawValue) lost=\(customer.lostOn?.iso ?? "-") reason=\(customer.lostReason?.rawValue ?? "-") returned=\(customer.returnedOn?.iso ?? "-") notes=\(customer.notes)"
        let winbacks = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT w.* FROM winback w JOIN customer c ON c.id = w.customer_id WHERE c.number = ? ORDER BY w.id",
                             arguments: [number]).map { r -> String in
                let w = WinbackRecords.winback(r)
                return "winback \(w.outcome.rawValue) closed=\(w.closedOn?.iso ?? "-") \(w.scoreClass) \(w.score) \(w.approach) \(w.offerType?.rawValue ?? "-") follow=\(w.followUpOn?.iso ?? "-")"
            }
        }
        return signalRows + ["stage " + now] + history + [lost] + winbacks + (try calendar(store, number))
    }

    /// Runs `action`, checks its audit entry and what changed, undoes it and checks all is as before.
    private func checkUndo(_ store: Store, _ number: String, _ action: TriageAction, audit detail: String,
                           file: StaticString = #filePath, line: UInt = #line, changed: () throws -> Void) throws {
        let before = try state(store, number)
        let auditBefore = try audit(store)
        let undo = try triage(store, action)
        let entity = try id(store, number)
        XCTAssertEqual(undo.description, detail, file: file, line: line)
        XCTAssertEqual(try audit(store), auditBefore + ["triage anna \(entity): \(detail)"], file: file, line: line)
        XCTAssertNotEqual(try state(store, number), before, "the action changed nothing", file: file, line: line)
        try changed()
        try self.undo(store, undo)
        XCTAssertEqual(try state(store, number), before, file: file, line: line)
        XCTAssertEqual(try audit(store), auditBefore + ["triage anna \(entity): \(detail)", "undo anna \(entity): \(detail)"],
                       file: file, line: line)
    }

    func testAssignAndUndo() throws {
        let store = try makeEarlyWarningStore()
        try checkUndo(store, "K3", .assign(customerID: try id(store, "K3"), repCode: "EF"), audit: "assigned K3 to EF") {
            XCTAssertEqual(try signals(store, "K3").map(\.assignedRepID), [try repID(store, "EF")])
            XCTAssertEqual(try panel(store, PanelFilter(repCode: "EF", beyondPanel: true)), ["K3"])
            XCTAssertEqual(try store.riskPanel(PanelFilter(repCode: "EF", beyondPanel: true), limit: 5).map(\.assignedRepCode), ["EF"])
        }
        XCTAssertEqual(try panel(store, PanelFilter(repCode: "EF", beyondPanel: true)), [])
    }

    func testScheduleUsesTheAssignedRepAndUndoRemovesTheEntry() throws {
        let store = try makeEarlyWarningStore()
        let k1 = try id(store, "K1")
        try triage(store, .assign(customerID: k1, repCode: "CD"))
        try checkUndo(store, "K1", .schedule(customerID: k1, channel: .visit, due: day("2026-11-26"), reason: "Jahresgespräch"),
                      audit: "scheduled a visit with K1 on 2026-11-26") {
            XCTAssertEqual(try calendar(store, "K1"), ["2026-11-26 visit triage CD: Jahresgespräch"])
            XCTAssertEqual(try stage(store, "K1").history, ["at_risk 2026-11-23 signal_opened", "plan_in_place 2026-11-23 plan_applied"])
            XCTAssertEqual(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 5).first { $0.number == "K1" }?.stage, .planInPlace)
        }
        XCTAssertEqual(try stage(store, "K1").now, "at_risk 2026-11-23")
    }

    func testPlaybookFillsTheCalendarAndUndoEmptiesIt() throws {
        let store = try makeEarlyWarningStore()
        // Cancellation: a call at once (Monday 23.11.), a visit after 7 days (Monday 30.11.).
        try checkUndo(store, "K5", .applyPlaybook(customerID: try id(store, "K5"), kind: "cancellation"),
                      audit: "applied the cancellation playbook to K5 (2 entries)") {
            XCTAssertEqual(try calendar(store, "K5"), [
                "2026-11-23 phone triage AB: cancellation announced: Call at once: understand the reason, involve management",
                "2026-11-30 visit triage AB: cancellation announced: Management visit with an offer that fits the reason",
            ])
            XCTAssertEqual(try stage(store, "K5").now, "plan_in_place 2026-11-23")
        }
        XCTAssertEqual(try calendar(store, "K5"), [], "undo removed the playbook's entries")
        // A kind without a playbook is refused and changes nothing.
        XCTAssertThrowsError(try triage(store, .applyPlaybook(customerID: try id(store, "K5"), kind: "no_such_kind")))
        XCTAssertEqual(try audit(store).count, 2)
    }

    func testSnoozeAndUndo() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K4").first?.id)
        let before = try panel(store)
        XCTAssertEqual(before, try rankedByRule(store))
        try checkUndo(store, "K4", .snooze(signalIDs: [signal], until: day("2026-12-01"), reason: "Einkäufer im Urlaub"),
                      audit: "snoozed 1 signal of K4 until 2026-12-01: Einkäufer im Urlaub") {
            XCTAssertEqual(try panel(store), before.filter { $0 != "K4" })
        }
        XCTAssertEqual(try panel(store), before, "undo puts K4 back in its place")
    }

    func testDismissAndUndoRestoresTheStageAndItsHistory() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K3").first?.id)
        let before = try panel(store)
        XCTAssertEqual(before, try rankedByRule(store))
        try checkUndo(store, "K3", .dismiss(signalIDs: [signal], reason: "Ware ersetzt"),
                      audit: "dismissed 1 signal of K3 as false alarm: Ware ersetzt") {
            XCTAssertEqual(try stage(store, "K3").now, "recovered 2026-11-23")
            XCTAssertEqual(try panel(store), before.filter { $0 != "K3" })
        }
        XCTAssertEqual(try panel(store), before, "undo puts K3 back in its place")
    }

    func testMarkLostAndUndo() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        let before = try panel(store)
        XCTAssertEqual(before, try rankedByRule(store))
        try checkUndo(store, "K5", .markLost(customerID: k5, on: day("2026-11-20"), reason: .competitor, note: "ging zu Holz-Meyer"),
                      audit: "marked K5 lost on 2026-11-20 (competitor)") {
            let customer = try XCTUnwrap(try store.customer(id: k5))
            XCTAssertEqual(customer.status, .lost)
            XCTAssertEqual(customer.lostOn, day("2026-11-20"))
            XCTAssertEqual(customer.lostReason, .competitor)
            XCTAssertEqual(customer.notes, "Lost: ging zu Holz-Meyer")
            XCTAssertEqual(try signals(store, "K5").map { "\($0.status.rawValue) \($0.reason)" },
                           ["resolved customer lost", "resolved customer lost"])
            XCTAssertEqual(try stage(store, "K5").history, ["at_risk 2026-11-23 signal_opened", "lost 2026-11-20 marked_lost"])
            XCTAssertEqual(try panel(store), before.filter { $0 != "K5" })
            XCTAssertEqual(try store.lostCustomers(limit: 10).map(\.number), ["K5"])
        }
        XCTAssertEqual(try store.lostCustomers(limit: 10).map(\.number), [])
        XCTAssertEqual(try store.lostCount(), 0)
        XCTAssertEqual(try panel(store), before, "undo puts K5 back in its place")
    }

    func testWinbackCasesAndReturnedAreUndoable() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        try triage(store, .markLost(customerID: k5, on: day("2026-11-20"), reason: .price, note: ""))
        let opened = WinbackCase(customerID: k5, openedOn: today, reason: .price, score: 64, scoreClass: "B", approach: "call",
                                 offerType: .financial, conditions: "5 % Jahresbonus", followUpOn: day("2026-11-30"))
        try checkUndo(store, "K5", .openWinback(opened), audit: "opened a win-back case for K5 (class B, 64 points)") {
            XCTAssertEqual(try calendar(store, "K5"), ["2026-11-30 phone winback AB: Win-back: call"])
            XCTAssertEqual(try store.lostCustomers(limit: 10).first?.winback?.conditions, "5 % Jahresbonus")
        }
        try triage(store, .openWinback(opened))
        var saved = try XCTUnwrap(try store.lostCustomers(limit: 10).first?.winback)
        saved.outcome = .declined; saved.closedOn = today
        try checkUndo(store, "K5", .updateWinback(saved), audit: "updated the win-back case of K5 (declined)") {
            XCTAssertEqual(try store.lostCustomers(limit: 10).first?.winback?.outcome, .declined)
        }
        // Coming back closes the open case as won; undo opens it again.
        try checkUndo(store, "K5", .markReturned(customerID: k5, on: today), audit: "K5 came back on 2026-11-23 (returnee)") {
            let row = try XCTUnwrap(try store.lostCustomers(limit: 10).first)
            XCTAssertEqual(row.returnedOn, today)
            XCTAssertEqual(row.winback?.outcome, .won)
            XCTAssertEqual(row.winback?.closedOn, today)
            XCTAssertEqual(try store.customer(id: k5)?.status, .active)
        }
        XCTAssertEqual(try store.lostCustomers(limit: 10).first?.winback?.outcome, .open)
    }
}
