import Foundation
import GRDB
import LoyalCore

/// What a value refresh did: the fitted models.
public struct ValueRefreshSummary: Sendable {
    public var withPurchases = 0
    public var report: CustomerValueReport?
}

/// Per-customer purchase summaries as of a day, in customer id order.
public struct ValueInput: Sendable {
    public var ids: [Int64]
    public var summaries: [PurchaseHistorySummary]
    public var marginRatios: [Double?]
    public var purchaseRows: Int

    /// `self` followed by `other`, whose customers all come after.
    func followed(by other: ValueInput) -> ValueInput {
        ValueInput(ids: ids + other.ids, summaries: summaries + other.summaries,
                   marginRatios: marginRatios + other.marginRatios, purchaseRows: purchaseRows + other.purchaseRows)
    }
}

extension Store {
    /// Summaries of every customer's purchases up to `asOf` (several on one day are one purchase).
    public func valueInput(asOf: Day, unitDays: Int, useMargin: Bool) throws -> ValueInput {
        try pool.read { db in
            try PurchaseSummaryReader.read(db, asOf: asOf, unitDays: unitDays, useMargin: useMargin,
                                           customers: Int64.min...Int64.max)
        }
    }

    /// Fits BG/NBD and Gamma-Gamma on all customers as of a day and stores each
    /// customer's value, P(alive), expected purchases in the next year and RFM.
    ///
    /// Reading, fitting and writing happen in one write transaction, so the
    /// figures stored are those of the purchases read, and the second reader
    /// (see `valueInputInHalves`) sees exactly what this transaction sees.
    @discardableResult
    public func refreshValues(asOf: Day, settings: Settings) throws -> ValueRefreshSummary {
        try pool.write { db in
            let input = try valueInputInHalves(db, asOf: asOf, useMargin: settings.value.useMargin)
            let figures = ValueFigures(input, asOf: asOf, settings: settings)
            try ValueFiguresWriter.write(db, figures, ids: input.ids, asOf: asOf)
            try Store.setMeta(db, "value_as_of", asOf.iso)
            return ValueRefreshSummary(withPurchases: input.ids.count, report: figures.report)
        }
    }

    /// The summaries read by two connections at once, each half of the customers:
    /// this write transaction's and a reader's. While it holds the write lock no one
    /// can commit, so the reader's snapshot is the state this transaction sees.
    private func valueInputInHalves(_ db: Database, asOf: Day, useMargin: Bool) throws -> ValueInput {
        // Two subqueries: SQLite finds a lone min() or max() at the end of the index,
        // but scans every row for both in one SELECT.
        let bounds = try Row.fetchOne(db, sql: """
            SELECT (SELECT min(customer_id) FROM purchase), (SELECT max(customer_id) FROM purchase)
            """)
        guard let low: Int64 = bounds?[0], let high: Int64 = bounds?[1], low < high else {
            return try PurchaseSummaryReader.read(db, asOf: asOf, unitDays: 1, useMargin: useMargin,
                                                  customers: Int64.min...Int64.max)
        }
        let middle = low + (high - low) / 2
        let pool = self.pool
        let upper = Background {
            try pool.read { db in
                try PurchaseSummaryReader.read(db, asOf: asOf, unitDays: 1, useMargin: useMargin,
                                               customers: (middle + 1)...Int64.max)
            }
        }
        let lower = Result {
            try PurchaseSummaryReader.read(db, asOf: asOf, unitDays: 1, useMargin: useMargin, customers: Int64.min...middle)
        }
        let rest = try upper.value()
        return try lower.get().followed(by: rest)
    }
}
