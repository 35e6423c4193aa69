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

/// `loyal report lost`: lost customers and returnees.
enum LostFields {
    static func side(_ r: LostRow) -> String? {
        r.reason.map { $0.isCompanyRelated ? "company" : "customer" }
    }

    static let output = OutputTable<LostRow>("lost", command: "loyal report lost", fields: [
        .text("number", Heading.number, "customer number") { $0.number },
        .text("name", Heading.name, "company name") { $0.name },
        .text("class", Heading.classShort, "A, B or C") { $0.customerClass.rawValue },
        .day("lost_on", Heading.lostOn, "day marked lost, or `null`") { $0.lostOn },
        .text("reason", Heading.reason, "why he left: " + LostReason.allCases.map(\.rawValue).joined(separator: ", ") + ", or `null`",
              cell: { r, _ in (r.reason?.label ?? "") + (side(r).map { " (\($0))" } ?? "") }) { $0.reason?.rawValue },
        .text("reason_side", nil, "`company` (a reason the company caused) or `customer`, or `null`") { side($0) },
        .day("returned_on", nil, "day he bought again, or `null`") { $0.returnedOn },
        .money("revenue_brought", Heading.revenueBrought, "net revenue of his last 12 active months") { $0.revenueBrought },
        .text("winback_class", Heading.status, "the win-back case's class A–D, or `null` (the table: returned or the case)",
              cell: { r, d in
                  r.returnedOn.map { "returned \(d.dateStyle.format($0))" }
                      ?? (r.winback.map { "win-back \($0.scoreClass) · \($0.outcome.rawValue)" } ?? "")
              }) { $0.winback?.scoreClass },
        .integer("winback_score", nil, "the case's points, or `null`") { $0.winback?.score },
        .text("winback_outcome", nil, "the case's outcome, or `null`") { $0.winback?.outcome.rawValue },
        .text("rep", nil, "rep code, or `null`") { $0.repCode },
    ])
}
