/// The criteria of the win-back scoring matrix ("Bewertungsmatrix"): which lost
/// customers are worth how much effort.
public enum WinbackCriterion: String, CaseIterable, Hashable, Sendable {
    case revenue, margin, effort, referral, payment, growthMarket = "growth_market", accountClass = "class"

    public var label: String { Text.tr("criterion.\(rawValue)") }
}

/// A point band for an amount: amounts from `from` up earn `points`.
public struct MoneyBand: Hashable, Sendable {
    public var from: Money
    public var points: Int

    public init(from: Money, points: Int) { self.from = from; self.points = points }
}

/// How a criterion's input turns into points.
public enum WinbackScale: Hashable, Sendable {
    /// The first band (highest `from` first) the amount reaches; below all, `otherwise`.
    case money(bands: [MoneyBand], otherwise: Int)
    /// A person's judgement on a 1–5 scale: points for 1, 2, 3, 4, 5 (five entries).
    case judgement([Int])
    /// Points for class A, B, C.
    case accountClass(a: Int, b: Int, c: Int)

    public var maxPoints: Int {
        switch self {
        case let .money(bands, otherwise): return bands.map(\.points).reduce(otherwise, max)
        case let .judgement(points): return points.max() ?? 0
        case let .accountClass(a, b, c): return max(a, b, c)
        }
    }
}

public struct WinbackCriterionRule: Hashable, Sendable {
    public var criterion: WinbackCriterion
    /// Multiplies the points: the more important the criterion, the higher.
    public var weight: Int
    public var scale: WinbackScale

    public init(_ criterion: WinbackCriterion, weight: Int, _ scale: WinbackScale) {
        self.criterion = criterion; self.weight = weight; self.scale = scale
    }
}

/// A class by total points, and the effort it deserves.
public struct WinbackClass: Hashable, Sendable {
    public var name: String
    /// Lowest total in this class.
    public var from: Int
    /// What to spend on winning such a customer back, as given: a catalogue key
    /// (`winback_effort.a`) for the defaults, the user's own words from config.toml.
    public var effortWords: String
    /// In words for the user, in the language in use.
    public var effort: String { Text.keyedOrPlain(effortWords, section: "winback_effort") }

    public init(name: String, from: Int, effort: String) { self.name = name; self.from = from; self.effortWords = effort }
}

/// What is known about a lost customer. Judgements are 1–5, given by a person:
/// effort 1 = very little work with him … 5 = very much; referral, payment behaviour
/// and growth market 1 = poor … 5 = excellent. nil = not judged yet.
public struct WinbackInputs: Hashable, Sendable {
    /// Net revenue in the last 12 months he was active.
    public var revenue: Money
    /// Contribution margin over the same months; nil when unknown.
    public var margin: Money?
    public var effort: Int?
    public var referral: Int?
    public var payment: Int?
    public var growthMarket: Int?
    public var accountClass: CustomerClass

    public init(revenue: Money, margin: Money? = nil, effort: Int? = nil, referral: Int? = nil, payment: Int? = nil,
                growthMarket: Int? = nil, accountClass: CustomerClass) {
        self.revenue = revenue; self.margin = margin; self.effort = effort; self.referral = referral
        self.payment = payment; self.growthMarket = growthMarket; self.accountClass = accountClass
    }
}

public struct WinbackScoreLine: Hashable, Sendable {
    public var criterion: WinbackCriterion
    /// The input as shown: "60.000 €", "2/5", "A", "not judged (3/5 assumed)", "unknown".
    public var input: String
    public var points: Int
    public var weight: Int
    public var weighted: Int { points * weight }
    /// True when the input was missing and a stand-in was scored.
    public var assumed: Bool
}

public struct WinbackScore: Hashable, Sendable {
    public var total: Int
    public var maxTotal: Int
    public var scoreClass: WinbackClass
    public var lines: [WinbackScoreLine]

    /// Criteria scored on a stand-in: the class is provisional until someone judges them.
    public var assumed: [WinbackCriterion] { lines.filter(\.assumed).map(\.criterion) }
}

/// Weighted points per criterion → total → class (A–D) → effort.
public struct WinbackMatrix: Hashable, Sendable {
    public var criteria: [WinbackCriterionRule]
    /// Best first (`from` descending). A total below every `from` falls into the last.
    public var classes: [WinbackClass]

    public init(criteria: [WinbackCriterionRule], classes: [WinbackClass]) {
        self.criteria = criteria; self.classes = classes
    }

    public var maxTotal: Int { criteria.reduce(0) { $0 + $1.weight * $1.scale.maxPoints } }

    /// Scores a lost customer. A judgement not given counts as 3 (the middle: neither
    /// for nor against); an unknown margin earns the lowest band (`otherwise`). Both are
    /// marked `assumed`. Judgements outside 1–5 are clamped.
    public func score(_ inputs: WinbackInputs, format: EvidenceFormat = .german) -> WinbackScore {
        let lines = criteria.map { rule -> WinbackScoreLine in
            let (points, text, assumed) = Self.points(rule, inputs, format)
            return WinbackScoreLine(criterion: rule.criterion, input: text, points: points, weight: rule.weight,
                                    assumed: assumed)
        }
        let total = lines.reduce(0) { $0 + $1.weighted }
        return WinbackScore(total: total, maxTotal: maxTotal, scoreClass: scoreClass(total), lines: lines)
    }

    public func scoreClass(_ total: Int) -> WinbackClass {
        classes.first { total >= $0.from } ?? classes.last ?? WinbackClass(name: "-", from: 0, effort: "")
    }

    static func points(_ rule: WinbackCriterionRule, _ i: WinbackInputs,
                       _ fmt: EvidenceFormat) -> (Int, String, Bool) {
        switch (rule.scale, rule.criterion) {
        case let (.money(bands, otherwise), criterion):
            guard let amount = criterion == .margin ? i.margin : i.revenue else { return (otherwise, "unknown", true) }
            let p = bands.first { amount >= $0.from }?.points ?? otherwise
            return (p, fmt.amount(amount), false)
        case let (.judgement(points), criterion):
            let given: Int?
            switch criterion {
            case .effort: given = i.effort
            case .referral: given = i.referral
            case .payment: given = i.payment
            case .growthMarket: given = i.growthMarket
            case .revenue, .margin, .accountClass: given = nil
            }
            let j = min(5, max(1, given ?? 3))
            let p = points.count == 5 ? points[j - 1] : 0
            return given == nil ? (p, "not judged (3/5 assumed)", true) : (p, "\(j)/5", false)
        case let (.accountClass(a, b, c), _):
            let p = i.accountClass == .a ? a : i.accountClass == .b ? b : c
            return (p, i.accountClass.rawValue, false)
        }
    }
}
