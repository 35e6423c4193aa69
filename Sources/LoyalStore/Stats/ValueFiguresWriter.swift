import GRDB
import GRDBSQLite
import LoyalCore

/// Stores the value step's figures, writing only the rows whose figures changed
/// (two indexes hold the value, and on a daily refresh of an unchanged day none do).
///
/// The stored figures are read in one pass in customer id order beside the new
/// ones (also in id order), with SQLite stepped directly: 200,000 rows of eight
/// columns are read on every refresh.
enum ValueFiguresWriter {
    private struct Figures: Equatable {
        var value: Int64
        /// value_as_of: nil, the refresh day (true) or another day (false).
        var asOfIsToday: Bool?
        var pAlive: Double?
        var expected: Double?
        /// 100·R + 10·F + M; −1 for text that is no RFM code.
        var rfm: Int?
        var noPurchase: Double?
        var purchaseDays: Int
    }

    static func write(_ db: Database, _ figures: ValueFigures, ids: [Int64], asOf: Day) throws {
        let iso = Array(asOf.iso.utf8)
        var changed: [(id: Int64, figures: Figures)] = []
        var next = 0 // into `ids`, ascending like the stored rows
        try forEachStored(db, today: iso) { id, stored in
            while next < ids.count && ids[next] < id { next += 1 }
            let now: Figures
            if next < ids.count && ids[next] == id {
                now = self.figures(of: next, figures)
            } else {
                // Customers without purchases have nothing to forecast from: value 0, no P(alive).
                now = Figures(value: 0, asOfIsToday: figures.report == nil ? nil : true, pAlive: nil, expected: nil,
                              rfm: nil, noPurchase: nil, purchaseDays: 0)
            }
            if now != stored { changed.append((id, now)) }
        }
        let update = try db.makeStatement(sql: """
            UPDATE customer_stats SET value_cents = ?, value_as_of = ?, p_alive = ?, expected_purchases = ?, rfm = ?,
                                      p_no_purchase = ?, purchase_days = ?
            WHERE customer_id = ?
            """)
        // On the day after a refresh every customer's figures change: 200,000 updates,
        // bound straight to SQLite rather than through an array of values per row.
        let h = update.sqliteStatement
        func bind(_ column: Int32, _ value: Double?) {
            if let value { sqlite3_bind_double(h, column, value) } else { sqlite3_bind_null(h, column) }
        }
        for (id, f) in changed {
            sqlite3_bind_int64(h, 1, f.value)
            if f.asOfIsToday == true {
                sqlite3_bind_text(h, 2, iso.map { CChar(bitPattern: $0) }, Int32(iso.count), transient)
            } else {
                sqlite3_bind_null(h, 2)
            }
            bind(3, f.pAlive)
            bind(4, f.expected)
            if let rfm = f.rfm {
                let digits = Array(String(rfm).utf8CString)
                sqlite3_bind_text(h, 5, digits, Int32(digits.count - 1), transient)
            } else {
                sqlite3_bind_null(h, 5)
            }
            bind(6, f.noPurchase)
            sqlite3_bind_int64(h, 7, Int64(f.purchaseDays))
            sqlite3_bind_int64(h, 8, id)
            let code = sqlite3_step(h)
            sqlite3_reset(h)
            guard code == SQLITE_DONE else { throw error(db, code) }
        }
    }

    /// SQLite copies bound text at once (the buffers here are temporary).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private static func error(_ db: Database, _ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
    }

    private static func figures(of i: Int, _ figures: ValueFigures) -> Figures {
        let days = figures.purchaseDays[i]
        guard let report = figures.report else {
            return Figures(value: 0, asOfIsToday: nil, pAlive: nil, expected: nil, rfm: figures.rfm[i],
                           noPurchase: nil, purchaseDays: days)
        }
        let s = report.scores[i]
        return Figures(value: s.valueCents, asOfIsToday: true, pAlive: s.probabilityAlive,
                       expected: s.expectedPurchases, rfm: figures.rfm[i], noPurchase: figures.noPurchase[i],
                       purchaseDays: days)
    }

    /// Every customer_stats row's stored figures, in customer id order.
    private static func forEachStored(_ db: Database, today: [UInt8],
                                      _ body: (Int64, Figures) throws -> Void) throws {
        let statement = try db.makeStatement(sql: """
            SELECT customer_id, value_cents, value_as_of, p_alive, expected_purchases, rfm, p_no_purchase, purchase_days
            FROM customer_stats ORDER BY customer_id
            """)
        let h = statement.sqliteStatement
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(h, column) == SQLITE_NULL }
        func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(h, column) }
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: sqlite3_column_text(h, column), count: Int(sqlite3_column_bytes(h, column)))
        }
        while true {
            let code = sqlite3_step(h)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(db, code) }
            let asOf = isNull(2) ? nil : bytes(2).elementsEqual(today)
            var rfm: Int?
            if !isNull(5) {
                let text = bytes(5)
                rfm = text.count == 3 && text.allSatisfy({ $0 >= 0x31 && $0 <= 0x35 })
                    ? text.reduce(0) { 10 * $0 + Int($1 - 0x30) } : -1
            }
            try body(sqlite3_column_int64(h, 0), Figures(
                value: sqlite3_column_int64(h, 1), asOfIsToday: asOf, pAlive: double(3), expected: double(4),
                rfm: rfm, noPurchase: double(6), purchaseDays: Int(sqlite3_column_int64(h, 7))))
        }
    }
}
