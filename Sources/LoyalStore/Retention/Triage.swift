import Foundation
import GRDB
import LoyalCore

/// A triage action on the early-warning panel. Each is one transaction with an
/// audit entry, and returns what is needed to undo it right after.
public enum TriageAction: Sendable, Hashable {
    case assign(customerID: Int64, repCode: String)
    case schedule(customerID: Int64, channel: Channel, due: Day, reason: String)
    case applyPlaybook(customerID: Int64, kind: String)
    case snooze(signalIDs: [Int64], until: Day, reason: String)
    case dismiss(signalIDs: [Int64], reason: String)
    case markLost(customerID: Int64, on: Day, reason: LostReason, note: String)
    case markReturned(customerID: Int64, on: Day)
    case openWinback(WinbackCase)
    case updateWinback(WinbackCase)

    var customerID: Int64? {
        switch self {
        case .assign(let id, _), .schedule(let id, _, _, _), .applyPlaybook(let id, _), .markLost(let id, _, _, _),
             .markReturned(let id, _):
            return id
        case .openWinback(let w), .updateWinback(let w): return w.customerID
        case .snooze, .dismiss: return nil
        }
    }
}

/// What to restore to take an action back.
public struct TriageUndo: Sendable {
    /// "dismissed 2 signals of K100123", for the status bar and the audit log.
    public internal(set) var description: String
    let customerID: Int64?
    var signalsBefore: [ChurnSignal] = []
    var createdEntryIDs: [Int64] = []
    var createdStageIDs: [Int64] = []
    /// Signals the re-evaluation after the action opened (e.g. for a customer who came back).
    var createdSignalIDs: [Int64] = []
    var stageBefore: (stage: String?, since: String?) = (nil, nil)
    var customerBefore: Customer?
    var createdWinbackID: Int64?
    /// Win-back cases the action changed, as they were.
    var winbacksBefore: [WinbackCase] = []

    init(description: String, customerID: Int64?) {
        self.description = description
        self.customerID = customerID
    }
}

extension Store {
    /// Carries out a triage action; the returned undo restores the state before it.
    public func triage(_ action: TriageAction, actor: String, today: Day, settings: Settings) throws -> TriageUndo {
        try pool.write { db in
            var undo = try Triage.run(db, action, actor: actor, today: today, settings: settings)
            guard let id = action.customerID ?? undo.customerID else { return undo }
            // What the re-evaluation creates (a stage change, a signal opened) belongs to the action: undo removes it too.
            let lastSignal = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM signal") ?? 0
            let lastStage = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM retention_stage") ?? 0
            try Store.refreshCustomer(db, id: id, asOf: today, settings: settings)
            undo.createdSignalIDs = try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE customer_id = ? AND id > ?",
                                                       arguments: [id, lastSignal])
            undo.createdStageIDs += try Int64.fetchAll(db, sql: "SELECT id FROM retention_stage WHERE customer_id = ? AND id > ?",
                                                       arguments: [id, lastStage])
            return undo
        }
    }

    /// Takes back the last action (the UI offers this right after it).
    public func undo(_ undo: TriageUndo, actor: String, today: Day, settings: Settings) throws {
        try pool.write { db in try Triage.revert(db, undo, actor: actor) }
        if let id = undo.customerID { try refreshCustomer(id, asOf: today, settings: settings) }
    }
}
