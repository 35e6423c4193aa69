import GRDB
import LoyalCore

/// A calendar entry with what views show beside it.
public struct CalendarRow: Hashable, Sendable {
    public var entry: CalendarEntry
    public var customerNumber: String
    public var customerName: String
    public var customerClass: CustomerClass
    public var repCode: String?
    public var contactName: String?
    public var time: TimeOfDay?
    public var blocked: String?
    public var note: String
    public var userMoved: Bool
    /// The customer's postal code: a visit's area (tour days).
    public var postalCode: String = ""

    /// The block and the planner's notes together: "blocked: no phone consent; moved from …".
    public var notes: String {
        [blocked.map { Text.tr("calendar_note.blocked", $0) }, note.isEmpty ? nil : note].compactMap { $0 }.joined(separator: "; ")
    }
}

extension Store {
    /// Entries due in `from...to` (all statuses, or only open ones with `openOnly`), and
    /// open ones due before `from` when `overdueBefore` is set, ordered by day, time and customer.
    public func calendar(from: Day, to: Day, repCode: String? = nil, includeBlocked: Bool = true,
                         overdueBefore: Day? = nil, openOnly: Bool = false, limit: Int = 5000) throws -> [CalendarRow] {
        try pool.read { db in
            var clauses = ["((e.due BETWEEN :from AND :to)" + (overdueBefore != nil ? " OR (e.due < :overdue AND e.status = 'open'))" : ")"),
                           // Redundant, but it lets SQLite read one range of an index in due order and stop at
                           // the limit: as an OR of two ranges the agenda took 2 s on 200000 customers.
                           "e.due <= :upper"]
            var args: [String: (any DatabaseValueConvertible)?] = ["from": from.iso, "to": to.iso, "overdue": overdueBefore?.iso,
                                                                   "upper": max(to, overdueBefore ?? to).iso]
            if let repCode { clauses.append("e.rep_id = (SELECT id FROM rep WHERE code = :rep COLLATE NOCASE)"); args["rep"] = repCode }
            if !includeBlocked { clauses.append("e.blocked IS NULL") }
            clauses.append("NOT \(Self.campaignEntry)")
            if openOnly { clauses.append("e.status = 'open'") }
            return try Array(Row.fetchCursor(db, sql: """
                \(Self.calendarRowColumns)
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY e.due, e.time IS NULL, e.time, c.number LIMIT \(limit)
                """, arguments: StatementArguments(args)).map(Self.calendarRow))
        }
    }

    /// Newsletters and regular mailings (`CampaignChannel.contains`): campaigns, not rep tasks,
    /// so the agenda and the grids leave them out.
    static let campaignEntry = "(e.channel = 'newsletter' OR (e.channel = 'letter' AND e.source = 'plan'))"

    /// The columns every calendar view reads, in the order `calendarRow` decodes them
    /// by position (by name, a week of all reps spent most of its time finding columns).
    static let calendarRowColumns = """
        SELECT e.id, e.customer_id, e.contact_person_id, e.rep_id, e.due, e.channel, e.reason, e.source, e.status,
               e.status_reason, e.done_on, e.uid, c.number, c.name, s.class, r.code,
               trim(p.first_name || ' ' || p.last_name), e.time, e.blocked, e.note, e.user_moved, c.postal_code
        FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
        LEFT JOIN customer_stats s ON s.customer_id = e.customer_id
        LEFT JOIN rep r ON r.id = e.rep_id LEFT JOIN contact_person p ON p.id = e.contact_person_id
        """

    static func calendarRow(_ r: Row) -> CalendarRow {
        let entry = CalendarEntry(
            id: r[0], customerID: r[1], contactPersonID: r[2], repID: r[3], due: Day(iso: r[4] as String) ?? Day(number: 0),
            // Reasons and notes Loyal wrote are catalogue keys: read in the viewer's language.
            channel: Channel(rawValue: r[5]) ?? .phone, reason: StoredText.render(stored: r[6]),
            source: CalendarEntrySource(rawValue: r[7]) ?? .manual,
            status: CalendarEntryStatus(rawValue: r[8]) ?? .open, statusReason: StoredText.render(stored: r[9]),
            doneOn: (r[10] as String?).flatMap { Day(iso: $0) }, uid: r[11])
        let contact: String? = r[16]
        return CalendarRow(entry: entry, customerNumber: r[12], customerName: r[13],
                           customerClass: CustomerClass(rawValue: r[14] ?? "C") ?? .c, repCode: r[15],
                           contactName: contact.flatMap { $0.isEmpty ? nil : $0 },
                           time: (r[17] as String?).flatMap(TimeOfDay.init(parsing:)),
                           blocked: (r[18] as String?).map { StoredText.render(stored: $0) },
                           note: StoredText.render(stored: r[19] ?? ""), userMoved: r[20], postalCode: r[21] ?? "")
    }
}

/// What a rep does with an entry.
public enum CalendarAction: Sendable, Hashable {
    /// Done: logs the contact as an interaction (which satisfies the plan).
    case done(entryID: Int64, on: Day)
    /// Done, with the contact already recorded (a visit logged with its feedback form).
    case doneRecorded(entryID: Int64, on: Day)
    case skip(entryID: Int64, reason: String)
    case move(entryID: Int64, to: Day)
}

extension Store {
    /// Marks an entry done, skipped or moved in one transaction with an audit entry,
    /// then re-plans the customer. Returns the interaction logged by `done`.
    @discardableResult
    public func calendarAction(_ action: CalendarAction, actor: String, today: Day, settings: Settings) throws -> Int64? {
        let (customerID, interactionID) = try pool.write { db in
            try Store.calendarAction(db, action, actor: actor)
        }
        try refreshCalendar(today: today, settings: settings, only: [customerID])
        return interactionID
    }

    /// The action itself, inside the caller's transaction; returns the entry's customer
    /// and the interaction logged by `done`.
    static func calendarAction(_ db: Database, _ action: CalendarAction, actor: String) throws -> (Int64, Int64?) {
        let id: Int64
        switch action {
        case .done(let e, _), .doneRecorded(let e, _), .skip(let e, _), .move(let e, _): id = e
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM calendar_entry WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(Text.tr("store_error.entry_no_longer"))
        }
        var entry = CalendarRecords.entry(row)
        // The audit keeps the reason as stored (keys stay keys); the contact logged reads it
        // as the user who made it.
        let why: StoredText.Arg = StoredText(stored: entry.reason).map(StoredText.Arg.sub) ?? .text(entry.reason)
        entry.reason = StoredText.render(stored: entry.reason)
        var interactionID: Int64?
        var detail: StoredText
        switch action {
        case .done(_, let day):
            guard entry.status == .open else { throw StoreError.invalid(Text.tr("store_error.entry_already", Text.tr("entry_status.\(entry.status.rawValue)"))) }
            let kind: InteractionKind = [.visit: .visit, .phone: .call, .email: .email, .letter: .letter,
                                         .newsletter: .email, .sms: .call, .social: .email][entry.channel] ?? .call
            interactionID = try ContactRecords.insertInteraction(db, Interaction(
                customerID: entry.customerID, repID: entry.repID, kind: kind, day: day,
                contactPersonIDs: entry.contactPersonID.map { [$0] } ?? [], subject: entry.reason), now: Timestamp.now())
            try db.execute(sql: "UPDATE calendar_entry SET status = 'done', done_on = ? WHERE id = ?", arguments: [day.iso, id])
            detail = StoredText("audit_line.calendar_done", [why])
        case .doneRecorded(_, let day):
            try db.execute(sql: "UPDATE calendar_entry SET status = 'done', done_on = ? WHERE id = ? AND status = 'open'",
                           arguments: [day.iso, id])
            detail = StoredText("audit_line.calendar_done_feedback", [why])
        case .skip(_, let reason):
            try db.execute(sql: "UPDATE calendar_entry SET status = 'skipped', status_reason = ? WHERE id = ?",
                           arguments: [reason, id])
            detail = StoredText("audit_line.calendar_skipped", [why, .text(reason)])
        case .move(_, let day):
            try db.execute(sql: "UPDATE calendar_entry SET due = ?, user_moved = 1 WHERE id = ?", arguments: [day.iso, id])
            detail = StoredText("audit_line.calendar_moved", [why, .text(entry.due.iso), .text(day.iso)])
        }
        try Audit.record(db, actor: actor, entity: "calendar_entry", id: id, action: "calendar", detail: detail.stored)
        return (entry.customerID, interactionID)
    }
}

/// What a month grid shows per day.
public struct CalendarDayCount: Hashable, Sendable {
    public var day: Day
    public var open: Int
    public var done: Int
    public var blocked: Int
}

extension Store {
    /// Entries per day in a range, for the month grid (no rows, just counts).
    public func calendarCounts(from: Day, to: Day, repCode: String? = nil) throws -> [Day: CalendarDayCount] {
        try pool.read { db in
            var sql = """
                SELECT due, sum(status = 'open' AND blocked IS NULL) AS open, sum(status = 'done') AS done,
                       sum(status = 'open' AND blocked IS NOT NULL) AS blocked
                FROM calendar_entry e WHERE due BETWEEN ? AND ? AND NOT \(Self.campaignEntry)
                """
            var args: StatementArguments = [from.iso, to.iso]
            if let repCode { sql += " AND rep_id = (SELECT id FROM rep WHERE code = ? COLLATE NOCASE)"; args += [repCode] }
            var out: [Day: CalendarDayCount] = [:]
            for r in try Row.fetchAll(db, sql: sql + " GROUP BY due", arguments: args) {
                guard let d = r.day("due") else { continue }
                out[d] = CalendarDayCount(day: d, open: r["open"], done: r["done"], blocked: r["blocked"])
            }
            return out
        }
    }

    /// Up to `perDay` entries of each day in a range (open before done, unblocked
    /// before blocked, A customers first, then by time and customer), for the week grid.
    public func calendarWeek(from: Day, to: Day, repCode: String? = nil, includeBlocked: Bool = true,
                             perDay: Int = 200) throws -> [CalendarRow] {
        try pool.read { db in
            let repID = try repCode.map { code in
                try Int64.fetchOne(db, sql: "SELECT id FROM rep WHERE code = ? COLLATE NOCASE", arguments: [code]) ?? -1
            }
            // One day at a time down the day-order index, reading only the rows shown:
            // ranking a whole week of every rep's entries took 0.2 s on 200000 customers.
            let statement = try db.makeStatement(sql: """
                \(Self.calendarRowColumns)
                WHERE e.due = ? AND NOT \(Self.campaignEntry)\(repID == nil ? "" : " AND e.rep_id = ?")\(includeBlocked ? "" : " AND NOT (e.blocked IS NOT NULL)")
                ORDER BY e.status <> 'open', e.blocked IS NOT NULL, e.class, e.time IS NULL, e.time, e.customer_id
                LIMIT ?
                """)
            var rows: [CalendarRow] = []
            var day = from
            while day <= to {
                statement.setUncheckedArguments(StatementArguments([day.iso] + (repID.map { [$0] } ?? []) + [perDay]))
                rows += try Array(Row.fetchCursor(statement).map(Self.calendarRow))
                day = day.adding(days: 1)
            }
            return rows
        }
    }

}
