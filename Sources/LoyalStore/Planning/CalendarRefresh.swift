import GRDB
import LoyalCore

public struct CalendarRefreshSummary: Sendable, Hashable {
    public var customers = 0
    public var planned = 0
    public var removed = 0
    public var blocked = 0
}

extension Store {
    /// Plans every customer's contacts from today to the horizon (plus what is
    /// overdue) and keeps the calendar table in step: planned entries are added or
    /// updated by their stable UID, entries a person moved keep their day, done and
    /// skipped ones are never touched, and open ones no longer planned (because a
    /// contact satisfied them) go, moved or not: a visit made early satisfies the
    /// visit a person had moved, so it must not be suggested a second time.
    @discardableResult
    public func refreshCalendar(today: Day, settings: Settings, only ids: [Int64]? = nil) throws -> CalendarRefreshSummary {
        try pool.write { db in try CalendarRefresh.run(db, today: today, settings: settings, only: ids) }
    }
}

enum CalendarRefresh {
    static func run(_ db: Database, today: Day, settings: Settings, only ids: [Int64]?) throws -> CalendarRefreshSummary {
        var summary = CalendarRefreshSummary()
        let rules = settings.contactPlan
        let facts = try PlanFactsLoader.load(db, today: today, rules: rules, only: ids)
        let to = today.adding(days: settings.calendarHorizonDays)
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS kept_uid (uid TEXT PRIMARY KEY) WITHOUT ROWID")
        try db.execute(sql: "DELETE FROM kept_uid")
        let upsert = try db.makeStatement(sql: """
            INSERT INTO calendar_entry (uid, customer_id, contact_person_id, rep_id, due, channel, reason, source, status,
                                        time, blocked, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
            ON CONFLICT (uid) DO UPDATE SET contact_person_id = excluded.contact_person_id, rep_id = excluded.rep_id,
                due = CASE WHEN user_moved = 1 THEN due ELSE excluded.due END, channel = excluded.channel,
                reason = excluded.reason, time = excluded.time, blocked = excluded.blocked, note = excluded.note
            WHERE status = 'open' AND (contact_person_id IS NOT excluded.contact_person_id OR rep_id IS NOT excluded.rep_id
                OR (user_moved = 0 AND due <> excluded.due) OR channel <> excluded.channel OR reason <> excluded.reason
                OR time IS NOT excluded.time OR blocked IS NOT excluded.blocked OR note <> excluded.note)
            """)
        // An entry planned as it is stored is not written again: a refresh of
        // 200000 customers rewrote half a million unchanged rows and their indexes.
        let keep = try db.makeStatement(sql: "INSERT OR IGNORE INTO kept_uid (uid) VALUES (?)")
        let annotate = try db.makeStatement(sql: "UPDATE calendar_entry SET blocked = ?, note = ? WHERE id = ?")
        let planned = Set(PlanFactsLoader.plannedSources)
        for f in facts {
            let givenIDs = Dictionary(f.given.map { ($0.plannedUID(customerID: f.customerID), Int64($0.key) ?? 0) },
                                      uniquingKeysWith: { a, _ in a })
            for e in ContactPlanner.plan(customer: f, rules: rules, from: today, to: to, today: today, display: settings.display) {
                if let id = givenIDs[e.uid] {
                    // Dated by a person: keep the day, add what the planner noticed.
                    annotate.setUncheckedArguments([e.blocked, storedNote(e, settings.display.dateStyle, given: true), id])
                    try annotate.execute()
                    continue
                }
                guard planned.contains(e.source) else { continue }
                upsert.setUncheckedArguments([
                    e.uid, e.customerID, e.contactPersonID, e.repID, e.due.iso, e.channel.rawValue, e.reason,
                    e.source.rawValue, e.time?.description, e.blocked, storedNote(e, settings.display.dateStyle, given: false),
                ])
                try upsert.execute()
                keep.setUncheckedArguments([e.uid])
                try keep.execute()
                summary.planned += 1
                if e.blocked != nil { summary.blocked += 1 }
            }
        }
        let customerFilter = ids.map { " AND customer_id IN (" + $0.map(String.init).joined(separator: ",") + ")" } ?? ""
        try db.execute(sql: """
            DELETE FROM calendar_entry WHERE status = 'open'
              AND source IN (\(PlanFactsLoader.plannedSources.map { "'\($0.rawValue)'" }.joined(separator: ",")))
              AND uid NOT IN (SELECT uid FROM kept_uid)\(customerFilter)
            """)
        summary.removed = db.changesCount
        try db.execute(sql: "DELETE FROM kept_uid")
        summary.customers = facts.count
        if ids == nil { try Store.setMeta(db, "calendar_as_of", today.iso) }
        return summary
    }

    /// The planner's notes as the `note` column keeps them: without the block,
    /// which has its own column (views and the export add "blocked: …" themselves).
    /// A `given` entry keeps the day and time a person chose, so a move the planner
    /// would make is a flag ("high season 12: the plan would move it to 01.01.2027"),
    /// not "moved from" the very day it is still on.
    static func storedNote(_ e: PlannedEntry, _ style: DateStyle, given: Bool) -> String {
        var e = e
        e.blocked = nil
        if given, let m = e.moved {
            let to = (m.from == e.due ? "" : style.format(e.due)) + (e.time.map { m.from == e.due ? "\($0)" : " \($0)" } ?? "")
            e.conflict = ["\(m.because): the plan would move it to \(to)", e.conflict].compactMap { $0 }.joined(separator: "; ")
            e.moved = nil
        }
        return e.note(style: style)
    }
}
