import GRDB
import LoyalCore

/// The working-day calendar and the reps' capacities, from the settings, the rep table
/// and the absences: what the planner and the forms ask when they place a contact.
extension Store {
    /// Holidays of every year the range touches (for the team's state and each rep's own),
    /// and the absences that overlap the range.
    public func workCalendar(from: Day, to: Day, settings: Settings) throws -> WorkCalendar {
        try pool.read { db in try Store.workCalendar(db, from: from, to: to, settings: settings) }
    }

    static func workCalendar(_ db: Database, from: Day, to: Day, settings: Settings) throws -> WorkCalendar {
        let work = settings.workDays
        do {
            var repStates: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM rep") {
                let id: Int64 = row[0], code: String = row[1]
                if let state = work.rep(code)?.state, state != work.state { repStates[id] = state }
            }
            var absences: [Int64: [ClosedRange<Day>]] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT rep_id, from_day, to_day FROM absence WHERE to_day >= ? AND from_day <= ?",
                                        arguments: [from.iso, to.iso])
            for row in rows {
                guard let a = Day(iso: row[1] as String), let b = Day(iso: row[2] as String), a <= b else { continue }
                absences[row[0], default: []].append(a...b)
            }
            let years = min(from.year, to.year)...max(from.year, to.year)
            return WorkCalendar.german(years: years, teamState: work.state, repStates: repStates, absences: absences)
        }
    }

    /// Each rep's visits and calls per working day, his own where the settings give them.
    public func repCapacity(settings: Settings) throws -> RepCapacity {
        try pool.read { db in try Store.repCapacity(db, settings: settings) }
    }

    static func repCapacity(_ db: Database, settings: Settings) throws -> RepCapacity {
        let ids = try Row.fetchAll(db, sql: "SELECT code, id FROM rep").reduce(into: [String: Int64]()) { $0[$1[0]] = $1[1] }
        return RepCapacity.from(settings.workDays, repIDs: ids)
    }
}
