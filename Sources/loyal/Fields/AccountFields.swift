import LoyalCore
import LoyalStore

/// `loyal accounts`: the accounts list as the UI shows it.
enum AccountFields {
    static let output = OutputTable<AccountRow>("accounts", command: "loyal accounts", fields: [
        .text("number", Heading.number, "customer number") { $0.number },
        .text("name", Heading.name, "company name") { $0.name },
        .text("city", Heading.city, "city") { $0.city },
        .text("class", Heading.classShort, "effective A/B/C class (override, else computed; the table marks an override `*`)",
              cell: { r, _ in r.customerClass.rawValue + (r.classOverridden ? "*" : "") }) { $0.customerClass.rawValue },
        .boolean("class_overridden", nil, "true when a manual class is set") { $0.classOverridden },
        .money("value", Heading.value, "customer value: discounted expected revenue (margin where purchases carry margins) "
               + "of the coming years, `null` until computed") { $0.value },
        .probability("p_alive", nil, "probability the customer is still active (BG/NBD), `null` without purchases") { $0.pAlive },
        .money("potential", nil, "yearly potential a rep set in the soft facts, or `null`") { $0.potential },
        .money("revenue_12m", Heading.revenue12m, "revenue of the last 12 months (the table adds the trend's arrow)",
               cell: { r, d in d.money.format(r.revenue12m, withCents: false) + " " + r.trend.mark }) { $0.revenue12m },
        .money("revenue_previous_12m", nil, "revenue of the 12 months before") { $0.revenuePrevious12m },
        .text("trend", nil, "`up`, `down`, `flat` (±10 %), `new` (nothing before), `none`") { $0.trend.rawValue },
        .day("last_purchase", Heading.lastBuy, "day of the last purchase or `null`") { $0.lastPurchase },
        .probability("risk", Heading.risk, "churn risk: the probability of no purchase in the horizon") { $0.risk },
        .text("rep", Heading.rep, "rep code or `null`") { $0.repCode },
        .text("status", nil, "`active` or `lost`") { $0.status.rawValue },
        .boolean("returnee", nil, "true when the customer came back after being lost") { $0.isReturnee },
    ])
}
