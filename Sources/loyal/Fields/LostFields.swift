import LoyalCore
import LoyalStore

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
