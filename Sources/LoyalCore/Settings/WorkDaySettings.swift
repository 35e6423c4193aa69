/// Where the team works and how much a rep can do a day: `[calendar] state`,
/// `visits_per_day`, `calls_per_day`, and per rep `[reps.CODE]`.
public struct WorkDaySettings: Sendable, Hashable {
    /// Federal state code whose holidays count ("" = the nationwide ones only).
    public var state = ""
    public var visitsPerDay = RepCapacity.defaultVisitsPerDay
    public var callsPerDay = RepCapacity.defaultCallsPerDay
    /// Rep code (upper case: codes match without regard to case) → his own settings
    /// (reps of one team may live in different states).
    public var reps: [String: RepWorkSettings] = [:]

    public init() {}

    /// The rep's state where he has one, else the team's.
    public func state(ofRep code: String) -> String {
        rep(code)?.state ?? state
    }

    public func rep(_ code: String) -> RepWorkSettings? { reps[code.uppercased()] }
}

public struct RepWorkSettings: Sendable, Hashable {
    public var state: String?
    public var visitsPerDay: Int?
    public var callsPerDay: Int?

    public init(state: String? = nil, visitsPerDay: Int? = nil, callsPerDay: Int? = nil) {
        self.state = state; self.visitsPerDay = visitsPerDay; self.callsPerDay = callsPerDay
    }
}

/// Whether calls to business customers need express consent. German law (UWG § 7 (2)
/// Nr. 1) lets a business be called on its presumed consent; consumers must consent expressly.
public enum B2BCallConsent: String, Sendable, Hashable, CaseIterable {
    case presumed, express
}
