import Foundation
import LoyalCore
import LoyalStore

/// `loyal report value`: each customer's forecast (JSON `customers`, the CSV's lines, the table).
enum ValueFields {
    struct Line: Sendable {
        let number: String
        let customerClass: String
        let score: CustomerValueScore
    }

    /// A model figure: `digits` decimals for machines (`null` when not finite), `shown` in the table.
    static func decimal(_ key: String, _ header: String, digits: Int, shown: Int, _ meaning: String,
                        _ get: @escaping @Sendable (CustomerValueScore) -> Double) -> OutputField<Line> {
        OutputField(key, .decimal, header, meaning, cell: { l, _ in text(get(l.score), shown) ?? "–" }) {
            .number(text(get($0.score), digits))
        }
    }

    static func text(_ x: Double, _ digits: Int) -> String? { x.isFinite ? String(format: "%.\(digits)f", x) : nil }

    static let output = OutputTable<Line>("value", command: "loyal report value", fields: [
        .text("number", Heading.number, "customer number") { $0.number },
        .integer("frequency", Heading.x, "repeat purchases (purchase days after the first) up to `--as-of`") { $0.score.frequency },
        decimal("recency", Heading.recency, digits: 4, shown: 1, "time from the first to the last purchase, in the time unit") {
            $0.recency
        },
        decimal("T", Heading.t, digits: 4, shown: 1, "time from the first purchase to `--as-of`, in the time unit") { $0.age },
        decimal("expected_purchases", Heading.expected, digits: 6, shown: 2, "purchases expected in the next `--predict` time units") {
            $0.expectedPurchases
        },
        decimal("p_alive", Heading.pAlive, digits: 6, shown: 3, "probability the customer is still active") { $0.probabilityAlive },
        OutputField("expected_spend", .decimal, Heading.spend, "expected spend per purchase (Gamma-Gamma; the customer's own "
                    + "mean when there is no model)", cell: { l, d in
            d.money.format(Money(cents: Int64((l.score.expectedSpend * 100).rounded())), withCents: true)
        }) { .number(text($0.score.expectedSpend, 2)) },
        .money("value", Heading.value, "customer value: expected revenue (or margin, `use_margin`) over `[value] horizon_years`, "
               + "discounted by `discount_rate` a year") { Money(cents: $0.score.valueCents) },
        .text("class", Heading.classShort, "A/B/C class as stored (with a manual override)") { $0.customerClass },
    ], tableOrder: ["number", "class", "frequency", "recency", "T", "expected_purchases", "p_alive", "expected_spend", "value"])
}
