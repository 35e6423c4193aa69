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

        /// The columns (bits in `EntryUpdates.columns` order) writing `row` would change, as
        /// the upsert decides: a moved entry keeps its day.
        func changes(to row: StoredEntry) -> Int {
            var bits = 0
            if contactPersonID != row.contactPersonID { bits |= 1 }
            if repID != row.repID { bits |= 2 }
            if !userMoved && due != row.due { bits |= 4 }
            if channel != row.channel { bits |= 8 }
            if reason != row.reason { bits |= 16 }
            if time != row.time { bits |= 32 }
            if blocked != row.blocked { bits |= 64 }
            if note != row.note { bits |= 128 }
            return bits
        }
    }

    /// Updates of a stored open entry that set only the columns that changed, one prepared
    /// statement per combination: SQLite rewrites an index only when an update sets one of
    /// its columns, and most entries change only their day or their note.
    struct EntryUpdates {
        static let columns = ["contact_person_id", "rep_id", "due", "channel", "reason", "time", "blocked", "note"]
        let db: Database
        var statements: [Int: Statement] = [:]

        init(db: Database) { self.db = db }

        mutating func run(_ changed: Int, _ row: StoredEntry) throws {
            let statement: Statement
            if let known = statements[changed] {
                statement = known
            } else {
                let set = Self.columns.indices.filter { changed & (1 << $0) != 0 }.map { "\(Self.columns[$0]) = ?" }
                statement = try db.makeStatement(sql: "UPDATE calendar_entry SET \(set.joined(separator: ", ")) WHERE id = ?")
                statements[changed] = statement
            }
            var values: [(any DatabaseValueConvertible)?] = []
            if changed & 1 != 0 { values.append(row.contactPersonID) }
            if changed & 2 != 0 { values.append(row.repID) }
            if changed & 4 != 0 { values.append(row.due) }
            if changed & 8 != 0 { values.append(row.channel) }
            if changed & 16 != 0 { values.append(row.reason) }
            if changed & 32 != 0 { values.append(row.time) }
            if changed & 64 != 0 { values.append(row.blocked) }
            if changed & 128 != 0 { values.append(row.note) }
            values.append(row.id)
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
        }
    }

    /// A row of calendar_unplanned as stored, but for its UID.
    struct UnplannedRow: Equatable {
        var customerID: Int64, repID: Int64?, due: String, channel: String, reason: String, source: String
        var stake: Int64, windowFrom: String?, windowTo: String?

        /// The same entry, ranked or windowed differently at most.
        func samePlan(as row: UnplannedRow) -> Bool {
            customerID == row.customerID && repID == row.repID && due == row.due && channel == row.channel
                && reason == row.reason && source == row.source
        }
    }

    typealias StoredRows = (entries: [String: StoredEntry], unplanned: [String: UnplannedRow])

    /// The open planned entries and what did not fit of a batch's customers, as stored.
    static func storedRows(_ db: Database, scope: CustomerScope, sources: String) throws -> StoredRows {
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
        // The same for what does not fit: most of it is the same from day to day but for
        // the stake and the window, which a narrow update writes without the other indexes.
        var unplanned: [String: UnplannedRow] = [:]
        let unplannedRows = try Row.fetchCursor(db, sql: """
            SELECT uid, customer_id, rep_id, due, channel, reason, source, stake, window_from, window_to
            FROM calendar_unplanned WHERE \(scope.condition("customer_id"))
            """)
        while let r = try unplannedRows.next() {
            unplanned[r[0]] = UnplannedRow(customerID: r[1], repID: r[2], due: r[3], channel: r[4], reason: r[5],
                                           source: r[6], stake: r[7], windowFrom: r[8], windowTo: r[9])
        }
        return (stored, unplanned)
    }

    /// A planned entry as a batch keeps it until the levelling has placed it: what is
    /// stored and what forms the note, without what only views use (at 200000 customers
    /// half a million entries wait, and a whole `PlannedEntry` is more than twice the size).
    struct Pending {
        var uid: String, reason: StoredText, blocked: StoredText?
        var customerID: Int64, repID: Int64?, contactPersonID: Int64?
        var due: Day, time: TimeOfDay?
        var channel: Channel, source: CalendarEntrySource
        /// Index in `PlannedBatch.notes` of the rarer parts of the note, -1 when there are none.
        var notes: Int32

        /// The rarer parts of the note.
        struct Notes {
            var moved: PlannedEntry.Move?, conflict: StoredText?, hint: StoredText?, overdueSince: Day?
        }

        init(_ e: PlannedEntry, notes: inout [Notes]) {
            uid = e.uid; reason = e.reasonText; blocked = e.blockedText
            customerID = e.customerID; repID = e.repID; contactPersonID = e.contactPersonID
            due = e.due; time = e.time; channel = e.channel; source = e.source
            if e.moved != nil || e.conflictText != nil || e.hintText != nil || e.overdueSince != nil {
                self.notes = Int32(notes.count)
                notes.append(Notes(moved: e.moved, conflict: e.conflictText, hint: e.hintText, overdueSince: e.overdueSince))
            } else {
                self.notes = -1
            }
        }

        /// The entry again, as the planner made it but for what only views use.
        func entry(_ notes: [Notes]) -> PlannedEntry {
            var e = PlannedEntry(uid: uid, customerID: customerID, repID: repID, contactPersonID: contactPersonID,
                                 due: due, time: time, channel: channel, source: source, reasonText: reason, blocked: blocked)
            if self.notes >= 0 {
                let n = notes[Int(self.notes)]
                e.moved = n.moved; e.conflictText = n.conflict; e.hintText = n.hint; e.overdueSince = n.overdueSince
            }
            return e
        }
    }

    /// One batch of customers as planned, kept until the levelling has seen every batch.
    struct PlannedBatch {
        var scope: CustomerScope
        var entries: [Pending] = []
        var notes: [Pending.Notes] = []
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
        let contactPlanner = ContactPlanner.Run(rules: rules, from: today, to: to, today: today, display: settings.display)
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
                for e in contactPlanner.plan(f) {
                    items.append(LevelItem(e, customerClass: f.customerClass, stake: f.stake, region: f.postalRegion,
                                           today: today))
                    batch.entries.append(Pending(e, notes: &batch.notes))
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
        var updates = EntryUpdates(db: db)
        let unplanned = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO calendar_unplanned (uid, customer_id, rep_id, due, channel, reason, source, stake,
                                                       window_from, window_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let unplannedRank = try db.makeStatement(sql: """
            UPDATE calendar_unplanned SET stake = ?, window_from = ?, window_to = ? WHERE uid = ?
            """)
        let unplannedDelete = try db.makeStatement(sql: "DELETE FROM calendar_unplanned WHERE uid = ?")
        let planned = Set(PlanFactsLoader.plannedSources)
        var k = 0
        // Each batch's stored rows are read on a reader while this connection writes the
        // batch before: the writes touch only their own batch's customers.
        func prefetchStored(_ index: Int) -> Background<StoredRows>? {
            guard let reader, index < batches.count else { return nil }
            let scope = batches[index].scope
            return Background { try reader.read { db in try storedRows(db, scope: scope, sources: sources) } }
        }
        var nextStored = prefetchStored(0)
        for b in batches.indices {
            let batch = batches[b]
            batches[b].entries = []  // goes at the end of the pass: the next batch's reads reuse its memory
            let scope = batch.scope
            let (stored, loadedUnplanned) = try nextStored?.value() ?? storedRows(db, scope: scope, sources: sources)
            var storedUnplanned = loadedUnplanned
            nextStored = prefetchStored(b + 1)
            var keptUnplanned = Set<String>()
            var kept = Set<String>()
            for pending in batch.entries {
                var e = pending.entry(batch.notes)
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
                        let row = UnplannedRow(customerID: e.customerID, repID: e.repID, due: planner.iso,
                                               channel: e.channel.rawValue, reason: e.reasonText.stored, source: e.source.rawValue,
                                               stake: item.stake, windowFrom: placement.window?.lowerBound.iso,
                                               windowTo: placement.window?.upperBound.iso)
                        keptUnplanned.insert(e.uid)
                        if let old = storedUnplanned.updateValue(row, forKey: e.uid) {
                            if old == row { continue }
                            if old.samePlan(as: row) {
                                unplannedRank.setUncheckedArguments([row.stake, row.windowFrom, row.windowTo, e.uid])
                                try unplannedRank.execute()
                                continue
                            }
                        }
                        unplanned.setUncheckedArguments([e.uid, row.customerID, row.repID, row.due, row.channel, row.reason,
                                                         row.source, row.stake, row.windowFrom, row.windowTo])
                        try unplanned.execute()
                    }
                    continue
                }
                // Keys with their arguments, written the same way each time: an unchanged plan compares equal.
                let note = storedNote(e, given: false), reason = e.reasonText.stored, blocked = e.blockedText?.stored
                summary.planned += 1
                if e.blocked != nil { summary.blocked += 1 }
                kept.insert(e.uid)
                if let old = stored[e.uid] {
                    // Only the columns that changed, by row id: a changed note rewrites no index.
                    let new = StoredEntry(id: old.id, contactPersonID: e.contactPersonID, repID: e.repID, due: e.due.iso,
                                          channel: e.channel.rawValue, reason: reason, time: e.time?.description,
                                          blocked: blocked, note: note, userMoved: old.userMoved)
                    let changed = old.changes(to: new)
                    if changed == 0 { continue }
                    try updates.run(changed, new)
                    continue
                }
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
            for uid in storedUnplanned.keys where !keptUnplanned.contains(uid) {
                unplannedDelete.setUncheckedArguments([uid])
                try unplannedDelete.execute()
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
