import GRDB
import LoyalCore

/// What a refresh has to do, decided from the change table and the day and settings of
/// the last refresh (issue 17).
enum RefreshPlan: Equatable {
    /// Same day, same settings, nothing written since: every derived figure stands.
    case skip
    /// Everyone, as from scratch.
    case full
    /// Only these customers' inputs changed (and the day moved from `since`, or not).
    case changed(Set<Int64>, since: Day)

    static let stateKey = "refresh_state"

    /// Takes the change table's customers and clears the stored state, so a refresh that
    /// fails half-way leaves the next one to recompute everyone.
    static func take(_ db: Database, asOf: Day, settings: Settings, force: Bool) throws -> RefreshPlan {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [stateKey])
        let changes = try ChangeTracking.take(db)
        let state = stored.flatMap(State.init(text:))
        guard !force, let state, state.fingerprint == SettingsFingerprint.of(settings), let changes,
              state.day <= asOf else {
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [stateKey])
            return .full
        }
        if state.day == asOf && changes.isEmpty { return .skip }
        try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [stateKey])
        return .changed(changes, since: state.day)
    }

    /// Marks the refresh done: the next one starts from here.
    static func finish(_ db: Database, asOf: Day, settings: Settings) throws {
        try Store.setMeta(db, stateKey, State(day: asOf, fingerprint: SettingsFingerprint.of(settings)).text)
    }

    struct State {
        var day: Day
        var fingerprint: String

        var text: String { day.iso + " " + fingerprint }

        init(day: Day, fingerprint: String) { self.day = day; self.fingerprint = fingerprint }

        init?(text: String) {
            guard let space = text.firstIndex(of: " "), let day = Day(iso: String(text[..<space])) else { return nil }
            self.day = day
            fingerprint = String(text[text.index(after: space)...])
        }
    }

    /// Customers whose revenue figures the passing of days from `since` to `asOf` changes:
    /// a purchase entered the window (it was after `since`), or left the current or the
    /// previous window. Found in one pass down the purchase index, without summing.
    static func windowCrossers(_ db: Database, since: Day, asOf: Day, windowMonths: Int) throws -> Set<Int64> {
        guard since < asOf else { return [] }
        let oldStart = since.adding(months: -windowMonths), newStart = asOf.adding(months: -windowMonths)
        let oldPrevious = oldStart.adding(months: -windowMonths), newPrevious = newStart.adding(months: -windowMonths)
        return try Int64.fetchSet(db, sql: """
            SELECT DISTINCT customer_id FROM purchase
            WHERE (day > ? AND day <= ?) OR (day > ? AND day <= ?) OR (day > ? AND day <= ?)
            """, arguments: [since.iso, asOf.iso, oldStart.iso, newStart.iso, oldPrevious.iso, newPrevious.iso])
    }
}
