import GRDB
import LoyalCore

public struct CalendarRefreshSummary: Sendable, Hashable {
    public var customers = 0
    public var planned = 0
    public var removed = 0
    public var blocked = 0
    /// Calls and visits with no room in their window ("does not fit"), in all and per rep id.
    public var unplanned = 0
    public var unplannedByRep: [Int64: Int] = [:]
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
        let pool = self.pool
        return try pool.write { db in
            try CalendarRefresh.run(db, today: today, settings: settings, only: ids, reader: ids == nil ? pool : nil)
        }
    }
}

enum CalendarRefresh {
    /// An open planned entry as stored, to compare with what the planner makes now.
    struct StoredEntry {
        var id: Int64, contactPersonID: Int64?, repID: Int64?, due: String, channel: String, reason: String
        var time: String?, blocked: String?, note: String, userMoved: Bool

        /// Whether writing `row` would change anything (as the upsert's own WHERE decides).
        func differs(from row: StoredEntry) -> Bool {
            contactPersonID != row.contactPersonID || repID != row.repID || (!userMoved && due != row.due)
                || channel != row.channel || reason != row.reason || time != row.time || blocked != row.blocked
                || note != row.note
        }
    }

    /// One batch of customers as planned, kept until the levelling has seen every batch.
    struct PlannedBatch {
        var scope: CustomerScope
        var entries: [PlannedEntry] = []
        var classes: [Int64: CustomerClass] = [:]
        /// UID of a dated entry → its row id.
        var givenIDs: [String: Int64] = [:]
        var customers = 0
    }

    /// The entries it plans are results, not changes for the next refresh.
    /// `reader`: a pool whose readers load the next batch's facts while this connection plans
    /// the current one. Planning writes nothing before every batch is planned, and while this
    /// transaction holds the write lock no one else can commit: a reader sees what it sees.
    static func run(_ db: Database, today: Day, settings: Settings, only ids: [Int64]?,
                    reader: BusyPool? = nil) throws -> CalendarRefreshSummary {
        try ChangeTracking.paused(db) { try plan(db, today: today, settings: settings, only: ids, reader: reader) }
    }

    private static func plan(_ db: Database, today: Day, settings: Settings, only ids: [Int64]?,
                             reader: BusyPool?) throws -> CalendarRefreshSummary {
        var summary = CalendarRefreshSummary()
        let rules = settings.contactPlan
        let to = today.adding(days: settings.calendarHorizonDays)
        let sources = PlanFactsLoader.plannedSources.map { "'\($0.rawValue)'" }.joined(separator: ",")
        // 1. Plan every customer, batch by batch; the levelling needs all of a rep's entries at once.
        var batches: [PlannedBatch] = []
        var items: [LevelItem] = []
        let scopes = try CustomerScope.passes(db, only: ids)
        func prefetch(_ index: Int) -> Background<[CustomerPlanFacts]>? {
            guard let reader, index < scopes.count else { return nil }
            let scope = scopes[index]
            return Background { try reader.read { db in try PlanFactsLoader.load(db, today: today, rules: rules, scope: scope) } }
        }
        var next = prefetch(0)
        for (index, scope) in scopes.enumerated() {
            var batch = PlannedBatch(scope: scope)
            let facts = try next?.value() ?? PlanFactsLoader.load(db, today: today, rules: rules, scope: scope)
            next = prefetch(index + 1)
            for f in facts {
                batch.classes[f.customerID] = f.customerClass
                for g in f.given { batch.givenIDs[g.plannedUID(customerID: f.customerID)] = Int64(g.key) ?? 0 }
                for e in ContactPlanner.plan(customer: f, rules: rules, from: today, to: to, today: today,
                                             display: settings.display) {
                    items.append(LevelItem(e, customerClass: f.customerClass, stake: f.stake, region: f.postalRegion,
                                           today: today))
                    batch.entries.append(e)
                }
            }
            batch.customers = facts.count
            batches.append(batch)
        }
        // 2. Level: a few customers against what their reps already have on their days.
        if let ids { items += try PlanLoad.otherCustomers(db, reps: Set(items.compactMap(\.rep)), excluding: ids, today: today, to: to) }
        let placements = PlanLevelling.level(items, calendar: try Store.workCalendar(db, from: today.adding(days: -31), to: to, settings: settings),
                                             capacity: try Store.planCapacities(db, settings: settings),
                                             today: today, end: to)
        // 3. Store batch by batch.
        let upsert = try db.makeStatement(sql: """
            INSERT INTO calendar_entry (uid, customer_id, contact_person_id, rep_id, due, channel, reason, source, status,
                                        time, blocked, note, class)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
            ON CONFLICT (uid) DO UPDATE SET contact_person_id = excluded.contact_person_id, rep_id = excluded.rep_id,
                due = CASE WHEN user_moved = 1 THEN due ELSE excluded.due END, channel = excluded.channel,
                reason = excluded.reason, time = excluded.time, blocked = excluded.blocked, note = excluded.note
            WHERE status = 'open' AND (contact_person_id IS NOT excluded.contact_person_id OR rep_id IS NOT excluded.rep_id
                OR (user_moved = 0 AND due <> excluded.due) OR channel <> excluded.channel OR reason <> excluded.reason
                OR time IS NOT excluded.time OR blocked IS NOT excluded.blocked OR note <> excluded.note)
            """)
        let annotate = try db.makeStatement(sql: """
            UPDATE calendar_entry SET blocked = :blocked, note = :note
            WHERE id = :id AND (blocked IS NOT :blocked OR note <> :note)
            """)
        let delete = try db.makeStatement(sql: "DELETE FROM calendar_entry WHERE id = ?")
        let unplanned = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO calendar_unplanned (uid, customer_id, rep_id, due, channel, reason, source, stake,
                                                       window_from, window_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let planned = Set(PlanFactsLoader.plannedSources)
        var k = 0
        for batch in batches {
            let scope = batch.scope
            // An entry planned as it is stored is not written again: a refresh of 200000
            // customers would otherwise rewrite half a million unchanged rows and their indexes.
            var stored: [String: StoredEntry] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT uid, id, contact_person_id, rep_id, due, channel, reason, time, blocked, note, user_moved
                FROM calendar_entry WHERE status = 'open' AND source IN (\(sources)) AND \(scope.condition("customer_id"))
                """)
            while let r = try rows.next() {
                stored[r[0]] = StoredEntry(id: r[1], contactPersonID: r[2], repID: r[3], due: r[4], channel: r[5],
                                           reason: r[6], time: r[7], blocked: r[8], note: r[9], userMoved: r[10])
            }
            try db.execute(sql: "DELETE FROM calendar_unplanned WHERE \(scope.condition("customer_id"))")
            var kept = Set<String>()
            for var e in batch.entries {
                let placement = placements[k], item = items[k]
                k += 1
                let planner = e.due
                let fits = e.apply(placement, item: item)
                if let id = batch.givenIDs[e.uid] {
                    // Dated by a person: keep the day, add what the planner noticed.
                    annotate.setUncheckedArguments(["blocked": e.blockedText?.stored, "note": storedNote(e, given: true),
                                                "id": id])
                    try annotate.execute()
                    continue
                }
                guard planned.contains(e.source) else { continue }
                guard fits else {
                    // No room in its window: out of the horizon, listed so a manager sees what is left undone.
                    if placement.outcome == .noRoom {
                        summary.unplanned += 1
                        if let rep = e.repID { summary.unplannedByRep[rep, default: 0] += 1 }
                        unplanned.setUncheckedArguments([e.uid, e.customerID, e.repID, planner.iso, e.channel.rawValue,
                                                         e.reasonText.stored, e.source.rawValue, item.stake,
                                                         placement.window?.lowerBound.iso, placement.window?.upperBound.iso])
                        try unplanned.execute()
                    }
                    continue
                }
                // Keys with their arguments, written the same way each time: an unchanged plan compares equal.
                let note = storedNote(e, given: false), reason = e.reasonText.stored, blocked = e.blockedText?.stored
                summary.planned += 1
                if e.blocked != nil { summary.blocked += 1 }
                kept.insert(e.uid)
                if let old = stored[e.uid], !old.differs(from: StoredEntry(
                    id: old.id, contactPersonID: e.contactPersonID, repID: e.repID, due: e.due.iso,
                    channel: e.channel.rawValue, reason: reason, time: e.time?.description, blocked: blocked,
                    note: note, userMoved: old.userMoved)) { continue }
                upsert.setUncheckedArguments([
                    e.uid, e.customerID, e.contactPersonID, e.repID, e.due.iso, e.channel.rawValue, reason,
                    e.source.rawValue, e.time?.description, blocked, note, batch.classes[e.customerID]?.rawValue ?? "C",
                ])
                try upsert.execute()
            }
            for (uid, entry) in stored where !kept.contains(uid) {
                delete.setUncheckedArguments([entry.id])
                try delete.execute()
                summary.removed += 1
            }
            // The week grid's order keeps the customer's class beside each entry: new planned
            // entries get it on insert; this catches a changed class and entries made elsewhere.
            try db.execute(sql: """
                UPDATE calendar_entry SET class = s.class FROM customer_stats s
                WHERE s.customer_id = calendar_entry.customer_id AND calendar_entry.class <> s.class
                  AND \(scope.condition("calendar_entry.customer_id"))
                """)
            summary.customers += batch.customers
        }
        if ids == nil { try Store.setMeta(db, "calendar_as_of", today.iso) }
        return summary
    }

    /// The planner's notes as the `note` column keeps them (a catalogue key with its
    /// arguments, read in the viewer's language): without the block, which has its own
    /// column (views and the export add "blocked: …" themselves).
    /// A `given` entry keeps the day and time a person chose, so a move the planner
    /// would make is a flag ("high season 12: the plan would move it to 01.01.2027"),
    /// not "moved from" the very day it is still on.
    static func storedNote(_ e: PlannedEntry, given: Bool) -> String {
        var e = e
        e.blockedText = nil
        if given, let m = e.moved {
            let because = StoredText.Arg.sub(m.becauseText)
            let flag: StoredText
            switch (m.from == e.due, e.time) {
            case (true, let time): flag = StoredText("calendar_note.would_move", [because, .text(time?.description ?? "")])
            case (false, nil): flag = StoredText("calendar_note.would_move", [because, .day(e.due)])
            case (false, let time?): flag = StoredText("calendar_note.would_move_day_time", [because, .day(e.due), .text(time.description)])
            }
            e.conflictText = e.conflictText.map { StoredText("calendar_note.and", [.sub(flag), .sub($0)]) } ?? flag
            e.moved = nil
        }
        return e.noteText?.stored ?? ""
    }
}
