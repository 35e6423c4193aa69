import LoyalCore
import TOMLKit

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

    static func parse(_ value: TOMLValueConvertible, text: String, file: String) throws(ConfigError) -> ContactPlanRules {
        let reader = Reader(file: file, lines: TOMLKeyLines(text: text))
        var r = ContactPlanRules()
        let table = try reader.table(value, section)
        for key in table.keys {
            let path = "\(section).\(key)", raw = table[key]!
            switch key {
            case "max_move_days": r.maxMoveDays = try reader.int(raw, path, 0...366)
            case "after_purchase_lookback_days": r.afterPurchaseLookbackDays = try reader.int(raw, path, 1...366)
            case "partner_birthdays":
                guard let b = raw.bool else { throw reader.fail(path, "expected true or false, found \(raw.debugDescription)") }
                r.partnerBirthdays = b
            case "time_zone":
                guard let id = raw.string, ICalTimeZone.named(id) != nil else {
                    throw reader.fail(path, "expected one of " + ICalTimeZone.knownIDs.map { "\"\($0)\"" }.joined(separator: ", ")
                                      + ", found \(raw.debugDescription)")
                }
                r.timeZone = id
            case "cadence":
                let classes = try reader.table(raw, path)
                for name in classes.keys {
                    let c = try reader.customerClass(name, "\(path).\(name)")
                    let channels = try reader.table(classes[name]!, "\(path).\(name)")
                    var cadence: [Channel: Int] = [:]
                    for ch in channels.keys {
                        let p = "\(path).\(name).\(ch)"
                        cadence[try reader.channel(ch, p, isKey: true)] = try reader.int(channels[ch]!, p, 1...3650)
                    }
                    r.cadence[c] = cadence
                }
            case "birthday":
                let classes = try reader.table(raw, path)
                for name in classes.keys {
                    let c = try reader.customerClass(name, "\(path).\(name)")
                    r.birthdays[c] = try reader.birthday(classes[name]!, "\(path).\(name)", default: r.birthdays[c])
                }
            case "after_purchase":
                r.afterPurchase = try reader.afterPurchase(raw, path)
            default:
                throw reader.fail(path, "is not a known key (known in [\(section)]: max_move_days, after_purchase_lookback_days, "
                                  + "partner_birthdays, time_zone, cadence, birthday, after_purchase)")
            }
        }
        return r
    }
}
