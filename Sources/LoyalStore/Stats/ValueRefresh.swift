import GRDB
import LoyalCore

/// What a value refresh did: the fitted models.
public struct ValueRefreshSummary: Sendable {
    public var withPurchases = 0
    public var report: CustomerValueReport?
}

/// Per-customer purchase summaries as of a day, streamed from the covering index.
public struct ValueInput: Sendable {
    public var ids: [Int64]
    public var summaries: [PurchaseHistorySummary]
    public var marginRatios: [Double?]
    public var purchaseRows: Int
}

extension Store {
    /// Summaries of every customer's purchases up to `asOf` (several on one day are one purchase).
    public func valueInput(asOf: Day, unitDays: Int, useMargin: Bool) throws -> ValueInput {
        try pool.read { db in
            var stream = PurchaseHistoryStream<Int64>(asOfDay: asOf.number, unitDays: unitDays)
            var ids: [Int64] = [], summaries: [PurchaseHistorySummary] = []
            var rows = 0
            // Straight down the covering index, no GROUP BY: the stream adds up a day's
            // purchases itself, and a day's text is parsed once per customer and day.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT customer_id, day, amount_cents FROM purchase WHERE day <= ? ORDER BY customer_id, day
                """, arguments: [asOf.iso])
            var lastCustomer: Int64 = -1, lastText = "", lastDay: Day?
            while let r = try cursor.next() {
                let customer: Int64 = r[0], text: String = r[1]
                if customer != lastCustomer || text != lastText {
                    rows += 1
                    lastCustomer = customer; lastText = text; lastDay = Day(iso: text)
                }
                guard let day = lastDay else { continue }
                if let done = stream.add(customer: customer, day: day.number, cents: r[2]) {
                    ids.append(done.customer); summaries.append(done.summary)
                }
            }
            if let done = stream.finish() { ids.append(done.customer); summaries.append(done.summary) }
            var ratios = [Double?](repeating: nil, count: ids.count)
            if useMargin {
                var margin: [Int64: Double] = [:]
                let m = try Row.fetchCursor(db, sql: """
                    SELECT customer_id, sum(margin_cents), sum(amount_cents) FROM purchase
                    WHERE margin_cents IS NOT NULL AND day <= ? GROUP BY customer_id
                    """, arguments: [asOf.iso])
                while let r = try m.next() {
                    let amount: Int64 = r[2]
                    if amount > 0 { margin[r[0]] = max(0, Double(r[1] as Int64) / Double(amount)) }
                }
                ratios = ids.map { margin[$0] }
            }
            return ValueInput(ids: ids, summaries: summaries, marginRatios: ratios, purchaseRows: rows)
        }
    }

    /// Fits BG/NBD and Gamma-Gamma on all customers as of a day and stores each
    /// customer's value, P(alive), expected purchases in the next year and RFM.
    @discardableResult
    public func refreshValues(asOf: Day, settings: Settings) throws -> ValueRefreshSummary {
        var summary = ValueRefreshSummary()
        let input = try valueInput(asOf: asOf, unitDays: 1, useMargin: settings.value.useMargin)
        summary.withPurchases = input.ids.count
        let valueSettings = CustomerValueSettings(settings.value, unitDays: 1, predictionHorizon: 365)
        let report = input.summaries.isEmpty ? nil
            : try? CustomerValueReport.fitAndScore(input.summaries, settings: valueSettings, marginRatios: input.marginRatios)
        summary.report = report
        let rfm = RFMScore.quintiles(zip(input.ids, input.summaries).map { id, s in
            RFMInput(id: id, lastPurchaseDay: s.lastPurchaseDay, frequency: s.purchaseDays, monetaryCents: s.totalCents)
        })
        try pool.write { db in
            // Only rows whose figures changed are written (two indexes hold the value).
            struct Figures: Equatable {
                var value: Int64, asOf: String?, pAlive: Double?, expected: Double?, rfm: String?
                var noPurchase: Double?, purchaseDays: Int
            }
            var stored: [Int64: Figures] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT customer_id, value_cents, value_as_of, p_alive, expected_purchases, rfm, p_no_purchase, purchase_days
                FROM customer_stats
                """)
            while let r = try rows.next() {
                stored[r[0]] = Figures(value: r[1], asOf: r[2], pAlive: r[3], expected: r[4], rfm: r[5],
                                       noPurchase: r[6], purchaseDays: r[7])
            }
            let update = try db.makeStatement(sql: """
                UPDATE customer_stats SET value_cents = ?, value_as_of = ?, p_alive = ?, expected_purchases = ?, rfm = ?,
                                          p_no_purchase = ?, purchase_days = ?
                WHERE customer_id = ?
                """)
            func write(_ id: Int64, _ f: Figures) throws {
                guard let old = stored[id], old != f else { return }
                update.setUncheckedArguments([f.value, f.asOf, f.pAlive, f.expected, f.rfm, f.noPurchase, f.purchaseDays, id])
                try update.execute()
            }
            let codes = Dictionary(rfm.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            var scored = Set<Int64>()
            let horizon = Double(settings.retention.risk.horizonDays)
            for (i, id) in input.ids.enumerated() {
                scored.insert(id)
                let days = input.summaries[i].purchaseDays
                if let report {
                    let s = report.scores[i]
                    let silent = report.bgnbd.parameters.probabilityOfNoPurchase(
                        in: horizon, given: BGNBDObservation(frequency: s.frequency, recency: s.recency, age: s.age))
                    try write(id, Figures(value: s.valueCents, asOf: asOf.iso, pAlive: s.probabilityAlive,
                                          expected: s.expectedPurchases, rfm: codes[id], noPurchase: silent,
                                          purchaseDays: days))
                } else {
                    try write(id, Figures(value: 0, asOf: nil, pAlive: nil, expected: nil, rfm: codes[id], noPurchase: nil,
                                          purchaseDays: days))
                }
            }
            // Customers without purchases have nothing to forecast from: value 0, no P(alive).
            for id in stored.keys where !scored.contains(id) {
                try write(id, Figures(value: 0, asOf: report == nil ? nil : asOf.iso, pAlive: nil, expected: nil, rfm: nil,
                                  noPurchase: nil, purchaseDays: 0))
            }
            try Store.setMeta(db, "value_as_of", asOf.iso)
        }
        return summary
    }
}

