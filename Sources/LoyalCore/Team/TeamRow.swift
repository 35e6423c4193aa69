/// One line of the manager's overview: a rep's accounts and what happened with them,
/// as plain counts and sums (see README, "The manager's overview", for each figure).
public struct TeamRow: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A rep's own figures.
        case rep
        /// Accounts, entries and contacts with no rep.
        case unassigned
        /// The sum of all the others.
        case team
    }

    public var kind: Kind
    public var repCode: String?
    public var repName: String
    /// Accounts the rep owns by class (A, B, C as `CustomerClass.index`), lost ones included.
    public var accounts: [Int] = [0, 0, 0]
    public var revenue12m: Money = .zero
    public var revenuePrevious12m: Money = .zero
    /// Customers on the early-warning panel, and what there is to lose with them.
    public var atRisk = 0
    public var atStake: Money = .zero
    /// Plan entries still to do from today on, and those whose day has passed.
    public var planOpen = 0
    public var planOverdue = 0
    public var visitsDone = 0
    public var visitsPlanned = 0
    public var callsDone = 0
    public var callsPlanned = 0
    public var feedbackRecent = FeedbackCounts()
    public var feedbackPrevious = FeedbackCounts()
    public var lost = 0
    public var wonBack = 0

    public init(kind: Kind, repCode: String?, repName: String) {
        self.kind = kind; self.repCode = repCode; self.repName = repName
    }

    public var accountCount: Int { accounts.reduce(0, +) }
    public func accounts(_ c: CustomerClass) -> Int { accounts[c.index] }

    public var revenueTrend: RevenueTrend { RevenueTrend.of(current: revenue12m, previous: revenuePrevious12m) }
    public var nps: FigureTrend { FigureTrend(now: feedbackRecent.nps, before: feedbackPrevious.nps) }
    public var satisfaction: FigureTrend {
        FigureTrend(now: feedbackRecent.satisfactionTenths, before: feedbackPrevious.satisfactionTenths)
    }

    /// True when nothing at all is counted for this row.
    public var isEmpty: Bool {
        self == TeamRow(kind: kind, repCode: repCode, repName: repName)
    }

    /// Adds another row's counts and sums (for the team's total).
    public mutating func add(_ o: TeamRow) {
        for i in accounts.indices { accounts[i] += o.accounts[i] }
        revenue12m = revenue12m + o.revenue12m
        revenuePrevious12m = revenuePrevious12m + o.revenuePrevious12m
        atRisk += o.atRisk; atStake = atStake + o.atStake
        planOpen += o.planOpen; planOverdue += o.planOverdue
        visitsDone += o.visitsDone; visitsPlanned += o.visitsPlanned
        callsDone += o.callsDone; callsPlanned += o.callsPlanned
        feedbackRecent = feedbackRecent + o.feedbackRecent
        feedbackPrevious = feedbackPrevious + o.feedbackPrevious
        lost += o.lost; wonBack += o.wonBack
    }
}

/// The manager's overview: one row per rep (and one for what has no rep), and the team.
public struct TeamOverview: Hashable, Sendable {
    public var windows: TeamWindows
    public var rows: [TeamRow]
    public var team: TeamRow

    /// `team` is the sum of `rows`.
    public init(windows: TeamWindows, rows: [TeamRow]) {
        self.windows = windows
        self.rows = rows
        var team = TeamRow(kind: .team, repCode: nil, repName: "Team")
        for r in rows { team.add(r) }
        self.team = team
    }
}
