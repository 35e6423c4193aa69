import GRDB
import LoyalCore

enum Triage {
    static func run(_ db: Database, _ action: TriageAction, actor: String, today: Day, settings: Settings) throws -> TriageUndo {
        let customerID = try action.customerID ?? signalCustomer(db, action)
        guard let customerID, let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [customerID]) else {
            throw StoreError.notFound(Text.tr("store_error.customer_no_longer"))
        }
        let customer = CustomerRecords.customer(row)
        var undo = TriageUndo(description: "", customerID: customerID)
        undo.signalsBefore = try Row.fetchAll(db, sql: "SELECT * FROM signal WHERE customer_id = ? AND status IN ('open', 'snoozed')",
                                              arguments: [customerID]).map(StatsRecords.signal)
        let stats = try Row.fetchOne(db, sql: "SELECT stage, stage_since FROM customer_stats WHERE customer_id = ?",
                                     arguments: [customerID])
        undo.stageBefore = (stats?["stage"], stats?["stage_since"])
        var text: String
        switch action {
        case let .assign(_, code):
            guard let repID = try Int64.fetchOne(db, sql: "SELECT id FROM rep WHERE code = ? COLLATE NOCASE", arguments: [code]) else {
                throw StoreError.notFound(Text.tr("store_error.no_rep_code", code))
            }
            try db.execute(sql: "UPDATE signal SET assigned_rep_id = ? WHERE customer_id = ? AND status IN ('open', 'snoozed')",
                           arguments: [repID, customerID])
            text = "assigned \(customer.number) to \(code)"
        case let .schedule(_, channel, due, reason):
            let id = try CalendarRecords.upsert(db, CalendarEntry(
                customerID: customerID, repID: try assignedRep(db, customerID) ?? customer.repID, due: due, channel: channel,
                reason: reason, source: .triage, uid: "triage-\(customerID)-\(channel.rawValue)-\(due.iso)-\(Timestamp.now())@loyal"))
            undo.createdEntryIDs = [id]
            undo.createdStageIDs = try [RetentionStages.record(db, customerID: customerID, event: .planApplied, on: today)]
                .compactMap { $0 }
            text = "scheduled a \(channel.rawValue) with \(customer.number) on \(due.iso)"
        case let .applyPlaybook(_, kind):
            guard let playbook = settings.retention.playbook(for: kind) else {
                throw StoreError.notFound(Text.tr("store_error.no_playbook", kind))
            }
            let rep = try assignedRep(db, customerID) ?? customer.repID
            for planned in playbook.apply(today: today) {
                var entry = planned.calendarEntry(customerID: customerID, repID: rep)
                // Applying the same playbook again later makes new entries, not the old ones again.
                entry.uid = entry.uid.replacing("@", with: "-\(today.iso)@")
                undo.createdEntryIDs.append(try CalendarRecords.upsert(db, entry))
            }
            undo.createdStageIDs = try [RetentionStages.record(db, customerID: customerID, event: .planApplied, on: today)]
                .compactMap { $0 }
            text = "applied the \(kind) playbook to \(customer.number) (\(playbook.steps.count) entries)"
        case let .snooze(ids, until, reason):
            try db.execute(sql: """
                UPDATE signal SET status = 'snoozed', snoozed_until = ?, reason = ?, updated_on = ?
                WHERE id IN (\(ids.map(String.init).joined(separator: ","))) AND status IN ('open', 'snoozed')
                """, arguments: [until.iso, reason, today.iso])
            text = "snoozed \(ids.count) signal\(ids.count == 1 ? "" : "s") of \(customer.number) until \(until.iso): \(reason)"
        case let .dismiss(ids, reason):
            try db.execute(sql: """
                UPDATE signal SET status = 'dismissed', reason = ?, updated_on = ?
                WHERE id IN (\(ids.map(String.init).joined(separator: ","))) AND status IN ('open', 'snoozed')
                """, arguments: [reason, today.iso])
            text = "dismissed \(ids.count) signal\(ids.count == 1 ? "" : "s") of \(customer.number) as false alarm: \(reason)"
        case let .markLost(_, day, reason, note):
            undo.customerBefore = customer
            var c = customer
            c.status = .lost; c.lostOn = day; c.lostReason = reason; c.returnedOn = nil
            if !note.isEmpty { c.notes = c.notes.isEmpty ? "Lost: \(note)" : c.notes + "\nLost: \(note)" }
            try CustomerRecords.update(db, c, now: Timestamp.now())
            try db.execute(sql: """
                UPDATE signal SET status = 'resolved', reason = 'customer lost', updated_on = ?
                WHERE customer_id = ? AND status IN ('open', 'snoozed')
                """, arguments: [today.iso, customerID])
            undo.createdStageIDs = try [RetentionStages.record(db, customerID: customerID, event: .markedLost, on: day)]
                .compactMap { $0 }
            text = "marked \(customer.number) lost on \(day.iso) (\(reason.label))"
        case let .markReturned(_, day):
            undo.customerBefore = customer
            var c = customer
            c.status = .active; c.returnedOn = day
            try CustomerRecords.update(db, c, now: Timestamp.now())
            undo.winbacksBefore = try Row.fetchAll(db, sql: "SELECT * FROM winback WHERE customer_id = ? AND outcome = 'open'",
                                                   arguments: [customerID]).map(WinbackRecords.winback)
            try db.execute(sql: """
                UPDATE winback SET outcome = 'won', closed_on = ? WHERE customer_id = ? AND outcome = 'open'
                """, arguments: [day.iso, customerID])
            undo.createdStageIDs = try [RetentionStages.record(db, customerID: customerID, event: .returned, on: day)]
                .compactMap { $0 }
            text = "\(customer.number) came back on \(day.iso) (returnee)"
        case let .openWinback(w):
            undo.createdWinbackID = try WinbackRecords.insert(db, w)
            if let due = w.followUpOn {
                undo.createdEntryIDs = [try CalendarRecords.upsert(db, CalendarEntry(
                    customerID: customerID, repID: customer.repID, due: due, channel: WinbackApproach.channel(w.approach),
                    reason: "Win-back: \(w.approach.isEmpty ? "follow up" : w.approach)", source: .winback,
                    uid: "winback-\(undo.createdWinbackID!)-\(due.iso)@loyal"))]
            }
            text = "opened a win-back case for \(customer.number) (class \(w.scoreClass), \(w.score) points)"
        case let .updateWinback(w):
            guard let id = w.id, let before = try WinbackRecords.find(db, id: id) else {
                throw StoreError.notFound(Text.tr("store_error.winback_no_longer"))
            }
            undo.winbacksBefore = [before]
            try WinbackRecords.update(db, w)
            text = "updated the win-back case of \(customer.number)" + (w.outcome != .open ? " (\(w.outcome.rawValue))" : "")
        }
        try Audit.record(db, actor: actor, entity: "customer", id: customerID, action: "triage", detail: text)
        undo.description = text
        return undo
    }

    static func signalCustomer(_ db: Database, _ action: TriageAction) throws -> Int64? {
        switch action {
        case .snooze(let ids, _, _), .dismiss(let ids, _):
            guard let first = ids.first else { throw StoreError.invalid(Text.tr("store_error.no_signal")) }
            return try Int64.fetchOne(db, sql: "SELECT customer_id FROM signal WHERE id = ?", arguments: [first])
        default: return nil
        }
    }

    static func assignedRep(_ db: Database, _ customerID: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT assigned_rep_id FROM signal WHERE customer_id = ? AND assigned_rep_id IS NOT NULL
            ORDER BY updated_on DESC LIMIT 1
            """, arguments: [customerID])
    }

    static func revert(_ db: Database, _ undo: TriageUndo, actor: String) throws {
        for s in undo.signalsBefore {
            try db.execute(sql: """
                UPDATE signal SET status = ?, snoozed_until = ?, reason = ?, assigned_rep_id = ? WHERE id = ?
                """, arguments: [s.status.rawValue, s.snoozedUntil.sql, s.reason, s.assignedRepID, s.id])
        }
        if !undo.createdSignalIDs.isEmpty {
            try db.execute(sql: "DELETE FROM signal WHERE id IN (\(undo.createdSignalIDs.map(String.init).joined(separator: ",")))")
        }
        if !undo.createdEntryIDs.isEmpty {
            try db.execute(sql: "DELETE FROM calendar_entry WHERE id IN (\(undo.createdEntryIDs.map(String.init).joined(separator: ",")))")
        }
        if !undo.createdStageIDs.isEmpty, let id = undo.customerID {
            try db.execute(sql: "DELETE FROM retention_stage WHERE id IN (\(undo.createdStageIDs.map(String.init).joined(separator: ",")))")
            try db.execute(sql: "UPDATE customer_stats SET stage = ?, stage_since = ? WHERE customer_id = ?",
                           arguments: [undo.stageBefore.stage, undo.stageBefore.since, id])
        }
        if let c = undo.customerBefore { try CustomerRecords.update(db, c, now: Timestamp.now()) }
        if let w = undo.createdWinbackID { try db.execute(sql: "DELETE FROM winback WHERE id = ?", arguments: [w]) }
        for w in undo.winbacksBefore { try WinbackRecords.update(db, w) }
        try Audit.record(db, actor: actor, entity: "customer", id: undo.customerID, action: "undo", detail: undo.description)
    }
}
