import Foundation
import GRDB
import LoyalCore

/// What a value refresh did: the fitted models and how long it took.
public struct ValueRefreshSummary: Sendable {
    public var customers = 0
    public var withPurchases = 0
    public var purchaseDays = 0
    public var report: CustomerValueReport?
    public var seconds: (load: Double, fit: Double, write: Double) = (0, 0, 0)
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
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT customer_id, day, sum(amount_cents) FROM purchase WHERE day <= ?
                GROUP BY customer_id, day ORDER BY customer_id, day
                """, arguments: [asOf.iso])
            while let r = try cursor.next() {
                rows += 1
                guard let day = Day(iso: r[1] as String) else { continue }
                if let done = stream.add(customer: r[0], day: day.number, cents: r[2]) {
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
        let t0 = Date()
        let input = try valueInput(asOf: asOf, unitDays: 1, useMargin: settings.value.useMargin)
        summary.withPurchases = input.ids.count
        summary.purchaseDays = input.purchaseRows
        let t1 = Date()
        let valueSettings = CustomerValueSettings(unitDays: 1, predictionHorizon: 365,
                                                  yearlyDiscountRate: settings.value.yearlyDiscountRate,
                                                  valueHorizonYears: settings.value.horizonYears,
                                                  periodsPerYear: settings.value.periodsPerYear)
        let report = input.summaries.isEmpty ? nil
            : try? CustomerValueReport.fitAndScore(input.summaries, settings: valueSettings, marginRatios: input.marginRatios)
        summary.report = report
        let rfm = RFMScore.quintiles(zip(input.ids, input.summaries).map { id, s in
            RFMInput(id: id, lastPurchaseDay: s.lastPurchaseDay, frequency: s.purchaseDays, monetaryCents: s.totalCents)
        })
        let t2 = Date()
        try pool.write { db in
            let update = try db.makeStatement(sql: """
                UPDATE customer_stats SET value_cents = ?, value_as_of = ?, p_alive = ?, expected_purchases = ?, rfm = ?
                WHERE customer_id = ?
                """)
            // Customers without purchases have nothing to forecast from: value 0, no P(alive).
            try db.execute(sql: """
                UPDATE customer_stats SET value_cents = 0, value_as_of = ?, p_alive = NULL, expected_purchases = NULL, rfm = NULL
                """, arguments: [report == nil ? nil : asOf.iso])
            let codes = Dictionary(rfm.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            for (i, id) in input.ids.enumerated() {
                if let report {
                    let s = report.scores[i]
                    update.setUncheckedArguments([s.valueCents, asOf.iso, s.probabilityAlive, s.expectedPurchases, codes[id], id])
                } else {
                    update.setUncheckedArguments([0, nil as String?, nil as Double?, nil as Double?, codes[id], id])
                }
                try update.execute()
            }
            if let report { try Store.setMeta(db, "value_model", ValueModelText.describe(report)) }
            try Store.setMeta(db, "value_as_of", asOf.iso)
            summary.customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_stats") ?? 0
        }
        let t3 = Date()
        summary.seconds = (t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), t3.timeIntervalSince(t2))
        return summary
    }

    /// The fitted model of the last refresh, in words.
    public func valueModel() throws -> String? { try meta("value_model") }
}

enum ValueModelText {
    static func describe(_ r: CustomerValueReport) -> String {
        let p = r.bgnbd.parameters
        var text = String(format: "BG/NBD r %.4f, alpha %.4f days, a %.4f, b %.4f (LL %.1f, %d customers)",
                          p.r, p.alpha, p.a, p.b, r.bgnbd.logLikelihood, r.bgnbd.customerCount)
        if let g = r.gammaGamma {
            text += String(format: "; Gamma-Gamma p %.3f, q %.3f, gamma %.3f", g.parameters.p, g.parameters.q, g.parameters.gamma)
        }
        return text
    }
}
