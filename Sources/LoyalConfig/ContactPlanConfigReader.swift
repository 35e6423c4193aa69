import LoyalCore
import TOMLKit

extension ContactPlanConfig {
    /// Typed reads that fail as `FILE:LINE: key "contact_plan.x": …`.
    struct Reader {
        var file: String
        var lines: TOMLKeyLines

        func fail(_ path: String, _ message: String) -> ConfigError {
            ConfigError(file: file, line: lines.line(path), key: path, message: message)
        }

        func table(_ raw: TOMLValueConvertible, _ path: String) throws(ConfigError) -> TOMLTable {
            guard let t = raw.table else { throw fail(path, "expected a table, found \(raw.debugDescription)") }
            return t
        }

        func int(_ raw: TOMLValueConvertible, _ path: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
            guard let i = raw.int, range.contains(i) else {
                throw fail(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(raw.debugDescription)")
            }
            return i
        }

        func customerClass(_ name: String, _ path: String) throws(ConfigError) -> CustomerClass {
            guard let c = CustomerClass(rawValue: name.uppercased()) else {
                throw fail(path, "is not a class (known: A, B, C)")
            }
            return c
        }

        func channel(_ name: String, _ path: String, isKey: Bool = false) throws(ConfigError) -> Channel {
            guard let c = Channel(rawValue: name) else {
                throw fail(path, (isKey ? "is not a channel" : "\"\(name)\" is not a channel")
                           + " (known: \(ContactPlanConfig.channelNames))")
            }
            return c
        }

        func birthday(_ raw: TOMLValueConvertible, _ path: String, default old: BirthdayRule?) throws(ConfigError) -> BirthdayRule {
            let t = try table(raw, path)
            var rule = old ?? BirthdayRule(channels: [], leadDays: 0)
            for key in t.keys {
                let p = "\(path).\(key)"
                switch key {
                case "channels":
                    guard let list = t[key]!.array, !list.isEmpty else {
                        throw fail(p, "expected a list of channels such as [\"phone\", \"visit\"], found \(t[key]!.debugDescription)")
                    }
                    var channels: [Channel] = []
                    for item in list {
                        guard let s = item.string else { throw fail(p, "expected channel names in quotes, found \(item.debugDescription)") }
                        channels.append(try channel(s, p))
                    }
                    rule.channels = channels
                case "lead_days": rule.leadDays = try int(t[key]!, p, 0...60)
                default: throw fail(p, "is not a known key (known: channels, lead_days)")
                }
            }
            if rule.channels.isEmpty { throw fail("\(path).channels", "is missing") }
            return rule
        }

        /// The list, checked to be "the larger the sooner": sorted by amount, a
        /// larger amount may not wait longer than a smaller one.
        func afterPurchase(_ raw: TOMLValueConvertible, _ path: String) throws(ConfigError) -> [PurchaseFollowUp] {
            guard let list = raw.array else {
                throw fail(path, "expected [[\(path)]] entries with min_amount, days and channel, found \(raw.debugDescription)")
            }
            var rules: [(index: Int, rule: PurchaseFollowUp)] = []
            for (i, item) in list.enumerated() {
                let entry = "\(path)[\(i + 1)]"
                let t = try table(item, entry)
                var minAmount: Money?, days: Int?, channel: Channel = .phone
                for key in t.keys {
                    let p = "\(entry).\(key)", v = t[key]!
                    switch key {
                    case "min_amount":
                        guard let units = v.double ?? v.int.map(Double.init), units >= 0, units < 1e12 else {
                            throw fail(p, "expected an amount of at least 0, found \(v.debugDescription)")
                        }
                        minAmount = Money(cents: Int64((units * 100).rounded()))
                    case "days": days = try int(v, p, 0...365)
                    case "channel":
                        guard let s = v.string else { throw fail(p, "expected a channel name in quotes, found \(v.debugDescription)") }
                        channel = try self.channel(s, p)
                    default: throw fail(p, "is not a known key (known: min_amount, days, channel)")
                    }
                }
                guard let minAmount else { throw fail("\(entry).min_amount", "is missing") }
                guard let days else { throw fail("\(entry).days", "is missing") }
                rules.append((i + 1, PurchaseFollowUp(minAmount: minAmount, days: days, channel: channel)))
            }
            let sorted = rules.sorted { ($0.rule.minAmount, $0.index) < ($1.rule.minAmount, $1.index) }
            for (smaller, larger) in zip(sorted, sorted.dropFirst()) {
                let p = "\(path)[\(larger.index)]"
                if larger.rule.minAmount == smaller.rule.minAmount {
                    throw fail("\(p).min_amount", "is given twice (also in entry \(smaller.index))")
                }
                if larger.rule.days > smaller.rule.days {
                    throw fail("\(p).days", "must not be later than for smaller purchases (\(smaller.rule.days) days "
                               + "from \(ContactPlanConfig.amount(smaller.rule.minAmount))): the larger the amount, the sooner")
                }
            }
            return rules.map(\.rule).sorted { $0.minAmount > $1.minAmount }
        }
    }
}
