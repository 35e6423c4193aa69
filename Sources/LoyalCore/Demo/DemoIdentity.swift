/// Names, addresses, soft facts, contact persons and consents of a demo customer.
enum DemoIdentity {
    static func customer(id: Int64, index: Int, profile: DemoProfile, rng: inout SeededRandom) -> Customer {
        let trade = DemoNames.trades[profile.tradeIndex]
        let city = rng.pick(DemoNames.cities)
        let surname = rng.pick(DemoNames.lastNames)
        let name: String
        if profile.soleTrader {
            let first = rng.pick(DemoNames.firstNames)
            name = rng.chance(0.5) ? "\(trade.0) \(first) \(surname) e.K." : "\(first) \(surname) \(trade.0)"
        } else {
            let form = rng.pick(DemoNames.legalForms.filter { $0 != "e.K." })
            switch rng.int(0...3) {
            case 0: name = "\(surname) \(trade.0) \(form)"
            case 1: name = "\(trade.0) \(surname) \(form)"
            case 2: name = "\(surname) & \(rng.pick(DemoNames.lastNames)) \(form)"
            default: name = "\(trade.0) \(city.0) \(form)"
            }
        }
        var c = Customer(id: id, number: "K\(100001 + index)", name: name)
        c.street = "\(rng.pick(DemoNames.streets)) \(rng.int(1...180))"
        c.postalCode = city.1 + String(rng.int(100...999))
        c.city = city.0
        c.industry = trade.1
        c.employees = profile.employees
        c.revenueBand = profile.employees < 10 ? "< 2 Mio." : profile.employees < 50 ? "2–10 Mio." :
            profile.employees < 250 ? "10–50 Mio." : "> 50 Mio."
        let domain = SearchKey.foldGerman(surname).filter { $0.isLetter } + "-" + SearchKey.foldGerman(trade.0).filter { $0.isLetter }
        c.email = "info@\(domain).example"
        c.website = "https://www.\(domain).example"
        c.phone = "+49 \(rng.int(30...9999)) \(rng.int(100000...9999999))"
        c.preferences = rng.pick(DemoNames.preferences)
        c.preferredChannel = rng.pick([Channel.visit, .phone, .email, .phone, .email, .letter])
        c.bestCallTimes = rng.pick(DemoNames.callTimes)
        c.highSeason = trade.2
        c.busyHours = rng.pick(DemoNames.busyHours)
        if rng.chance(0.12) { c.potential = Money(cents: Int64(rng.int(20...400)) * 100_000) }
        return c
    }

    static func contacts(customerID: Int64, profile: DemoProfile, asOf: Day, nextID: inout Int64,
                         rng: inout SeededRandom) -> [ContactPerson] {
        let count = profile.soleTrader ? 1 : rng.int(1...3)
        var out: [ContactPerson] = []
        for i in 0..<count {
            nextID += 1
            var p = ContactPerson(id: nextID, customerID: customerID, firstName: rng.pick(DemoNames.firstNames),
                                  lastName: rng.pick(DemoNames.lastNames))
            p.role = profile.soleTrader ? "Inhaber" : (i == 0 ? "Geschäftsführung" : rng.pick(DemoNames.roles))
            p.isPrimary = i == 0
            p.email = SearchKey.foldGerman(p.firstName.prefix(1) + "." + p.lastName).filter { $0.isLetter || $0 == "." }
                + "@kunde\(customerID).example"
            p.phone = "+49 \(rng.int(150...179)) \(rng.int(1000000...9999999))"
            if rng.chance(0.85) {
                let year = rng.int(1958...1998)
                // About one in 1461 people is born on 29 February; make sure the demo has some.
                let leap = Day.isLeap(year) && rng.chance(0.01)
                let month = leap ? 2 : rng.int(1...12)
                let day = leap ? 29 : rng.int(1...Day.daysIn(month: month, year: year))
                p.birthday = Birthday(year: rng.chance(0.8) ? year : nil, month: month, day: day)
            }
            if profile.soleTrader && rng.chance(0.7) {
                p.partnerName = rng.pick(DemoNames.firstNames) + " " + p.lastName
                let m = rng.int(1...12)
                p.partnerBirthday = Birthday(year: nil, month: m, day: rng.int(1...Day.daysIn(month: m, year: 2001)))
            }
            if i > 0 || !profile.soleTrader, rng.chance(0.06) {
                p.leftOn = asOf.adding(days: -rng.int(5...300))
            }
            out.append(p)
        }
        return out
    }

    static func consents(customerID: Int64, since: Day, rng: inout SeededRandom) -> [Consent] {
        var out: [Consent] = []
        for (channel, share) in [(Channel.email, 0.7), (.phone, 0.6), (.newsletter, 0.35)] {
            let asked = rng.chance(0.9)
            guard asked else { continue }
            let granted = rng.chance(share)
            let on = since.adding(days: rng.int(0...200))
            out.append(Consent(customerID: customerID, channel: channel, granted: granted, on: on,
                               source: rng.pick(["Besuch", "Webformular (Double-Opt-in)", "Messe", "Telefonat"])))
        }
        return out
    }
}
