import LoyalCore
import LoyalTOML

/// The flat sections of config.toml, each declared once: where a setting lives, what it
/// takes, its default and meaning. `loyal config init` writes these tables out and the
/// loader reads files with them, so the documented defaults are the defaults.
enum ConfigSchema {
    struct Section: Sendable {
        var name: String
        var doc: String
        var fields: [Field<Settings>]
        var schema: TableSchema<Settings> {
            TableSchema(fields, known: "known in [\(name)]: " + fields.map(\.key).joined(separator: ", "),
                        shape: "a table [\(name)]")
        }
    }

    static let sections: [Section] = [
        Section(name: "classes", doc: "A/B/C classes by share of revenue (Pareto).", fields: classes),
        Section(name: "display", doc: "How numbers, dates and colours are shown.", fields: display),
        Section(name: "value", doc: "Customer value: what a customer will bring in the coming years (BG/NBD and Gamma-Gamma).",
                fields: value),
        Section(name: "calendar", doc: "The communication calendar.", fields: calendar),
        Section(name: "consent", doc: "Consent by law: business customers may be called on presumed consent (UWG § 7 (2) Nr. 1); "
                + "consumers' calls and every e-mail or newsletter need express consent. A refusal always blocks.",
                fields: consent),
        Section(name: "risk", doc: "Churn risk: the probability of no purchase in horizon_days, from a model fitted on your own history "
                + "(see `loyal backtest`). Bands and the early-warning panel.", fields: risk),
    ]

    /// Shared with `[reps.CODE]`, which overrides these per rep.
    static let stateKind = SettingKind.choice([""] + GermanHolidays.states)
    static let visitsKind = SettingKind.integer(0...50)
    static let callsKind = SettingKind.integer(0...200)

    static let classes: [Field<Settings>] = [
        .value("a_share", .number(0.01...1),
               doc: "Customers making the first share of revenue are A (0.80 = 80 %).",
               get: { format($0.classes.a) }, set: { $0.classes.a = $1.number }),
        .value("b_share", .number(0.01...1),
               doc: "Up to this cumulative share they are B; the rest are C (0.95 = the next 15 %).",
               get: { format($0.classes.b) }, set: { $0.classes.b = $1.number }),
        .value("window_months", .integer(1...120),
               doc: "Months of revenue the classes are computed over.",
               get: { String($0.classes.windowMonths) }, set: { $0.classes.windowMonths = $1.integer }),
    ]

    static let value: [Field<Settings>] = [
        .value("horizon_years", .integer(1...30),
               doc: "Years of future purchases the value counts (the articles speak of 10–20).",
               get: { String(Int($0.value.horizonYears)) }, set: { $0.value.horizonYears = Double($1.integer) }),
        .value("discount_rate", .number(0...0.5),
               doc: "Yearly discount rate: money next year is worth less than today (0.08 = 8 %).",
               get: { format($0.value.yearlyDiscountRate) }, set: { $0.value.yearlyDiscountRate = $1.number }),
        .value("use_margin", .choice(["yes", "no"]),
               doc: "Count contribution margin instead of revenue where purchases carry margins.",
               get: { $0.value.useMargin ? "\"yes\"" : "\"no\"" }, set: { $0.value.useMargin = $1.text == "yes" }),
    ]

    static let calendar: [Field<Settings>] = [
        .value("horizon_days", .integer(7...730),
               doc: "Days ahead the calendar is planned and kept (13 weeks covers this quarter's month views).",
               get: { String($0.calendarHorizonDays) }, set: { $0.calendarHorizonDays = $1.integer }),
        .value("state", stateKind,
               doc: "Federal state whose public holidays are no working days (\"\" = the nationwide ones only; "
                   + "BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH). A rep's own [reps.CODE] state overrides it.",
               get: { quote($0.workDays.state) }, set: { $0.workDays.state = $1.text }),
        .value("visits_per_day", visitsKind,
               doc: "Visits a rep can make on one working day (a rep's own [reps.CODE] visits_per_day overrides it).",
               get: { String($0.workDays.visitsPerDay) }, set: { $0.workDays.visitsPerDay = $1.integer }),
        .value("calls_per_day", callsKind,
               doc: "Calls a rep can make on one working day (a rep's own [reps.CODE] calls_per_day overrides it).",
               get: { String($0.workDays.callsPerDay) }, set: { $0.workDays.callsPerDay = $1.integer }),
    ]

    static let consent: [Field<Settings>] = [
        .value("b2b_calls", .choice(B2BCallConsent.allCases.map(\.rawValue)),
               doc: "Calls to business customers: \"presumed\" (no express consent needed) or \"express\".",
               get: { quote($0.contactPlan.b2bCalls.rawValue) },
               set: { $0.contactPlan.b2bCalls = B2BCallConsent(rawValue: $1.text) ?? .presumed }),
    ]

    static let display: [Field<Settings>] = [
        .value("theme", .text,
               doc: "Colour theme: a file NAME.toml in a themes directory (default, light, high-contrast, monochrome, …).",
               get: { quote($0.display.theme) }, set: { $0.display.theme = $1.text }),
        .value("currency", .text, doc: "Currency symbol shown with amounts.",
               get: { quote($0.display.money.currencySymbol) }, set: { $0.display.money.currencySymbol = $1.text }),
        .value("thousands_separator", .text, doc: "Grouping separator in amounts.",
               get: { quote($0.display.money.groupingSeparator) }, set: { $0.display.money.groupingSeparator = $1.text }),
        .value("decimal_separator", .text, doc: "Decimal separator in amounts.",
               get: { quote($0.display.money.decimalSeparator) }, set: { $0.display.money.decimalSeparator = $1.text }),
        .value("language", .choice(["", "de", "en"]),
               doc: "Language of screens and messages: \"de\", \"en\", or \"\" for the locale (LC_ALL, LC_MESSAGES, LANG; "
                   + "de… is German, anything else English). --lang overrides it.",
               get: { quote($0.display.language) }, set: { $0.display.language = $1.text }),
        .value("formats", .choice(["", "de", "en"]),
               doc: "Formats of days and amounts: \"de\" (31.12.2026, 1.234,56), \"en\" (2026-12-31, 1,234.56), or \"\" for "
                   + "the locale (LC_ALL, LC_TIME, LC_MONETARY, LC_NUMERIC; de… or en…), else those of the language.",
               get: { quote($0.display.formats) }, set: { $0.display.formats = $1.text }),
        .value("dates", .choice(DateStyle.allCases.map(\.rawValue)),
               doc: "Date style: \"de\" (31.12.2026) or \"iso\" (2026-12-31).",
               get: { quote($0.display.dateStyle.rawValue) },
               set: { $0.display.dateStyle = DateStyle(rawValue: $1.text) ?? .german }),
    ]

    static let risk: [Field<Settings>] = [
        .value("horizon_days", .integer(14...1830),
               doc: "The risk is the probability that a customer makes no purchase in this many days.",
               get: { String($0.retention.risk.horizonDays) }, set: { $0.retention.risk.horizonDays = $1.integer }),
        .value("red_from", .integer(1...100),
               doc: "Risks (percent) from here up are red: more likely gone than not, by a clear margin.",
               get: { String($0.retention.risk.redFrom) }, set: { $0.retention.risk.redFrom = $1.integer }),
        .value("amber_from", .integer(0...100),
               doc: "From here up amber, below green: a real chance of losing the customer.",
               get: { String($0.retention.risk.amberFrom) }, set: { $0.retention.risk.amberFrom = $1.integer }),
        .value("panel_threshold", .number(0...1),
               doc: "The early-warning panel holds active customers with a risk (0-1) of at least this…",
               get: { ConfigWriter.number($0.retention.risk.panelThreshold) },
               set: { $0.retention.risk.panelThreshold = $1.number }),
        .value("panel_max_share", .number(0...1),
               doc: "…and at most this share of the active customers, those with the most to lose.",
               get: { ConfigWriter.number($0.retention.risk.panelMaxShare) },
               set: { $0.retention.risk.panelMaxShare = $1.number }),
        .value("sentiment_weight", .number(0...100),
               doc: "Prior weight of the rep's judgement (1-5) on the latest visit, like a signal's weight: "
                   + "1/5 adds weight/25 to the log-odds, 5/5 takes it off; the fit on your history corrects it.",
               get: { ConfigWriter.number($0.retention.risk.sentimentWeight) },
               set: { $0.retention.risk.sentimentWeight = $1.number }),
        .value("sentiment_days", .integer(1...3650),
               doc: "Judgements older than this many days are ignored: the relationship may have changed.",
               get: { String($0.retention.risk.sentimentDays) }, set: { $0.retention.risk.sentimentDays = $1.integer }),
    ]

    static func format(_ d: Double) -> String {
        let s = String(d)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) + ".0" : s
    }

    static func quote(_ s: String) -> String { TOMLText.quote(s) }
}
