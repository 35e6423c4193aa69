import GRDB
import LoyalCore

/// The manager's overview as five statements, one per group of figures, each grouped
/// by rep and answered from an index (see the migration "v1-team-overview"), so the
/// overview of 200000 customers reads a few index ranges instead of whole tables.
/// Each adds its figures to the rows, keyed by rep id (nil: no rep).
enum TeamQueries {
    typealias Rows = [Int64?: TeamRow]

    /// True of every contact; the condition of the partial index `interaction_day_kind`,
    /// which only a statement stating it may use (see SchemaV1.teamOverviewIndexes).
    static let everyContact = "id > 0"

    /// Accounts by class, revenue, and the customers on the early-warning panel with what
    /// is at stake (the panel's priority holds risk × value in its upper digits, as
    /// `PanelRow.atStake` reads it), by the customer's own rep. The statistics are read
    /// in their own order and the rep comes from the small (id, rep_id) index: a rep-first
    /// order would read the statistics at random.
    static func book(_ db: Database, into rows: inout Rows) throws {
        let cursor = try Row.fetchCursor(db, sql: try ScopeGuard.unhinted("""
            SELECT c.rep_id, sum(s.class = 'A'), sum(s.class = 'B'), sum(s.class = 'C'),
                   sum(s.revenue_12m_cents), sum(s.revenue_prev_12m_cents), sum(s.on_panel = 1),
                   sum(CASE WHEN s.on_panel = 1 THEN s.risk_priority / 100000 ELSE 0 END)
            FROM customer_stats s NOT INDEXED CROSS JOIN customer c INDEXED BY customer_id_rep ON c.id = s.customer_id
            GROUP BY c.rep_id
            """, db))
        while let r = try cursor.next() {
            let id: Int64? = r[0]
            rows[id, default: blank(id)].accounts = [r[1], r[2], r[3]]
            rows[id]!.revenue12m = Money(cents: r[4])
            rows[id]!.revenuePrevious12m = Money(cents: r[5])
            rows[id]!.atRisk = r[6]
            rows[id]!.atStake = Money(cents: r[7])
        }
    }

    /// Open plan entries by the rep whose calendar they are in: due from today on, and overdue.
    /// The calendar's (rep, due, status <> 'open', …) index holds all three; written as the
    /// index has it, SQLite reads the status from the index and never the entry itself.
    static func plan(_ db: Database, today: Day, into rows: inout Rows) throws {
        let cursor = try Row.fetchCursor(db, sql: try ScopeGuard.unhinted("""
            SELECT rep_id, sum(due >= :today), sum(due < :today)
            FROM calendar_entry INDEXED BY calendar_entry_rep_day_order WHERE (status <> 'open') = 0 GROUP BY rep_id
            """, db), arguments: ["today": today.iso])
        while let r = try cursor.next() {
            let id: Int64? = r[0]
            rows[id, default: blank(id)].planOpen = r[1]
            rows[id]!.planOverdue = r[2]
        }
    }

    /// Visits and calls made (interactions, by the rep who made them) and planned (calendar
    /// entries of any status due in the window, by the rep whose calendar they are in).
    static func contacts(_ db: Database, window: Range<Day>, into rows: inout Rows) throws {
        let cursor = try Row.fetchCursor(db, sql: try ScopeGuard.unhinted("""
            SELECT 'done', rep_id, kind, count(*) FROM interaction INDEXED BY interaction_day_kind
            WHERE \(everyContact) AND day >= :from AND day < :to AND kind IN ('visit', 'call') GROUP BY rep_id, kind
            UNION ALL
            SELECT 'planned', rep_id, channel, count(*) FROM calendar_entry
            WHERE due >= :from AND due < :to AND channel IN ('visit', 'phone') GROUP BY rep_id, channel
            """, db), arguments: ["from": window.lowerBound.iso, "to": window.upperBound.iso])
        while let r = try cursor.next() {
            let id: Int64? = r[1]
            let done = (r[0] as String) == "done", visit = (r[2] as String) == "visit", n: Int = r[3]
            switch (done, visit) {
            case (true, true): rows[id, default: blank(id)].visitsDone = n
            case (true, false): rows[id, default: blank(id)].callsDone = n
            case (false, true): rows[id, default: blank(id)].visitsPlanned = n
            case (false, false): rows[id, default: blank(id)].callsPlanned = n
            }
        }
    }

    /// NPS and satisfaction answers of both windows, by the rep of the contact they were
    /// given on. Each contact of the half year is looked up in the (interaction, nps, csat)
    /// index, some 400000 look-ups at random on 200000 customers: with SQLite's 2 MB page
    /// cache nearly each one read its page again from the file (0,65 s instead of 0,4 s), so
    /// the statement runs with 16 MB, room for the index (about 14 bytes a feedback), and
    /// gives the memory back afterwards.
    static func feedback(_ db: Database, recent: Range<Day>, previous: Range<Day>, into rows: inout Rows) throws {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -16000")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        let cursor = try Row.fetchCursor(db, sql: try ScopeGuard.unhinted("""
            SELECT i.rep_id, i.day >= :split, count(f.nps), ifnull(sum(f.nps >= 9), 0), ifnull(sum(f.nps <= 6), 0),
                   count(f.csat), ifnull(sum(f.csat), 0)
            FROM interaction i INDEXED BY interaction_day_kind CROSS JOIN feedback f INDEXED BY feedback_scores
                ON f.interaction_id = i.id
            WHERE i.\(everyContact) AND i.day >= :from AND i.day < :to
            GROUP BY i.rep_id, i.day >= :split
            """, db), arguments: ["from": previous.lowerBound.iso, "split": recent.lowerBound.iso, "to": recent.upperBound.iso])
        while let r = try cursor.next() {
            let id: Int64? = r[0]
            let counts = FeedbackCounts(npsAnswers: r[2], promoters: r[3], detractors: r[4], csatAnswers: r[5], csatSum: r[6])
            if r[1] as Bool {
                rows[id, default: blank(id)].feedbackRecent = counts
            } else {
                rows[id, default: blank(id)].feedbackPrevious = counts
            }
        }
    }

    /// Customers lost in the year (by the day they were marked lost, returned since or not)
    /// and win-back cases closed won in it, both by the customer's rep.
    static func lostAndWon(_ db: Database, year: ClosedRange<Day>, into rows: inout Rows) throws {
        let cursor = try Row.fetchCursor(db, sql: try ScopeGuard.unhinted("""
            SELECT rep_id, count(*), 0 FROM customer INDEXED BY customer_lost
            WHERE lost_on >= :from AND lost_on <= :to GROUP BY rep_id
            UNION ALL
            SELECT c.rep_id, 0, count(*) FROM winback w JOIN customer c ON c.id = w.customer_id
            WHERE w.outcome = 'won' AND w.closed_on >= :from AND w.closed_on <= :to GROUP BY c.rep_id
            """, db), arguments: ["from": year.lowerBound.iso, "to": year.upperBound.iso])
        while let r = try cursor.next() {
            let id: Int64? = r[0]
            rows[id, default: blank(id)].lost += r[1]
            rows[id, default: blank(id)].wonBack += r[2]
        }
    }

    /// A row without figures; its rep's code and name are filled in when the rows are put together.
    static func blank(_ id: Int64?) -> TeamRow {
        TeamRow(kind: id == nil ? .unassigned : .rep, repCode: nil, repName: "")
    }
}
