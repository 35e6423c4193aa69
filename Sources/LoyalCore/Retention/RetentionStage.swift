/// Where a customer at risk stands: at risk → plan in place → saving → recovered | lost.
public enum RetentionStage: String, CaseIterable, Hashable, Sendable {
    case atRisk = "at_risk", planInPlace = "plan_in_place", saving, recovered, lost

    public var label: String { Words.stage(self) }

    /// Recovered and lost end an episode; a new signal starts the next one from recovered.
    public var isClosed: Bool { self == .recovered || self == .lost }
}

public enum RetentionEvent: String, CaseIterable, Hashable, Sendable {
    /// A signal opened (also a second one while the customer is already being worked on).
    case signalOpened = "signal_opened"
    /// A playbook was applied or a call/visit scheduled by hand.
    case planApplied = "plan_applied"
    /// The first planned contact was done: talking to the customer is what saving means.
    case plannedContactDone = "planned_contact_done"
    /// No open or snoozed signal is left (resolved by the facts or dismissed).
    case allSignalsResolved = "all_signals_resolved"
    case markedLost = "marked_lost"
    /// A lost customer came back (bought again or was marked returned): the case is won,
    /// and a new signal starts the next episode.
    case returned
}

extension RetentionStage {
    /// The stage after `event`; `stage` nil means the customer is not at risk.
    /// Events that do not apply leave the stage as it is (nil stays nil):
    /// - a new signal while a plan is running does not throw the work back to "at risk";
    /// - a contact done without a plan (the rep called on his own) still counts as saving;
    /// - signals that go away on their own, at any open stage, mean recovered;
    /// - lost is final here (winning the customer back is a win-back case, not this flow)
    ///   until the customer comes back: then he counts as recovered.
    public static func after(_ event: RetentionEvent, from stage: RetentionStage?) -> RetentionStage? {
        switch (stage, event) {
        case (.lost, .returned): return .recovered
        case (.lost, _): return .lost
        case (_, .markedLost): return .lost
        case (nil, .signalOpened), (.recovered?, .signalOpened): return .atRisk
        case (.atRisk?, .planApplied): return .planInPlace
        case (.atRisk?, .plannedContactDone), (.planInPlace?, .plannedContactDone): return .saving
        case (.atRisk?, .allSignalsResolved), (.planInPlace?, .allSignalsResolved), (.saving?, .allSignalsResolved):
            return .recovered
        default: return stage
        }
    }
}

/// The stages a customer went through, with the day each began.
public struct StageHistory: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var stage: RetentionStage
        public var since: Day

        public init(stage: RetentionStage, since: Day) { self.stage = stage; self.since = since }
    }

    /// Oldest first; consecutive entries always differ in stage.
    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public var current: RetentionStage? { entries.last?.stage }

    /// Applies an event that happened on `day` (events come in day order); records a
    /// new entry only when the stage changes.
    public mutating func apply(_ event: RetentionEvent, on day: Day) {
        guard let next = RetentionStage.after(event, from: current), next != current else { return }
        entries.append(Entry(stage: next, since: day))
    }

    /// A history from events in order.
    public init(events: [(RetentionEvent, Day)]) {
        self.init()
        for (e, d) in events { apply(e, on: d) }
    }

    /// Days in the current stage up to `asOf` (0 on the day it began).
    public func daysInCurrentStage(asOf: Day) -> Int {
        entries.last.map { max(0, asOf - $0.since) } ?? 0
    }

    /// Total days spent in `stage` up to `asOf`, over every time it was entered. A
    /// stage counts until the next one began; the current one until `asOf`. Closed
    /// stages (recovered, lost) count too, so "lost for 40 days" can be shown.
    public func days(in stage: RetentionStage, asOf: Day) -> Int {
        var total = 0
        for (i, e) in entries.enumerated() where e.stage == stage {
            let end = i + 1 < entries.count ? entries[i + 1].since : asOf
            total += max(0, end - e.since)
        }
        return total
    }
}
