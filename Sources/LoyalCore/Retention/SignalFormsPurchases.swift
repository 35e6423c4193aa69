/// What a form found: the evidence text and its key.
public struct SignalEvidence: Hashable, Sendable {
    /// In the language in use, formatted as `fmt` says. Rendered when read: a refresh
    /// stores only `stored` and never reads it (issue 17).
    public var text: String {
        get { wording.text }
        set { wording = .text(newValue) }
    }
    public var key: String
    /// As the store keeps it: a catalogue key with arguments, read in each viewer's language.
    public var stored: String
    var wording: Wording

    public init(text: String, key: String) { wording = .text(text); self.key = key; stored = text }

    public init(_ words: StoredText, key: String, _ fmt: EvidenceFormat) {
        wording = .words(words, fmt, Text.language); self.key = key; stored = words.stored
    }

    public static func == (a: SignalEvidence, b: SignalEvidence) -> Bool {
        a.key == b.key && a.stored == b.stored && a.text == b.text
    }

    public func hash(into h: inout Hasher) { h.combine(text); h.combine(key); h.combine(stored) }
}

/// A text as given, or as words to render in the format and language of the moment they were found.
enum Wording: Sendable {
    case text(String)
    case words(StoredText, EvidenceFormat, Language)

    var text: String {
        switch self {
        case .text(let t): return t
        case let .words(w, format, language): return w.render(format, in: language)
        }
    }
}

extension SignalForm {
    /// Runs the form's computation; nil when it does not fire.
    public func evidence(_ f: CustomerSignalFacts, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        switch self {
        case let .revenueChange(threshold, minPrevious):
            return SignalForms.revenueChange(f, threshold: threshold, minPrevious: minPrevious, fmt)
        case let .overdueRhythm(factor, minPurchases, minDays):
            return SignalForms.overdueRhythm(f, factor: factor, minPurchases: minPurchases, minDays: minDays, fmt)
        case let .pAlive(below):
            return SignalForms.pAlive(f, below: below, fmt)
        case let .openComplaints(atLeast, minAgeDays):
            return SignalForms.openComplaints(f, atLeast: atLeast, minAgeDays: minAgeDays, fmt)
        case let .complaintsInPeriod(atLeast, days):
            return SignalForms.complaintsInPeriod(f, atLeast: atLeast, days: days, fmt)
        case let .feedbackScore(metric, comparison, value, days, minAnswers):
            return SignalForms.feedbackScore(f, metric: metric, comparison: comparison, value: value,
                                             days: days, minAnswers: minAnswers, fmt)
        case let .discountTrend(recentMonths, previousMonths, points):
            return SignalForms.discountTrend(f, recentMonths: recentMonths, previousMonths: previousMonths,
                                             points: points, fmt)
        case let .pricePressureMentions(atLeast, days):
            return SignalForms.pricePressureMentions(f, atLeast: atLeast, days: days, fmt)
        case let .contactLeft(days): return SignalForms.contactLeft(f, days: days, fmt)
        case let .addressChanged(days): return SignalForms.addressChanged(f, days: days, fmt)
        case let .competitorNamed(days): return SignalForms.competitorNamed(f, days: days, fmt)
        case let .cancellation(days): return SignalForms.cancellation(f, days: days, fmt)
        case let .singleCategory(years): return SignalForms.singleCategory(f, years: years, fmt)
        }
    }
}

/// The forms as small pure functions over the facts (see `SignalForm` for the rules
/// and keys). This file: forms over purchases and the value model.
public enum SignalForms {
    public static func revenueChange(_ f: CustomerSignalFacts, threshold: Double, minPrevious: Money,
                                     _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let now = f.revenue12m, before = f.revenuePrevious12m
        guard before.cents > 0, before >= minPrevious else { return nil }
        let change = Double(now.cents - before.cents) / Double(before.cents)
        guard change <= threshold else { return nil }
        // Integer percent, truncated toward zero, so −43 % and −40 % share the bucket −40.
        let bucket = (now.cents - before.cents) * 100 / before.cents / 10 * 10
        return SignalEvidence(StoredText("evidence.revenue_change", [.money(now), .money(before), .percent(change)]),
                              key: "\(f.asOf.iso.prefix(7))/\(bucket)", fmt)
    }

    public static func overdueRhythm(_ f: CustomerSignalFacts, factor: Double, minPurchases: Int, minDays: Int,
                                     _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        // Facts built for a past day may hold later purchases; they did not exist yet.
        let days = (f.purchaseDays.last ?? f.asOf) <= f.asOf ? f.purchaseDays : f.purchaseDays.filter { $0 <= f.asOf }
        guard days.count >= max(minPurchases, 2), let last = days.last else { return nil }
        let since = f.asOf - last
        guard since >= minDays else { return nil }
        var gaps: [Int] = []
        gaps.reserveCapacity(days.count - 1)
        for i in 1..<days.count { gaps.append(days[i] - days[i - 1]) }
        gaps.sort()
        let mid = gaps.count / 2
        let median = gaps.count % 2 == 1 ? Double(gaps[mid]) : Double(gaps[mid - 1] + gaps[mid]) / 2
        guard Double(since) > factor * median else { return nil }
        return SignalEvidence(StoredText("evidence.overdue", [.int(since), .number(median), .int(gaps.count)]),
                              key: last.iso, fmt)
    }

    public static func pAlive(_ f: CustomerSignalFacts, below: Double, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        guard let p = f.pAlive, p < below else { return nil }
        var text = StoredText("evidence.p_alive", [.decimal(p, 2), .decimal(below, 2)])
        if let e = f.expectedPurchasesNextYear {
            text = StoredText("evidence.p_alive_expected", text.args + [.decimal(e, 1)])
        }
        return SignalEvidence(text, key: f.lastPurchase?.iso ?? "none", fmt)
    }

    public static func discountTrend(_ f: CustomerSignalFacts, recentMonths: Int, previousMonths: Int, points: Double,
                                     _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let recentStart = f.asOf.adding(months: -recentMonths)
        let previousStart = recentStart.adding(months: -previousMonths)
        var recent = (discount: Int64(0), list: Int64(0)), previous = recent
        var newest: Day?
        for d in f.discounts where d.day > previousStart && d.day <= f.asOf {
            let list = d.amount.cents + d.discount.cents
            if d.day > recentStart {
                recent.discount += d.discount.cents; recent.list += list
                if newest.map({ d.day > $0 }) ?? true { newest = d.day }
            } else {
                previous.discount += d.discount.cents; previous.list += list
            }
        }
        guard recent.list > 0, previous.list > 0, let newest else { return nil }
        // Percent first, then divide: exact whenever the rate is (5 % stays 5.0, not 5.000000000000001).
        let r = Double(recent.discount * 100) / Double(recent.list)
        let p = Double(previous.discount * 100) / Double(previous.list)
        guard r - p >= points else { return nil }
        return SignalEvidence(StoredText("evidence.discount_trend", [.decimal(r, 1), .int(recentMonths), .decimal(p, 1),
                                                                     .int(previousMonths), .decimal(r - p, 1)]),
                              key: newest.iso, fmt)
    }

    public static func singleCategory(_ f: CustomerSignalFacts, years: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        guard let since = f.customerSince ?? f.firstPurchase, let category = f.categories.first(where: { !$0.isEmpty }),
              f.categories.allSatisfy({ $0.isEmpty || $0 == category }) else { return nil }
        let a = since.components, b = f.asOf.components
        let full = b.year - a.year - ((b.month, b.day) < (a.month, a.day) ? 1 : 0)
        guard full >= years else { return nil }
        return SignalEvidence(StoredText("evidence.single_category", [.int(full), .text(category)]), key: category, fmt)
    }
}
