import LoyalCore
import LoyalTOML

/// `[contact_plan]`: the communication plan's rules. Nested tables (per class)
/// and a list (`[[contact_plan.after_purchase]]`) do not fit the flat key table
/// of `ConfigSchema`, so this section is read and written here.
enum ContactPlanConfig {
    static let section = "contact_plan"
    static let doc = "Communication plan: how often each class hears from us, birthdays, follow-ups after purchases."

    /// The section as `loyal config init` writes it, from the default rules.
    static func defaultText(_ r: ContactPlanRules) -> String {
        var out = "\n# \(doc)\n[\(section)]\n"
        out += "# Days a call or visit may be moved out of the customer's high season or busy days; beyond, it is flagged.\n"
        out += "max_move_days = \(r.maxMoveDays)\n"
        out += "# Purchases older than this many days get no follow-up any more.\n"
        out += "after_purchase_lookback_days = \(r.afterPurchaseLookbackDays)\n"
        out += "# Congratulate the partners of contact persons too, where their birthday is known.\n"
        out += "partner_birthdays = \(r.partnerBirthdays)\n"
        out += "# Time zone of entries with a time of day in the exported calendar (.ics).\n"
        out += "time_zone = \(ConfigSchema.quote(r.timeZone))\n"
        out += "\n# Regular contact per class: CHANNEL = every N days (channels: \(channelNames)).\n"
        out += "# A class's table replaces its defaults; an empty table means no regular contact.\n"
        for c in CustomerClass.allCases {
            out += "[\(section).cadence.\(c.rawValue)]\n"
            for ch in Channel.allCases { if let n = r.cadence[c]?[ch] { out += "\(ch.rawValue) = \(n)\n" } }
        }
        out += "\n# Birthdays per class: the channels the relationship calls for, best first (the customer's\n"
        out += "# preferred one if listed, else the first with consent); the entry is due lead_days before.\n"
        for c in CustomerClass.allCases {
            guard let b = r.birthdays[c] else { continue }
            out += "[\(section).birthday.\(c.rawValue)]\n"
            out += "channels = [" + b.channels.map { ConfigSchema.quote($0.rawValue) }.joined(separator: ", ") + "]\n"
            out += "lead_days = \(b.leadDays)\n"
        }
        out += "\n# Follow-up after a purchase, the larger the sooner: the highest min_amount (in currency units)\n"
        out += "# a day's purchases reach applies. A list given here replaces the whole default list.\n"
        for p in r.afterPurchase.sorted(by: { $0.minAmount > $1.minAmount }) {
            out += "[[\(section).after_purchase]]\nmin_amount = \(amount(p.minAmount))\ndays = \(p.days)\n"
            out += "channel = \(ConfigSchema.quote(p.channel.rawValue))\n"
        }
        return out
    }

    static var channelNames: String { Channel.allCases.map(\.rawValue).joined(separator: ", ") }

    /// `5000` or `49.9`: whole amounts without decimals.
    static func amount(_ m: Money) -> String {
        m.cents % 100 == 0 ? String(m.cents / 100) : m.plain
    }

    static let schema = TableSchema<ContactPlanRules>([
        .value("max_move_days", .integer(0...366)) { $0.maxMoveDays = $1.integer },
        .value("after_purchase_lookback_days", .integer(1...366)) { $0.afterPurchaseLookbackDays = $1.integer },
        .value("partner_birthdays", .bool) { $0.partnerBirthdays = $1.bool },
        .value("time_zone", .choice(ICalTimeZone.knownIDs)) { $0.timeZone = $1.text },
        .nested("cadence") { (node, r) throws(TOMLError) in
            for (name, channels) in try node.entries() {
                var cadence: [Channel: Int] = [:]
                for (ch, days) in try channels.entries() {
                    cadence[try channel(named: ch, days, isKey: true)] = try days.integer(1...3650)
                }
                r.cadence[try customerClass(name, channels)] = cadence
            }
        },
        .nested("birthday") { (node, r) throws(TOMLError) in
            for (name, rule) in try node.entries() {
                let c = try customerClass(name, rule)
                r.birthdays[c] = try birthday.read(rule, from: r.birthdays[c] ?? BirthdayRule(channels: [], leadDays: 0))
                if r.birthdays[c]!.channels.isEmpty { throw rule.error(at: "channels", "is missing") }
            }
        },
        .nested("after_purchase") { (node, r) throws(TOMLError) in r.afterPurchase = try afterPurchase(node) },
    ], known: "known in [\(section)]: max_move_days, after_purchase_lookback_days, partner_birthdays, time_zone, "
        + "cadence, birthday, after_purchase")

    static let birthday = TableSchema<BirthdayRule>([
        .nested("channels") { (node, rule) throws(TOMLError) in
            let list = try node.elements("a list of channels such as [\"phone\", \"visit\"]")
            guard !list.isEmpty else { throw node.expected("a list of channels such as [\"phone\", \"visit\"]") }
            var channels: [Channel] = []
            for item in list { channels.append(try channel(named: try item.string("channel names in quotes"), node)) }
            rule.channels = channels
        },
        .value("lead_days", .integer(0...60)) { $0.leadDays = $1.integer },
    ])

    static let followUp = TableSchema<Record>([
        .recorded("min_amount", .amount, required: ""),
        .recorded("days", .integer(0...365), required: ""),
        .nested("channel") { (node, r) throws(TOMLError) in
            r["channel"] = .text(try channel(named: try node.string("a channel name in quotes"), node).rawValue)
        },
    ])

    static func customerClass(_ name: String, _ node: TOMLNode) throws(TOMLError) -> CustomerClass {
        guard let c = CustomerClass(rawValue: name.uppercased()) else { throw node.error("is not a class (known: A, B, C)") }
        return c
    }

    static func channel(named name: String, _ node: TOMLNode, isKey: Bool = false) throws(TOMLError) -> Channel {
        guard let c = Channel(rawValue: name) else {
            throw node.error((isKey ? "is not a channel" : "\"\(name)\" is not a channel") + " (known: \(channelNames))")
        }
        return c
    }

    /// The list, checked to be "the larger the sooner": sorted by amount, a larger amount
    /// may not wait longer than a smaller one.
    static func afterPurchase(_ node: TOMLNode) throws(TOMLError) -> [PurchaseFollowUp] {
        let entries = try node.elements("[[\(node.path)]] entries with min_amount, days and channel")
        var rules: [(index: Int, node: TOMLNode, rule: PurchaseFollowUp)] = []
        for (i, entry) in entries.enumerated() {
            let r = try followUp.read(entry, from: [:])
            let channel = Channel(rawValue: r["channel"]?.text ?? "") ?? .phone
            rules.append((i + 1, entry, PurchaseFollowUp(minAmount: r["min_amount"]!.money, days: r["days"]!.integer, channel: channel)))
        }
        let sorted = rules.sorted { ($0.rule.minAmount, $0.index) < ($1.rule.minAmount, $1.index) }
        for (smaller, larger) in zip(sorted, sorted.dropFirst()) {
            if larger.rule.minAmount == smaller.rule.minAmount {
                throw larger.node.error(at: "min_amount", "is given twice (also in entry \(smaller.index))")
            }
            if larger.rule.days > smaller.rule.days {
                throw larger.node.error(at: "days", "must not be later than for smaller purchases (\(smaller.rule.days) days "
                                        + "from \(amount(smaller.rule.minAmount))): the larger the amount, the sooner")
            }
        }
        return rules.map(\.rule).sorted { $0.minAmount > $1.minAmount }
    }
}
