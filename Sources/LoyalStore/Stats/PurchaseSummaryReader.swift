import Foundation
import GRDB
import GRDBSQLite
import LoyalCore

/// Streams the purchases of a range of customers straight off the covering index
/// (customer_id, day, amount_cents, margin_cents) into one summary per customer.
///
/// Millions of rows pass here on every refresh, so the loop steps SQLite itself
/// and reads plain column values: no Row, no String per day. Several days'
/// purchases are added up by the stream, the margin sums beside it.
enum PurchaseSummaryReader {
    static func read(_ db: Database, asOf: Day, unitDays: Int, useMargin: Bool,
                     customers: ClosedRange<Int64>) throws -> ValueInput {
        let statement = try db.makeStatement(sql: """
            SELECT customer_id, day, amount_cents, margin_cents FROM purchase
            WHERE customer_id BETWEEN ? AND ? AND day <= ? ORDER BY customer_id, day
            """)
        statement.setUncheckedArguments([customers.lowerBound, customers.upperBound, asOf.iso])
        let handle = statement.sqliteStatement
        var stream = PurchaseHistoryStream<Int64>(asOfDay: asOf.number, unitDays: unitDays)
        var input = ValueInput(ids: [], summaries: [], marginRatios: [], purchaseRows: 0)
        // The margin ratio of the customer being read: Σ margin / Σ amount over purchases with a margin.
        var margin: Int64 = 0, marginAmount: Int64 = 0, hasMargin = false
        var lastCustomer = Int64.min, lastDay = Int.min
        func finish(_ done: (customer: Int64, summary: PurchaseHistorySummary)?) {
            guard let done else { return }
            input.ids.append(done.customer)
            input.summaries.append(done.summary)
            input.marginRatios.append(useMargin && hasMargin && marginAmount > 0
                ? max(0, Double(margin) / Double(marginAmount)) : nil)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            let customer = sqlite3_column_int64(handle, 0)
            let amount = sqlite3_column_int64(handle, 2)
            if customer != lastCustomer {
                // The stream hands back the previous customer when this row starts a new one;
                // his margin sums are complete then, so they are reset only after.
                if let done = stream.finish() { finish(done) }
                margin = 0; marginAmount = 0; hasMargin = false
                lastDay = Int.min
            }
            if sqlite3_column_type(handle, 3) != SQLITE_NULL {
                margin += sqlite3_column_int64(handle, 3)
                marginAmount += amount
                hasMargin = true
            }
            let text = UnsafeRawBufferPointer(start: sqlite3_column_text(handle, 1),
                                              count: Int(sqlite3_column_bytes(handle, 1)))
            lastCustomer = customer
            guard let day = Day(isoBytes: text) else { continue }
            if day.number != lastDay { input.purchaseRows += 1; lastDay = day.number }
            _ = stream.add(customer: customer, day: day.number, cents: amount)
        }
        if let done = stream.finish() { finish(done) }
        return input
    }
}
