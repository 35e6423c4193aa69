/// How many visits and calls a rep can do on one working day. The planner fills a
/// rep's days up to this and no further; reps differ (a key-account rep visits fewer,
/// longer), so each may have his own figures, else the team's.
public struct RepCapacity: Hashable, Sendable {
    public struct Daily: Hashable, Sendable {
        public var visits: Int
        public var calls: Int
        public init(visits: Int, calls: Int) { self.visits = visits; self.calls = calls }
    }

    /// For reps without their own figures (and entries without a rep).
    public var team: Daily
    /// Rep id → his own figures.
    public var perRep: [Int64: Daily]

    public static let defaultVisitsPerDay = 4
    public static let defaultCallsPerDay = 15

    public init(team: Daily = Daily(visits: RepCapacity.defaultVisitsPerDay, calls: RepCapacity.defaultCallsPerDay),
                perRep: [Int64: Daily] = [:]) {
        self.team = team; self.perRep = perRep
    }

    public func capacity(for repID: Int64?) -> (visits: Int, calls: Int) {
        let d = repID.flatMap { perRep[$0] } ?? team
        return (d.visits, d.calls)
    }

    /// Rep ids by code → capacities, from the settings: a rep's own figure where given, else the team's.
    public static func from(_ settings: WorkDaySettings, repIDs: [String: Int64]) -> RepCapacity {
        var perRep: [Int64: Daily] = [:]
        for (code, id) in repIDs {
            guard let rep = settings.rep(code), rep.visitsPerDay != nil || rep.callsPerDay != nil else { continue }
            perRep[id] = Daily(visits: rep.visitsPerDay ?? settings.visitsPerDay, calls: rep.callsPerDay ?? settings.callsPerDay)
        }
        return RepCapacity(team: Daily(visits: settings.visitsPerDay, calls: settings.callsPerDay), perRep: perRep)
    }
}
