import LoyalCore
import LoyalTOML

/// The early-warning and win-back parts of config.toml that are not flat key tables:
/// `[[signals]]`, `[playbooks.KIND]` and `[winback]`. (`[risk]` is flat and lives in ConfigSchema.)
enum RetentionConfig {
    static let sections = ["signals", "playbooks", "winback"]

    static func parse(_ root: TOMLNode, into settings: inout RetentionSettings) throws(ConfigError) {
        if let s = root["signals"] { settings.signals = try SignalConfig.parse(s) }
        settings.playbooks = try PlaybookConfig.parse(root["playbooks"], kinds: settings.signals.map(\.kind))
        if let w = root["winback"] { settings.winback = try WinbackConfig.parse(w) }
    }

    /// Why each default rule has its numbers, for a B2B wholesaler whose customers reorder
    /// every few weeks; written above the rule by `loyal config init`.
    static let notes: [String: String] = [
        "revenue_drop": "Yearly revenue down by 30 % or more. Wholesale orders swing with seasons and projects; "
            + "a third less over a whole year is no longer noise. Accounts under 2000 € a year swing too much to mean anything.",
        "overdue": "No order for more than twice the customer's own usual gap (the median of his gaps). Four purchases "
            + "are needed to know a rhythm, and 30 days at least, so weekly buyers are not chased after a fortnight.",
        "likely_inactive": "The value model thinks the customer is probably gone. Weak on its own (one-time buyers "
            + "always look alive to it), hence the low weight.",
        "open_complaint": "A complaint unresolved for two weeks: in wholesale most are settled within days "
            + "(credit note, replacement delivery).",
        "repeated_complaints": "Three complaints in half a year, resolved or not: something keeps going wrong.",
        "low_nps": "NPS 6 or lower is a detractor on the standard scale (0-6 detractors, 9-10 promoters).",
        "low_csat": "Dissatisfied (1-2 on the 1-5 scale) in the last half year.",
        "high_effort": "Working with us is hard for the customer (5-7 on the 1-7 effort scale).",
        "discount_creep": "The discount rate rose by 3 points or more (last 6 months against the 12 before): price "
            + "negotiations are getting harder. On wholesale margins of 15-25 % three points are a lot.",
        "price_pressure": "The rep noted price pressure on two visits within half a year.",
        "contact_left": "Our contact person left: the relationship has to be built again with the successor.",
        "address_changed": "The address changed: a move, a new site, perhaps a new buyer.",
        "competitor_named": "The customer named a competitor to the rep: he is comparing offers.",
        "cancellation": "The customer announced a cancellation: the strongest single sign, red on its own.",
        "single_category": "A customer for three years who still buys from one product category only: "
            + "no cross-selling, a weak bond.",
    ]

    static func defaultText(_ settings: RetentionSettings) -> String {
        var out = "\n"
        out += comment("Early-warning rules. Each [[signals]] block is one rule: kind (the name users see), form "
                       + "(the computation), weight (for kinds purchases cannot show, its prior weight in the churn model: "
                       + "weight/25 log-odds, 25 raises the odds of losing the customer e-fold) and every parameter of its form. Add kinds "
                       + "of the same forms with other parameters; delete the blocks you do not want. If the file has "
                       + "any [[signals]], they replace this whole list. Errors name a rule by position: signals[1] "
                       + "is the first block. \"Days\" count back from today, today included. Forms:")
        out += SignalConfig.formsHelp
        out += SignalConfig.write(settings.signals, notes: notes)
        out += "\n" + comment("What to do when a signal fires: steps with channel (call, visit, email, letter), "
                              + "after_days (from the day the playbook is applied; weekends move to Monday) and text. "
                              + "A kind written here replaces its default playbook; steps = [] means none.")
        out += PlaybookConfig.write(settings.playbooks)
        out += "\n" + WinbackConfig.write(settings.winback)
        return out
    }

    /// `text` as `# ` comment lines of at most 100 characters.
    static func comment(_ text: String) -> String {
        var out = "", line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 100 { out += line + "\n"; line = "#" }
            line += " " + word
        }
        return out + line + "\n"
    }
}

extension WinbackConfig {
    static let notes: [WinbackCriterion: String] = [
        .revenue: "Revenue brought: net revenue in his last 12 active months. From a band's amount up he gets its "
            + "points; below every band, otherwise. Revenue weighs most: a wholesaler lives on volume.",
        .margin: "Contribution margin (Deckungsbeitrag) over the same months; an unknown margin scores otherwise.",
        .effort: "Effort he caused (complaints, special requests, small orders), judged 1 = very little ... "
            + "5 = very much; points for 1, 2, 3, 4, 5.",
        .referral: "How good a referrer he would be, 1 = not at all ... 5 = excellent; points for 1 ... 5.",
        .payment: "Payment behaviour, 1 = pays late or not ... 5 = always on time; points for 1 ... 5. "
            + "Weighs double: a wholesaler delivers on credit.",
        .growthMarket: "Is his market growing? 1 = shrinking ... 5 = growing strongly; points for 1 ... 5.",
        .accountClass: "His A/B/C class when he left; points for A, B, C.",
    ]

    static func write(_ m: WinbackMatrix) -> String {
        var out = RetentionConfig.comment(
            "Win-back scoring matrix (Bewertungsmatrix): which lost customers are worth how much effort. Each "
            + "criterion gives points times its weight; the total picks the first class (best first) whose from it "
            + "reaches, else the last. A judgement not given counts as 3 and marks the class provisional. A table "
            + "or key left out keeps its default.")
        out += "[winback]\nclasses = [\n"
        for c in m.classes {
            out += "  { name = \(ConfigSchema.quote(c.name)), from = \(c.from), effort = \(ConfigSchema.quote(c.effort)) },\n"
        }
        out += "]\n"
        for rule in m.criteria {
            out += "\n" + (notes[rule.criterion].map(RetentionConfig.comment) ?? "")
            out += "[winback.\(rule.criterion.rawValue)]\nweight = \(rule.weight)\n"
            switch rule.scale {
            case let .money(bands, otherwise):
                out += "bands = [\n"
                for b in bands { out += "  { from = \(ConfigWriter.money(b.from)), points = \(b.points) },\n" }
                out += "]\notherwise = \(otherwise)\n"
            case let .judgement(points):
                out += "points = \(ConfigWriter.list(points))\n"
            case let .accountClass(a, b, c):
                out += "points = \(ConfigWriter.list([a, b, c]))\n"
            }
        }
        return out
    }
}
