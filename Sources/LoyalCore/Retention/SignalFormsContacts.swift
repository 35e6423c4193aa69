/// Forms over complaints, feedback forms, contact persons and the address.
extension SignalForms {
    public static func openComplaints(_ f: CustomerSignalFacts, atLeast: Int, minAgeDays: Int,
                                      _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var open = f.complaints.filter { $0.isOpen(on: f.asOf) && f.asOf - $0.openedOn >= minAgeDays }
        guard open.count >= max(atLeast, 1) else { return nil }
        open.sort { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
        var categories: [ComplaintCategory] = []
        for c in open where !categories.contains(c.category) { categories.append(c.category) }
        let list = categories.map(\.rawValue).joined(separator: ", ")
        let oldest = fmt.day(open[0].openedOn)
        let text = open.count == 1 ? "1 complaint open since \(oldest) (\(list))"
                                   : "\(open.count) complaints open, oldest since \(oldest) (\(list))"
        return SignalEvidence(text: text, key: open.map(\.id).sorted().map(String.init).joined(separator: "+"))
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
            .map { "\($0.element.1) \($0.element.0.rawValue)" }
        return SignalEvidence(
            text: "\(EvidenceFormat.count(count, "complaint")) in the last \(days) days (\(parts.joined(separator: ", "))), "
                + "latest on \(fmt.day(newest.openedOn))",
            key: String(newest.id))
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
        let limit = "\(comparison.symbol) \(fmt.number(value))"
        let text = n == 1
            ? "\(metric.label) \(newest.value) on \(fmt.day(newest.day)) (\(limit))"
            : "average \(metric.label) \(fmt.decimal(average, 1)) from \(n) answers in the last \(days) days (\(limit)); "
                + "latest \(newest.value) on \(fmt.day(newest.day))"
        return SignalEvidence(text: text, key: newest.day.iso)
    }

    public static func pricePressureMentions(_ f: CustomerSignalFacts, atLeast: Int, days: Int,
                                             _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let (n, newest) = newestFeedback(f, within: days) { $0.pricePressure }
        guard n >= max(atLeast, 1), let newest else { return nil }
        return SignalEvidence(
            text: "price pressure noted \(EvidenceFormat.count(n, "time")) in the last \(days) days, latest on \(fmt.day(newest))",
            key: newest.iso)
    }

    public static func competitorNamed(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var names: [String] = []
        let (n, newest) = newestFeedback(f, within: days) { fb in
            let name = String(fb.competitor.trimmingSpaces)
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            return !name.isEmpty
        }
        guard let newest else { return nil }
        let text: String
        if n == 1 {
            text = "competitor \(names[0]) named on \(fmt.day(newest))"
        } else {
            let who = names.count == 1 ? "competitor \(names[0])" : "competitors \(names.joined(separator: ", "))"
            text = "\(who) named \(n) times in the last \(days) days, latest on \(fmt.day(newest))"
        }
        return SignalEvidence(text: text, key: newest.iso)
    }

    public static func cancellation(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        let (n, newest) = newestFeedback(f, within: days) { $0.cancellation }
        guard let newest else { return nil }
        let text = "cancellation noted on \(fmt.day(newest))"
            + (n > 1 ? " (\(n) times in the last \(days) days)" : "")
        return SignalEvidence(text: text, key: newest.iso)
    }

    public static func contactLeft(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        var left = f.contacts.filter { $0.leftOn.map { f.isRecent($0, within: days) } ?? false }
        guard !left.isEmpty else { return nil }
        left.sort { ($0.leftOn!, $0.id) > ($1.leftOn!, $1.id) }
        func who(_ c: ContactFact) -> String { c.role.isEmpty ? c.name : "\(c.name) (\(c.role))" }
        let text = left.count == 1
            ? "contact \(who(left[0])) left on \(fmt.day(left[0].leftOn!))"
            : "\(left.count) contacts left in the last \(days) days: "
                + left.map { "\(who($0)) on \(fmt.day($0.leftOn!))" }.joined(separator: ", ")
        return SignalEvidence(text: text, key: String(left[0].id))
    }

    public static func addressChanged(_ f: CustomerSignalFacts, days: Int, _ fmt: EvidenceFormat = .german) -> SignalEvidence? {
        guard let d = f.addressChangedOn, f.isRecent(d, within: days) else { return nil }
        return SignalEvidence(text: "address changed on \(fmt.day(d))", key: d.iso)
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
