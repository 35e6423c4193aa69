/// Forms over complaints, feedback forms, contact persons and the address.
extension SignalForms {
    public static func openComplaints(_ f: CustomerSignalFacts, atLeast: Int, minAgeDays: Int,
                                      _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var open = f.complaints.filter { $0.isOpen(on: f.asOf) && f.asOf - $0.openedOn >= minAgeDays }
        guard open.count >= max(atLeast, 1) else { return nil }
        open.sort { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
        var categories: [ComplaintCategory] = []
        for c in open where !categories.contains(c.category) { categories.append(c.category) }
        let list = StoredText.Arg.list(categories.map { .word("complaint.\($0.rawValue)") })
        let oldest = StoredText.Arg.day(open[0].openedOn)
        let text = open.count == 1 ? StoredText("evidence.open_complaint", [oldest, list])
                                   : StoredText("evidence.open_complaints", [.int(open.count), oldest, list])
        return SignalEvidence(text, key: open.map(\.id).sorted().map(String.init).joined(separator: "+"), fmt)
    }

    public static func complaintsInPeriod(_ f: CustomerSignalFacts, atLeast: Int, days: Int,
                                          _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var count = 0
        var newest: ComplaintFact?
        var perCategory = [Int](repeating: 0, count: ComplaintCategory.allCases.count)
        for (i, category) in ComplaintCategory.allCases.enumerated() {
            for c in f.complaints where c.category == category && f.isRecent(c.openedOn, within: days) {
                count += 1; perCategory[i] += 1
                if newest.map({ (c.openedOn, c.id) > ($0.openedOn, $0.id) }) ?? true { newest = c }
            }
        }
        guard count >= max(atLeast, 1), let newest else { return nil }
        // Most frequent category first: that is where the problem is.
        let parts = zip(ComplaintCategory.allCases, perCategory).filter { $0.1 > 0 }
            .enumerated().sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }
            .map { StoredText.Arg.sub(StoredText("evidence.count_of", [.int($0.element.1), .word("complaint.\($0.element.0.rawValue)")])) }
        let complaints = StoredText(count == 1 ? "evidence.complaints_one" : "evidence.complaints_other", [.int(count)])
        return SignalEvidence(StoredText("evidence.complaints_in_period", [.sub(complaints), .int(days), .list(parts),
                                                                           .day(newest.openedOn)]),
                              key: String(newest.id), fmt)
    }

    public static func feedbackScore(_ f: CustomerSignalFacts, metric: FeedbackMetric, comparison: Comparison,
                                     value: Double, days: Int, minAnswers: Int,
                                     _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var sum = 0, n = 0
        var newest: (day: Day, value: Int)?
        for fb in f.feedback where f.isRecent(fb.day, within: days) {
            guard let v = metric.value(fb) else { continue }
            sum += v; n += 1
            if newest.map({ fb.day >= $0.day }) ?? true { newest = (fb.day, v) }
        }
        guard n >= max(minAnswers, 1), let newest else { return nil }
        let average = Double(sum) / Double(n)
        guard comparison.holds(average, value) else { return nil }
        let limit = StoredText.Arg.sub(StoredText("evidence.limit", [.text(comparison.symbol), .number(value)]))
        let label = StoredText.Arg.word(metric.labelKey)
        let text = n == 1
            ? StoredText("evidence.feedback_one", [label, .int(newest.value), .day(newest.day), limit])
            : StoredText("evidence.feedback_average", [label, .decimal(average, 1), .int(n), .int(days), limit,
                                                       .int(newest.value), .day(newest.day)])
        return SignalEvidence(text, key: newest.day.iso, fmt)
    }

    public static func pricePressureMentions(_ f: CustomerSignalFacts, atLeast: Int, days: Int,
                                             _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let (n, newest) = newestFeedback(f, within: days) { $0.pricePressure }
        guard n >= max(atLeast, 1), let newest else { return nil }
        let times = StoredText(n == 1 ? "evidence.times_one" : "evidence.times_other", [.int(n)])
        return SignalEvidence(StoredText("evidence.price_pressure", [.sub(times), .int(days), .day(newest)]),
                              key: newest.iso, fmt)
    }

    public static func competitorNamed(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var names: [String] = []
        let (n, newest) = newestFeedback(f, within: days) { fb in
            let name = String(fb.competitor.trimmingSpaces)
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            return !name.isEmpty
        }
        guard let newest else { return nil }
        let text: StoredText
        if n == 1 {
            text = StoredText("evidence.competitor_once", [.text(names[0]), .day(newest)])
        } else {
            let who = names.count == 1 ? StoredText("evidence.competitor", [.text(names[0])])
                : StoredText("evidence.competitors", [.text(names.joined(separator: ", "))])
            text = StoredText("evidence.competitor_times", [.sub(who), .int(n), .int(days), .day(newest)])
        }
        return SignalEvidence(text, key: newest.iso, fmt)
    }

    public static func cancellation(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let (n, newest) = newestFeedback(f, within: days) { $0.cancellation }
        guard let newest else { return nil }
        let text = n > 1 ? StoredText("evidence.cancellation_times", [.day(newest), .int(n), .int(days)])
            : StoredText("evidence.cancellation", [.day(newest)])
        return SignalEvidence(text, key: newest.iso, fmt)
    }

    public static func contactLeft(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var left = f.contacts.filter { $0.leftOn.map { f.isRecent($0, within: days) } ?? false }
        guard !left.isEmpty else { return nil }
        left.sort { ($0.leftOn!, $0.id) > ($1.leftOn!, $1.id) }
        func who(_ c: ContactFact) -> String { c.role.isEmpty ? c.name : "\(c.name) (\(c.role))" }
        let text = left.count == 1
            ? StoredText("evidence.contact_left", [.text(who(left[0])), .day(left[0].leftOn!)])
            : StoredText("evidence.contacts_left", [.int(left.count), .int(days),
                                                    .list(left.map { .sub(StoredText("evidence.who_on", [.text(who($0)), .day($0.leftOn!)])) })])
        return SignalEvidence(text, key: String(left[0].id), fmt)
    }

    public static func addressChanged(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        guard let d = f.addressChangedOn, f.isRecent(d, within: days) else { return nil }
        return SignalEvidence(StoredText("evidence.address_changed", [.day(d)]), key: d.iso, fmt)
    }

    /// How many recent feedback forms match, and the newest matching day.
    static func newestFeedback(_ f: CustomerSignalFacts, within days: Int,
                               _ matches: (FeedbackFact) -> Bool) -> (Int, Day?) {
        var n = 0
        var newest: Day?
        for fb in f.feedback where f.isRecent(fb.day, within: days) && matches(fb) {
            n += 1
            if newest.map({ fb.day > $0 }) ?? true { newest = fb.day }
        }
        return (n, newest)
    }
}
