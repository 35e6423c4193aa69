/// Visits, calls and e-mails with feedback, and complaints, while the customer is active.
enum DemoContacts {
    static func make(customer: Customer, profile: DemoProfile, timeline: DemoTimeline, contacts: [ContactPerson],
                     asOf: Day, ids: inout DemoCompany.IDCounters, interactions: inout [(Interaction, Feedback?)],
                     complaints: inout [Complaint], rng: inout SeededRandom) {
        guard let start = timeline.purchaseDays.first else { return }
        let end = min(asOf, timeline.activeUntil ?? asOf)
        guard end > start else { return }
        let yearly = profile.rate * profile.meanSpend
        let visitEvery = yearly > 20000 ? 90.0 : yearly > 6000 ? 180 : 540
        let callEvery = yearly > 6000 ? 60.0 : 150

        var events: [(Day, InteractionKind)] = []
        for (kind, every) in [(InteractionKind.visit, visitEvery), (.call, callEvery), (.email, 240.0)] {
            var t = Double(start.number) + rng.exponential(rate: 1 / every)
            while t <= Double(end.number) {
                events.append((Day(number: Int(t)), kind))
                t += rng.exponential(rate: 1 / every)
            }
        }
        if rng.chance(0.15) { events.append((start.adding(days: rng.int(0...max(0, end - start))), .event)) }
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.rawValue < $1.1.rawValue }

        // Complaints come first so feedback can refer to them.
        let years = Double(end - start) / 365.25
        var complaintDays: [Day] = []
        for _ in 0..<rng.poisson(years * (profile.satisfaction < 0.5 ? 0.8 : 0.25)) {
            complaintDays.append(start.adding(days: rng.int(0...max(0, end - start))))
        }
        for day in complaintDays.sorted() {
            let (category, text) = rng.pick(DemoNames.complaintTexts)
            ids.complaint += 1
            var c = Complaint(id: ids.complaint, customerID: customer.id!, openedOn: day, category: category, text: text)
            let age = asOf - day
            if age > 45 || rng.chance(0.5) {
                let resolved = day.adding(days: rng.int(1...min(40, max(1, age))))
                if resolved <= asOf { c.resolvedOn = resolved }
                if rng.chance(0.3) { c.goodwill = Money(cents: Int64(rng.int(2...30)) * 500) }
            }
            complaints.append(c)
        }

        let active = contacts.filter { $0.leftOn == nil }
        for (day, kind) in events {
            ids.interaction += 1
            let met = (active.isEmpty ? contacts : active).prefix(kind == .visit ? rng.int(1...2) : 1).compactMap(\.id)
            var interaction = Interaction(id: ids.interaction, customerID: customer.id!, repID: customer.repID,
                                          kind: kind, day: day, contactPersonIDs: met)
            interaction.subject = kind == .visit ? "Besuch" : kind == .call ? "Telefonat" : kind == .event ? "Hausmesse" : "E-Mail"
            var feedback: Feedback?
            if kind == .visit || (kind == .call && rng.chance(0.5)) {
                interaction.notes = rng.pick(DemoNames.visitNotes)
                feedback = makeFeedback(interactionID: ids.interaction, day: day, profile: profile, timeline: timeline,
                                        complaints: complaints, asOf: asOf, ids: &ids, rng: &rng)
            }
            interactions.append((interaction, feedback))
        }
    }

    static func makeFeedback(interactionID: Int64, day: Day, profile: DemoProfile, timeline: DemoTimeline,
                             complaints: [Complaint], asOf: Day, ids: inout DemoCompany.IDCounters,
                             rng: inout SeededRandom) -> Feedback {
        ids.feedback += 1
        var f = Feedback(id: ids.feedback, interactionID: interactionID)
        // Mood sinks towards the end for customers who are about to leave or slow down.
        var mood = profile.satisfaction
        if let drop = timeline.droppedOn ?? (profile.slowdown != nil ? asOf : nil), drop - day < 240 { mood -= 0.25 }
        mood = max(0, min(1, mood + 0.12 * rng.normal()))
        if rng.chance(0.8) { f.nps = max(0, min(10, Int((mood * 10 + 0.8 * rng.normal()).rounded()))) }
        if rng.chance(0.7) { f.csat = max(1, min(5, Int((1 + mood * 4).rounded()))) }
        if rng.chance(0.5) { f.ces = max(1, min(7, Int((7 - mood * 6 + rng.normal()).rounded()))) }
        if rng.chance(0.6) { f.productSatisfaction = max(1, min(5, Int((1 + mood * 4 + 0.5 * rng.normal()).rounded()))) }
        if rng.chance(0.6) { f.adviceSatisfaction = max(1, min(5, Int((1.5 + mood * 3.5 + 0.5 * rng.normal()).rounded()))) }
        f.repSentiment = max(1, min(5, Int((1 + mood * 4).rounded())))
        f.pricePressure = profile.priceSensitive ? rng.chance(0.5) : rng.chance(0.05)
        if mood < 0.45, rng.chance(0.3) { f.competitor = rng.pick(DemoNames.competitors) }
        if rng.chance(0.12) { f.crossSellCategory = rng.pick(DemoCatalog.categories).0 }
        if let c = complaints.first(where: { $0.openedOn == day }) { f.complaintID = c.id }
        f.topics = rng.pick(["Konditionen", "Lieferzeiten", "Sortiment", "Neuheiten", "Service", "Rahmenvertrag"])
        f.nextStep = rng.pick(DemoNames.nextSteps)
        if !f.nextStep.isEmpty { f.followUpOn = day.adding(days: rng.int(3...30)) }
        return f
    }
}
