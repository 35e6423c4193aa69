/// When a demo customer joined, bought, dropped out, was marked lost and came back.
struct DemoTimeline {
    var since: Day
    var purchaseDays: [Day]
    /// Day of silent drop-out, if it happened.
    var droppedOn: Day?
    var lost: (on: Day, reason: LostReason)?
    var returnedOn: Day?

    static func draw(profile: DemoProfile, settings: DemoSettings, rng: inout SeededRandom) -> DemoTimeline {
        let asOf = settings.asOf
        let windowStart = asOf.adding(years: -settings.years)
        let span = asOf - windowStart
        let existing = rng.chance(0.45)
        let since = existing ? windowStart.adding(days: -rng.int(30...3000))
                             : windowStart.adding(days: rng.int(0...max(1, span - 14)))
        var t = Double(existing ? windowStart.number : since.number)
        let slowFrom = profile.slowdown.map { _ in Double(windowStart.number) + Double(span) * (0.4 + 0.5 * rng.unit()) }

        var days: [Day] = []
        var dropped: Day?
        if !existing { days.append(since); t = Double(since.number) }
        while true {
            if let d = days.last, rng.chance(profile.dropout) { dropped = d; break }
            var rate = profile.rate / 365.25
            if let from = slowFrom, let share = profile.slowdown, t >= from { rate *= share }
            t += rng.gap(rate: max(rate, 1e-4))
            if t > Double(asOf.number) { break }
            days.append(Day(number: Int(t)))
        }

        var timeline = DemoTimeline(since: since, purchaseDays: days, droppedOn: dropped)
        // Most companies write a customer off as lost within a year or so of silence.
        if let d = dropped, asOf - d > 200, rng.chance(asOf - d > 400 ? 0.75 : 0.3) {
            let lostOn = d.adding(days: rng.int(90...200))
            let reasons: [LostReason] = [.price, .service, .product, .competitor, .moved, .jobChange, .insolvency, .other]
            let reason = reasons[rng.weighted([5, 3, 2, 4, 1.5, 1, 1, 0.5])]
            timeline.lost = (lostOn, reason)
            if reason.isCompanyRelated ? rng.chance(0.3) : rng.chance(0.08) {
                let back = lostOn.adding(days: rng.int(45...400))
                if back < asOf.adding(days: -20) {
                    timeline.returnedOn = back
                    var u = Double(back.number)
                    while true {
                        u += rng.gap(rate: profile.rate / 365.25)
                        if u > Double(asOf.number) { break }
                        timeline.purchaseDays.append(Day(number: Int(u)))
                    }
                    if timeline.purchaseDays.last.map({ $0 < back }) ?? true { timeline.purchaseDays.append(back) }
                }
            }
        }
        return timeline
    }

    /// Last day the customer was a customer in fact (for visits and calls).
    var activeUntil: Day? {
        if returnedOn != nil { return nil }
        return lost?.on ?? droppedOn.map { $0.adding(days: 90) }
    }
}

extension SeededRandom {
    /// Time to the next order. Businesses reorder more regularly than a Poisson
    /// process would (an Erlang-3 gap has a coefficient of variation of 0.58, not 1).
    mutating func gap(rate: Double) -> Double {
        gamma(shape: 3, scale: 1 / (3 * rate))
    }
}
