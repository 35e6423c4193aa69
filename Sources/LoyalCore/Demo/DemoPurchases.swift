/// Order lines of a demo customer: mostly from a favourite category, list prices,
/// a discount that grows for price-sensitive customers, margin after discount.
enum DemoPurchases {
    static func make(customerID: Int64, profile: DemoProfile, days: [Day], catalog: [DemoCatalog.Item],
                     nextID: inout Int64, rng: inout SeededRandom) -> [Purchase] {
        guard let first = days.first, let last = days.last else { return [] }
        let byCategory = Dictionary(grouping: catalog.indices, by: { catalog[$0].categoryIndex })
        let customerMean = max(15, rng.gamma(shape: 3, scale: profile.meanSpend / 3))
        var out: [Purchase] = []
        out.reserveCapacity(days.count)
        for (n, day) in days.enumerated() {
            let category = profile.singleCategory || rng.chance(0.7)
                ? profile.favouriteCategory : rng.int(0...(DemoCatalog.categories.count - 1))
            let item = catalog[rng.pick(byCategory[category]!)]
            let target = rng.gamma(shape: 4, scale: customerMean / 4)
            let price = Double(item.product.price.cents) / 100
            let quantity = max(1, Int((target / price).rounded()))
            // Price-sensitive customers push the discount up over time.
            let progress = last == first ? 0 : Double(day - first) / Double(last - first)
            let discountRate = min(0.25, profile.baseDiscount + (profile.priceSensitive ? 0.12 * progress : 0)
                                        + 0.01 * rng.unit())
            let gross = Int64(quantity) * item.product.price.cents
            let amount = Int64((Double(gross) * (1 - discountRate)).rounded())
            let cost = Int64((Double(gross) * (1 - item.marginShare)).rounded())
            nextID += 1
            out.append(Purchase(id: nextID, customerID: customerID, day: day, amount: Money(cents: amount),
                                margin: Money(cents: amount - cost), discount: Money(cents: gross - amount),
                                productID: item.product.id, quantity: quantity,
                                reference: "R\(customerID)-\(n + 1)"))
        }
        return out
    }
}
