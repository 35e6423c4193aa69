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
        var days = DayTexts()
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
                lastDay = days.number(packed, text).flatMap { $0 <= asOf.number ? $0 : nil }
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

    /// Day numbers of the day texts met, by their ten bytes: a purchase table has a
    /// few thousand distinct days, each read a thousand times, and looking one up
    /// costs less than parsing it.
    private struct DayTexts {
        private static let size = 4096
        private var heads = [UInt64](repeating: 0, count: size)
        private var tails = [UInt16](repeating: 0, count: size)
        /// Nil: the text is no day.
        private var numbers = [Int?](repeating: nil, count: size)

        mutating func number(_ packed: (UInt64, UInt16), _ text: UnsafeRawBufferPointer) -> Int? {
            guard packed != (0, 0) else { return Day(isoBytes: text)?.number }
            let slot = Int(truncatingIfNeeded: ((packed.0 ^ UInt64(packed.1)) &* 0x9E37_79B9_7F4A_7C15) >> 52)
            if heads[slot] == packed.0 && tails[slot] == packed.1 { return numbers[slot] }
            let number = Day(isoBytes: text)?.number
            (heads[slot], tails[slot], numbers[slot]) = (packed.0, packed.1, number)
            return number
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
