import GRDB
import LoyalCore

extension Store {
    /// The manager's overview as of `today`, all figure groups in one read transaction so
    /// they describe the same moment. Every rep is listed who is active or has a figure,
    /// by code; accounts, entries and contacts without a rep get a row of their own when
    /// there are any.
    public func teamOverview(today: Day) throws -> TeamOverview {
        try pool.read { db in
            let windows = TeamWindows(today: today)
            var rows: TeamQueries.Rows = [:]
            try TeamQueries.book(db, into: &rows)
            try TeamQueries.plan(db, today: today, into: &rows)
            try TeamQueries.contacts(db, window: windows.activity, into: &rows)
            try TeamQueries.feedback(db, recent: windows.feedbackRecent, previous: windows.feedbackPrevious, into: &rows)
            try TeamQueries.lostAndWon(db, year: windows.year, into: &rows)
            var listed: [TeamRow] = []
            for r in try Row.fetchAll(db, sql: "SELECT id, code, name, active FROM rep ORDER BY code") {
                var row = rows[r["id"] as Int64] ?? TeamQueries.blank(r["id"])
                guard (r["active"] as Bool) || !row.isEmpty else { continue }
                row.repCode = r["code"]
                row.repName = r["name"]
                listed.append(row)
            }
            if let unassigned = rows[nil as Int64?], !unassigned.isEmpty {
                var row = unassigned
                row.repName = "(no rep)"
                listed.append(row)
            }
            return TeamOverview(windows: windows, rows: listed)
        }
    }
}
