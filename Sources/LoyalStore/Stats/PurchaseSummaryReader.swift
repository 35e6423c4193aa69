import Foundation
import GRDB
import GRDBSQLite
import LoyalCore

/// Streams the purchases of a range of customers straight off the covering index
/// (customer_id, day, amount_cents, margin_cents) into one summary per customer.
///
/// Millions of rows pass here on every refresh, so the loop steps SQLite itself,
/// reads plain column values and keeps its state in locals: no Row, no String,
/// and a day's text is parsed only when it differs from the row before.
enum PurchaseSummaryReader {
    static func read(_ db: Database, asOf: Day, unitDays: Int, useMargin: Bool,
                     customers: ClosedRange<Int64>) throws -> ValueInput {
        let statement = try db.makeStatement(sql: """
            SELECT customer_id, day, amount_cents, margin_cents FROM purchase
            WHERE customer_id BETWEEN ? AND ? ORDER BY customer_id, day
            """)
        // Purchases after as-of are skipped below, by day number: a text comparison in the
        // query costs SQLite more than the few rows after a refresh day cost this loop.
        statement.setUncheckedArguments([customers.lowerBound, customers.upperBound])
        let h = statement.sqliteStatement
        var out = Collected(useMargin: useMargin)
        var customer = Customer(id: Int64.min, asOfDay: asOf.number, unitDays: unitDays)
        // The previous row's day text (10 bytes, packed) and its day number; nil when it was no day.
        var lastText: (UInt64, UInt16) = (0, 0), lastDay: Int?
        while true {
            let code = sqlite3_step(h)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            let id = sqlite3_column_int64(h, 0)
            if id != customer.id {
                out.append(customer)
                customer = Customer(id: id, asOfDay: asOf.number, unitDays: unitDays)
                lastText = (0, 0)
                lastDay = nil
            }
            let text = UnsafeRawBufferPointer(start: sqlite3_column_text(h, 1), count: Int(sqlite3_column_bytes(h, 1)))
            let packed = text.count == 10
                ? (text.loadUnaligned(as: UInt64.self), text.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) : (0, 0)
            if packed == (0, 0) || packed != lastText {
                lastText = packed
                lastDay = Day(isoBytes: text).flatMap { $0 <= asOf ? $0.number : nil }
                if lastDay != nil { out.purchaseDays += 1 }
            }
            // Text that is no day, and days after as-of, count for nothing.
            guard let day = lastDay else { continue }
            let amount = sqlite3_column_int64(h, 2)
            customer.purchases.add(day: day, cents: amount)
            // A NULL margin reads as 0; only then is its type asked.
            let margin = sqlite3_column_int64(h, 3)
            if margin != 0 || sqlite3_column_type(h, 3) != SQLITE_NULL {
                customer.margin += margin
                customer.marginAmount += amount
                customer.hasMargin = true
            }
        }
        out.append(customer)
        return out.input
    }

    /// The customer being read: his purchases so far and the sums of his margin ratio.
    private struct Customer {
        let id: Int64
        var purchases: PurchaseHistoryAccumulator
        /// Σ margin and Σ amount over the purchases that have a margin.
        var margin: Int64 = 0
        var marginAmount: Int64 = 0
        var hasMargin = false

        init(id: Int64, asOfDay: Int, unitDays: Int) {
            self.id = id
            purchases = PurchaseHistoryAccumulator(asOfDay: asOfDay, unitDays: unitDays)
        }
    }

    private struct Collected {
        let useMargin: Bool
        var input = ValueInput(ids: [], summaries: [], marginRatios: [], purchaseRows: 0)
        var purchaseDays: Int {
            get { input.purchaseRows }
            set { input.purchaseRows = newValue }
        }

        /// A customer without a purchase on a valid day up to as-of has no summary.
        mutating func append(_ c: Customer) {
            guard let summary = c.purchases.summary else { return }
            input.ids.append(c.id)
            input.summaries.append(summary)
            input.marginRatios.append(useMargin && c.hasMargin && c.marginAmount > 0
                ? max(0, Double(c.margin) / Double(c.marginAmount)) : nil)
        }
    }
}
