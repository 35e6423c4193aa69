import LoyalCore
import LoyalTOML

/// `[[signals]]`: one block per early-warning rule — kind, form, weight and the form's
/// parameters, every one required so a rule in the file says all it does.
enum SignalConfig {
    struct Param: Sendable { var key: String; var kind: SettingKind; var doc: String }

    /// A form's parameters in file order, how to build the form from their values and back.
    struct Form: Sendable {
        var name: SignalFormName
        var params: [Param]
        var make: @Sendable ([SettingValue]) -> SignalForm
        var values: @Sendable (SignalForm) -> [SettingValue]
    }

    static let days = Param(key: "days", kind: .integer(1...3650), doc: "window in days up to today")
    static let atLeast = Param(key: "at_least", kind: .integer(1...1000), doc: "fires from this many on")

    static let forms: [Form] = [
        Form(name: .revenueChange, params: [
            Param(key: "threshold", kind: .number(-1...1), doc: "fires at a change of this share or less (-0.3 = down 30 %)"),
            Param(key: "min_previous", kind: .amount, doc: "least revenue in the 12 months before"),
        ], make: { .revenueChange(threshold: $0[0].number, minPrevious: $0[1].money) },
           values: { if case let .revenueChange(t, m) = $0 { return [.number(t), .money(m)] }; return [] }),
        Form(name: .overdueRhythm, params: [
            Param(key: "factor", kind: .number(1...100), doc: "fires after this many times the median gap between purchases"),
            Param(key: "min_purchases", kind: .integer(2...1000), doc: "purchase days needed to know a rhythm"),
            Param(key: "min_days", kind: .integer(0...3650), doc: "days without purchase at the least"),
        ], make: { .overdueRhythm(factor: $0[0].number, minPurchases: $0[1].integer, minDays: $0[2].integer) },
           values: { if case let .overdueRhythm(f, p, d) = $0 { return [.number(f), .integer(p), .integer(d)] }; return [] }),
        Form(name: .pAlive, params: [
            Param(key: "below", kind: .number(0...1), doc: "fires when the value model's P(alive) is below this"),
        ], make: { .pAlive(below: $0[0].number) },
           values: { if case let .pAlive(b) = $0 { return [.number(b)] }; return [] }),
        Form(name: .openComplaints, params: [
            atLeast, Param(key: "min_age_days", kind: .integer(0...3650), doc: "counts complaints open at least this many days"),
        ], make: { .openComplaints(atLeast: $0[0].integer, minAgeDays: $0[1].integer) },
           values: { if case let .openComplaints(n, a) = $0 { return [.integer(n), .integer(a)] }; return [] }),
        Form(name: .complaintsInPeriod, params: [atLeast, days],
             make: { .complaintsInPeriod(atLeast: $0[0].integer, days: $0[1].integer) },
             values: { if case let .complaintsInPeriod(n, d) = $0 { return [.integer(n), .integer(d)] }; return [] }),
        Form(name: .feedbackScore, params: [
            Param(key: "metric", kind: .choice(FeedbackMetric.allCases.map(\.rawValue)),
                  doc: "nps (0-10), csat (1-5), ces (1-7, high = hard), sentiment (rep judgement 1-5)"),
            Param(key: "comparison", kind: .choice(Comparison.allCases.map(\.rawValue)), doc: "\"<=\" or \">=\""),
            Param(key: "value", kind: .number(0...10), doc: "the average of the answers is compared with this"),
            days,
            Param(key: "min_answers", kind: .integer(1...1000), doc: "answers needed in the window"),
        ], make: {
            .feedbackScore(metric: FeedbackMetric(rawValue: $0[0].text) ?? .nps,
                           comparison: Comparison(rawValue: $0[1].text) ?? .atMost,
                           value: $0[2].number, days: $0[3].integer, minAnswers: $0[4].integer)
        }, values: {
            if case let .feedbackScore(m, c, v, d, n) = $0 {
                return [.text(m.rawValue), .text(c.rawValue), .number(v), .integer(d), .integer(n)]
            }
            return []
        }),
        Form(name: .discountTrend, params: [
            Param(key: "recent_months", kind: .integer(1...24), doc: "months compared"),
            Param(key: "previous_months", kind: .integer(1...24), doc: "months before them compared with"),
            Param(key: "points", kind: .number(0...100), doc: "rise of the discount rate in percentage points"),
        ], make: { .discountTrend(recentMonths: $0[0].integer, previousMonths: $0[1].integer, points: $0[2].number) },
           values: { if case let .discountTrend(r, p, x) = $0 { return [.integer(r), .integer(p), .number(x)] }; return [] }),
        Form(name: .pricePressureMentions, params: [atLeast, days],
             make: { .pricePressureMentions(atLeast: $0[0].integer, days: $0[1].integer) },
             values: { if case let .pricePressureMentions(n, d) = $0 { return [.integer(n), .integer(d)] }; return [] }),
        Form(name: .contactLeft, params: [days], make: { .contactLeft(days: $0[0].integer) },
             values: { if case let .contactLeft(d) = $0 { return [.integer(d)] }; return [] }),
        Form(name: .addressChanged, params: [days], make: { .addressChanged(days: $0[0].integer) },
             values: { if case let .addressChanged(d) = $0 { return [.integer(d)] }; return [] }),
        Form(name: .competitorNamed, params: [days], make: { .competitorNamed(days: $0[0].integer) },
             values: { if case let .competitorNamed(d) = $0 { return [.integer(d)] }; return [] }),
        Form(name: .cancellation, params: [days], make: { .cancellation(days: $0[0].integer) },
             values: { if case let .cancellation(d) = $0 { return [.integer(d)] }; return [] }),
        Form(name: .singleCategory, params: [
            Param(key: "years", kind: .integer(1...100), doc: "years as a customer with one product category only"),
        ], make: { .singleCategory(years: $0[0].integer) },
           values: { if case let .singleCategory(y) = $0 { return [.integer(y)] }; return [] }),
    ]

    static func form(_ name: SignalFormName) -> Form { forms.first { $0.name == name }! }

    /// The rules in `signals`, which must be an array of tables.
    static func parse(_ node: TOMLNode) throws(ConfigError) -> [SignalRule] {
        let shape = "[[signals]] blocks (an array of tables)"
        let blocks = try node.elements(shape)
        guard blocks.allSatisfy(\.isTable) else { throw node.expected(shape) }
        var rules: [SignalRule] = []
        for block in blocks { rules.append(try rule(block, before: rules)) }
        return rules
    }

    static func rule(_ node: TOMLNode, before: [SignalRule]) throws(ConfigError) -> SignalRule {
        let names = SignalFormName.configurable.map(\.rawValue)
        let formText = try node.required("form", "one of " + names.joined(separator: ", ")).choice(names)
        let spec = form(SignalFormName(rawValue: formText)!)
        let every = "every rule needs kind, form and weight"
        let needs = "form \"\(formText)\" needs " + spec.params.map(\.key).joined(separator: ", ")
        let fields: [Field<Record>] = [
            .nested("kind", required: every) { (node, r) throws(TOMLError) in
                let kind = try node.read(.name).text
                guard kind.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                    throw node.error("expected a name of lowercase letters, digits and _, found \(TOMLText.quote(kind))")
                }
                if let other = before.firstIndex(where: { $0.kind == kind }) {
                    throw node.error("\(TOMLText.quote(kind)) is already the kind of signals[\(other + 1)]")
                }
                r["kind"] = .text(kind)
            },
            .recorded("form", .choice(names), required: every),
            .recorded("weight", .number(0...100), required: every),
        ] + spec.params.map { .recorded($0.key, $0.kind, required: needs) }
        let schema = TableSchema(fields, known: "form \"\(formText)\" takes: " + fields.map(\.key).joined(separator: ", "),
                                 shape: "a [[signals]] block")
        let r = try schema.read(node, from: [:])
        return SignalRule(kind: r["kind"]!.text, form: spec.make(spec.params.map { r[$0.key]! }), weight: r["weight"]!.number)
    }

    /// The `[[signals]]` blocks for `rules`, each after its reason when `notes` has one.
    static func write(_ rules: [SignalRule], notes: [String: String]) -> String {
        var out = ""
        for rule in rules {
            let spec = form(rule.form.name)
            out += "\n[[signals]]\n"
            if let note = notes[rule.kind] { out += RetentionConfig.comment(note) }
            out += "kind = \(ConfigSchema.quote(rule.kind))\nform = \(ConfigSchema.quote(spec.name.rawValue))\n"
            out += "weight = \(ConfigWriter.number(rule.weight))\n"
            for (p, v) in zip(spec.params, spec.values(rule.form)) { out += "\(p.key) = \(v.toml)\n" }
        }
        return out
    }

    /// One comment line per form: its parameters and what they mean.
    static var formsHelp: String {
        forms.map { f in
            let width = f.params.map(\.key.count).max() ?? 0
            return "#   \(f.name.rawValue)\n" + f.params.map { p in
                "#     \(p.key)\(String(repeating: " ", count: width - p.key.count))  \(p.doc)\n"
            }.joined()
        }.joined()
    }
}
