import LoyalCore
import LoyalStore

/// `loyal report risk`: the early-warning panel, each customer with the risk explained and his signals.
enum RiskFields {
    struct Line: Sendable {
        let row: PanelRow
        let signals: [ChurnSignal]
        let assessment: RiskAssessment?
    }

    /// "overdue +12; rep judgement 2/5 +5": the factors as one cell.
    static func factorsText(_ a: RiskAssessment?) -> String {
        (a?.factors ?? []).map { f in
            let name = f.judgement.map { "\(f.name) \($0)/5" } ?? SignalWords.name(f.name)
            return "\(name) \(f.points < 0 ? "−" : "+")\(abs(f.points))"
        }.joined(separator: "; ")
    }

    static let signal: [OutputField<ChurnSignal>] = [
        .text("kind", nil, "the signal's kind as configured (`overdue`, `churn_risk` …)") { $0.kind },
        .text("name", Heading.signal, "the kind in words") { SignalWords.name($0.kind) },
        .text("evidence", Heading.evidence, "what was found") { $0.evidence },
        .day("since", nil, "day the signal opened") { $0.openedOn },
    ]

    static let output = OutputTable<Line>("risk", command: "loyal report risk", fields: [
        .text("number", Heading.number, "customer number") { $0.row.number },
        .text("name", Heading.name, "company name") { $0.row.name },
        .text("class", Heading.classShort, "A, B or C") { $0.row.customerClass.rawValue },
        .money("value", Heading.value, "customer value, or `null`") { $0.row.value },
        OutputField("risk", .probability, Heading.risk, "churn risk, as `accounts` gives it (the table adds the band)",
                    cell: { l, _ in "\(l.row.risk) % \(l.row.band.rawValue)" }, rightAligned: false) {
            .probability($0.row.probability)
        },
        .text("band", nil, "the risk's band: " + RiskBand.allCases.map(\.rawValue).joined(separator: ", ")) { $0.row.band.rawValue },
        .probability("base", nil, "the typical customer's risk, or `null`") { $0.assessment?.base },
        OutputField("factors", .list, nil, "what raises or lowers the risk against the typical customer: each with `name`, "
                    + "`judgement` (the rep's 1–5, or `null`) and `points`; CSV as text (\"overdue +12; …\")") { l in
            .list((l.assessment?.factors ?? []).map { f in
                [("name", .text(f.name)), ("judgement", .integer(f.judgement)), ("points", .integer(f.points))]
            }, text: factorsText(l.assessment))
        },
        .text("stage", Heading.stage, "where triage stands, or `null` (the table: in words)",
              cell: { l, _ in l.row.stage?.label ?? "" }) { $0.row.stage?.rawValue },
        .text("rep", Heading.rep, "the customer's rep code, or `null`") { $0.row.repCode },
        .text("assigned", nil, "the rep the case is assigned to, or `null`") { $0.row.assignedRepCode },
    ], nested: NestedFields("signals", csvPrefix: "signal_", fields: signal, items: { $0.signals }, lead: { l, _ in
        ["why", l.assessment.map { "typical \(Int(($0.base * 100).rounded())) %; " + factorsText($0) } ?? ""]
    }))
}
