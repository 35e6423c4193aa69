import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The value step reads purchases in two halves on two connections, fits both
/// models side by side and tabulates the forecasts per x. What it stores must be
/// what the plain computation gives: purchases read with one query and summed per
/// customer, the models fitted one after the other, every customer scored one by
/// one with a ₂F₁ per month (`scoresOneByOne`).
final class ValueRefreshReferenceTests: StoreTestCase {
    func testStoredValuesEqualThePlainComputation() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 11, customers: 300, years: 3, asOf: today))
        try store.pool.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id LIMIT 3")
            // Two purchases on one day, one after the refresh day, purchases without a margin,
            // and a customer who never bought.
            try db.execute(sql: """
                INSERT INTO purchase (customer_id, day, amount_cents, margin_cents, reference) VALUES
                    (?1, ?2, 12345, 2000, 'T-1'), (?1, ?2, 500, NULL, 'T-2'), (?1, ?3, 99999, 5000, 'T-3'),
                    (?4, ?2, 7000, NULL, 'T-4')
                """, arguments: [ids[0], today.adding(days: -3).iso, today.adding(days: 2).iso, ids[1]])
            try db.execute(sql: "DELETE FROM purchase WHERE customer_id = ?", arguments: [ids[2]])
        }
        let settings = Settings()
        try store.refreshAll(asOf: today, settings: settings)

        let expected = try plainFigures(store, settings: settings)
        let stored = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT customer_id, value_cents, value_as_of, p_alive, expected_purchases, rfm, p_no_purchase, purchase_days
                FROM customer_stats ORDER BY customer_id
                """)
        }
        XCTAssertEqual(stored.count, 300)
        XCTAssertEqual(expected.count, 299)
        for row in stored {
            let id: Int64 = row[0]
            guard let want = expected[id] else {
                XCTAssertEqual(row[1] as Int64, 0)
                XCTAssertEqual(row[2] as String?, today.iso)
                XCTAssertNil(row[3] as Double?)
                XCTAssertNil(row[5] as String?)
                XCTAssertEqual(row[7] as Int, 0)
                continue
            }
            XCTAssertEqual(row[1] as Int64, want.score.valueCents, "customer \(id)")
            XCTAssertEqual(row[2] as String?, today.iso)
            XCTAssertEqual(row[3] as Double?, want.score.probabilityAlive, "customer \(id)")
            let expectedPurchases = try XCTUnwrap(row[4] as Double?)
            XCTAssertEqual(expectedPurchases, want.score.expectedPurchases, accuracy: 1e-10 * want.score.expectedPurchases)
            XCTAssertEqual(row[5] as String?, want.rfm, "customer \(id)")
            XCTAssertEqual(row[6] as Double?, want.noPurchase, "customer \(id)")
            XCTAssertEqual(row[7] as Int, want.purchaseDays, "customer \(id)")
        }
    }

    private struct Plain {
        var score: CustomerValueScore
        var rfm: String
        var noPurchase: Double
        var purchaseDays: Int
    }

    /// Every customer's figures computed the plain way.
    private func plainFigures(_ store: Store, settings: Settings) throws -> [Int64: Plain] {
        var purchases: [Int64: [(day: Int, cents: Int64)]] = [:]
        var margins: [Int64: (margin: Int64, amount: Int64)] = [:]
        try store.pool.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT customer_id, day, amount_cents, margin_cents FROM purchase") {
                let id: Int64 = row[0], day = try XCTUnwrap(Day(iso: row[1] as String)), cents: Int64 = row[2]
                guard day <= today else { continue }
                purchases[id, default: []].append((day.number, cents))
                if let margin = row[3] as Int64? {
                    margins[id, default: (0, 0)].margin += margin
                    margins[id, default: (0, 0)].amount += cents
                }
            }
        }
        let ids = purchases.keys.sorted()
        let summaries = try ids.map { try XCTUnwrap(PurchaseHistorySummary.summarize(purchases[$0]!, asOfDay: today.number)) }
        let ratios = ids.map { id in margins[id].flatMap { $0.amount > 0 ? max(0, Double($0.margin) / Double($0.amount)) : nil } }
        let observations = summaries.map(\.observation)
        let bgnbd = try BGNBDParameters.fit(observations).parameters
        let gammaGamma = try GammaGammaParameters.fit(summaries.map {
            GammaGammaObservation(frequency: $0.frequency, meanSpend: $0.meanRepeatSpend)
        })
        let scores = CustomerValueReport.scoresOneByOne(
            summaries, bgnbd: bgnbd, gammaGamma: gammaGamma,
            settings: CustomerValueSettings(settings.value, unitDays: 1, predictionHorizon: 365), marginRatios: ratios)
        let rfm = RFMScore.quintiles(zip(ids, summaries).map { id, s in
            RFMInput(id: id, lastPurchaseDay: s.lastPurchaseDay, frequency: s.purchaseDays, monetaryCents: s.totalCents)
        })
        let horizon = Double(settings.retention.risk.horizonDays)
        var result: [Int64: Plain] = [:]
        for (i, id) in ids.enumerated() {
            result[id] = Plain(score: scores[i], rfm: rfm[i].code,
                               noPurchase: bgnbd.probabilityOfNoPurchase(in: horizon, given: observations[i]),
                               purchaseDays: summaries[i].purchaseDays)
        }
        return result
    }
}
