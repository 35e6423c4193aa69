extension CustomerPlanning {
    // MARK: After a purchase

    /// One follow-up per burst of buying: a purchase made before the previous
    /// follow-up is due joins it (one call covers both, on the earlier due day),
    /// so a customer ordering three times in a week gets one call, not three.
    mutating func planAfterPurchase() {
        guard !rules.afterPurchase.isEmpty, !facts.purchases.isEmpty else { return }
        let oldest = today.adding(days: -rules.afterPurchaseLookbackDays)
        // The day's purchases added up (few per customer: an array, not a dictionary).
        var perDay: [(day: Day, amount: Money)] = []
        for p in facts.purchases.sorted(by: { $0.day < $1.day }) where p.day >= oldest && p.day <= to {
            if perDay.last?.day == p.day { perDay[perDay.count - 1].amount += p.amount } else { perDay.append((p.day, p.amount)) }
        }
        struct Burst { var first, last, due: Day; var biggest: (day: Day, amount: Money); var count: Int; var rule: PurchaseFollowUp }
        var bursts: [Burst] = []
        for (day, amount) in perDay {
            guard let rule = context.followUp(forPurchaseOf: amount) else { continue }
            let due = day.adding(days: rule.days)
            if var b = bursts.last, day <= b.due {
                b.last = day; b.due = min(b.due, due); b.count += 1
                if amount > b.biggest.amount { b.biggest = (day, amount); b.rule = rule }
                bursts[bursts.count - 1] = b
            } else {
                bursts.append(Burst(first: day, last: day, due: due, biggest: (day, amount), count: 1, rule: rule))
            }
        }
        for b in bursts {
            // Already done: a contact that counts was made after the (last) purchase.
            if let (made, _) = facts.lastContact(satisfying: b.rule.channel), made > b.last { continue }
            let bought: [StoredText.Arg] = [b.rule.channel.actionWord, .money(b.biggest.amount), .day(b.biggest.day)]
            let reason = b.count > 1 ? StoredText("calendar_reason.after_purchases", bought + [.int(b.count - 1)])
                : StoredText("calendar_reason.after_purchase", bought)
            var e = PlannedEntry(uid: PlanUID.make(facts.customerID, .postPurchase, PlanUID.day(b.first)),
                                 customerID: facts.customerID, repID: facts.repID, contactPersonID: primaryContact,
                                 due: b.due, channel: b.rule.channel, source: .postPurchase, reasonText: reason)
            respect(&e, movable: true)
            keep(e)
        }
    }

    // MARK: Regular contact

    /// Slots every `every` days counted from the last contact that counts. A
    /// contact planned before a slot (a follow-up, an after-purchase call, a
    /// visit for the call cadence) takes the slot's place and the count starts
    /// again from it. A missed slot stays on its day (overdue); the next ones are
    /// counted from today. The UID names the anchor contact and the slot number,
    /// which do not change when the plan is made again.
    mutating func planCadence(_ slot: PlanContext.Slot) {
        let channel = slot.channel, every = slot.every
        let planned = expected.filter { channel.isSatisfied(by: $0.channel) }.sorted { $0.at < $1.at }
        var next = 0, k = 1
        // What the count starts from: the day, and for the UID and the reason the
        // contact it stands for (its due day if planned); strings made only when shown.
        var anchor: Day?, anchorKey: Day?, anchorChannel = channel, anchorPlanned = false
        if let (day, made) = facts.lastContact(satisfying: channel) {
            anchor = day; anchorKey = day; anchorChannel = made
        }
        var stem = ""  // the UID up to the slot number
        while true {
            let due = anchor.map { $0.adding(days: every) } ?? firstSlot(channel, every: every)
            while next < planned.count, let a = anchor, planned[next].at <= a { next += 1 }
            // A call or visit due on a weekend happens on the Monday (`respect`): a
            // contact planned by then takes its place, or both would be on that day.
            let happens = channel.respectsQuietTimes ? CustomerPlanning.workingDay(due) : due
            if next < planned.count, planned[next].at <= happens {
                let p = planned[next]
                anchor = p.at; anchorKey = p.due; anchorChannel = p.channel; anchorPlanned = true; k = 1; stem = ""
                continue
            }
            if due > to { return }
            if stem.isEmpty {
                stem = "c\(facts.customerID)-plan-\(channel.rawValue)-\(anchorKey.map(PlanUID.day) ?? "first")-"
            }
            var reason = slot.reason
            if k == 1 {
                let since: StoredText = anchorKey.map {
                    StoredText(anchorPlanned ? "plan_since.planned_\(anchorChannel.rawValue)" : "plan_since.last_\(anchorChannel.rawValue)",
                               [.day($0)])
                } ?? StoredText("plan_since.none_\(channel.rawValue)")
                reason = StoredText("calendar_reason.every_since", [channel.actionWord, .int(every), .sub(since)])
            }
            var uid = stem  // one allocation for the UID, not one per piece
            uid.reserveCapacity(stem.utf8.count + 12)
            uid += String(k)
            uid += "@loyal"
            var e = PlannedEntry(uid: uid,
                                 customerID: facts.customerID, repID: facts.repID, contactPersonID: primaryContact,
                                 due: due, channel: channel, source: .plan, reasonText: reason)
            respect(&e, movable: true)
            if e.due > to { return }  // moved past the window: the next plan has it, same UID
            anchor = max(e.due, today)
            k += 1
            keep(e)
        }
    }

    /// With no contact on record there is nothing to be late against: the first
    /// slot is on the customer's own day in the coming cycle, spread by a hash of
    /// customer and channel so that a fresh import does not put every customer on
    /// today. Fixed days on a grid, so the slot does not drift from day to day.
    func firstSlot(_ channel: Channel, every: Int) -> Day {
        let index = UInt64(channel.index)
        var x = UInt64(bitPattern: facts.customerID) &* 0x9E37_79B9_7F4A_7C15 &+ index
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        let phase = Int(x % UInt64(every))
        let offset = ((phase - today.number) % every + every) % every
        return today.adding(days: offset)
    }

    // MARK: Birthdays

    mutating func planBirthdays() {
        guard let rule = context.birthdays[facts.customerClass.index], !rule.channels.isEmpty else { return }
        let channel = birthdayChannel(rule)
        for (index, person) in facts.contacts.enumerated() {
            let who = person.id.map { "p\($0)" } ?? "i\(index)"
            if let b = person.birthday {
                planBirthday(b, of: person, who: who, partner: false, channel: channel, lead: rule.leadDays)
            }
            if rules.partnerBirthdays, let b = person.partnerBirthday {
                planBirthday(b, of: person, who: who, partner: true, channel: channel, lead: rule.leadDays)
            }
        }
    }

    /// The customer's preferred channel if the relationship allows it, else the
    /// first the customer consented to; if none, the first (and it shows blocked).
    func birthdayChannel(_ rule: BirthdayRule) -> Channel {
        if let p = facts.preferredChannel, rule.channels.contains(p), blocks[p.index] == nil { return p }
        return rule.channels.first { blocks[$0.index] == nil } ?? rule.channels[0]
    }

    mutating func planBirthday(_ b: Birthday, of person: ContactPerson, who: String, partner: Bool,
                               channel: Channel, lead: Int) {
        var name: String?
        // The lead time can pull next year's birthday into this window.
        for year in from.year...(to.year + 1) {
            let occasion = b.occurrence(in: year)
            let due = occasion.adding(days: -lead)
            guard due >= from, due <= to else { continue }
            // Someone who left is not congratulated by the company any more.
            if let left = person.leftOn, left <= occasion { continue }
            // The age reached this time: a 29 February child turns 47 on 28.02.2027
            // (where Loyal congratulates), which `age(on:)` would only say a day later.
            let age = b.year.map { year - $0 }
            if let age, age < 0 { continue }
            if name == nil { name = person.fullName }
            let named = name!
            let reason: StoredText
            if !partner {
                reason = StoredText(age == nil ? "calendar_reason.birthday" : "calendar_reason.birthday_age", [.text(named)])
            } else if person.partnerName.isEmpty {
                reason = StoredText(age == nil ? "calendar_reason.partner_of_birthday" : "calendar_reason.partner_of_birthday_age",
                                    [.text(named)])
            } else {
                reason = StoredText(age == nil ? "calendar_reason.partner_birthday" : "calendar_reason.partner_birthday_age",
                                    [.text(person.partnerName), .text(named)])
            }
            var e = PlannedEntry(uid: PlanUID.make(facts.customerID, partner ? .partnerBirthday : .birthday, "\(who)-\(year)"),
                                 customerID: facts.customerID, repID: facts.repID, contactPersonID: person.id,
                                 due: due, channel: channel, source: partner ? .partnerBirthday : .birthday,
                                 reasonText: age.map { StoredText(reason.key, reason.args + [.int($0)]) } ?? reason,
                                 birthday: b, occasion: occasion)
            respect(&e, movable: false)
            out.append(e)
        }
    }
}
