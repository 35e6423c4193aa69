import Foundation
import GRDB
import LoyalCore

/// A customer as pickers show it.
public struct CustomerSummary: Sendable, Hashable {
    public var id: Int64
    public var number: String
    public var name: String
    public var city: String

    public init(id: Int64, number: String, name: String, city: String) {
        self.id = id; self.number = number; self.name = name; self.city = city
    }
}

extension Store {
    /// Customers whose number, name or city contain every word typed, best first:
    /// exact number, then names starting with the text, then the rest by name.
    public func customerSuggestions(_ text: String, limit: Int = 8) throws -> [CustomerSummary] {
        let folded = SearchKey.fold(text).trimmingCharacters(in: .whitespaces)
        guard !folded.isEmpty else { return [] }
        return try pool.read { db in
            let (whereSQL, args) = try AccountSQL.filter(db, AccountFilter(search: text))
            var arguments = args
            arguments += [text, folded + "%"]
            return try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, c.name, c.city FROM customer c JOIN customer_stats s ON s.customer_id = c.id
                \(whereSQL)
                ORDER BY c.number = ? DESC, c.sort_name LIKE ? DESC, c.status = 'lost', c.sort_name
                LIMIT \(limit)
                """, arguments: arguments).map(Self.summary)
        }
    }

    /// The customers last contacted (by this rep, if given), most recent first.
    public func recentCustomers(repID: Int64?, since: Day, limit: Int = 8) throws -> [CustomerSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, c.name, c.city FROM customer c
                JOIN (SELECT customer_id, max(day) AS last FROM interaction
                      WHERE (?1 IS NULL OR rep_id = ?1) AND day >= ?3
                      GROUP BY customer_id ORDER BY last DESC LIMIT ?2) i ON i.customer_id = c.id
                ORDER BY i.last DESC
                """, arguments: [repID, limit, since.iso]).map(Self.summary)
        }
    }

    /// The customer with exactly this number.
    public func customerSummary(number: String) throws -> CustomerSummary? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, number, name, city FROM customer WHERE number = ?", arguments: [number])
                .map(Self.summary)
        }
    }

    public func customerSummary(id: Int64) throws -> CustomerSummary? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, number, name, city FROM customer WHERE id = ?", arguments: [id]).map(Self.summary)
        }
    }

    public func contacts(customerID: Int64) throws -> [ContactPerson] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM contact_person WHERE customer_id = ? ORDER BY left_on IS NOT NULL, is_primary DESC, last_name
                """, arguments: [customerID]).map(CustomerRecords.contact)
        }
    }

    public func productCategories() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT category FROM product WHERE category <> '' ORDER BY category")
        }
    }

    static func summary(_ row: Row) -> CustomerSummary {
        CustomerSummary(id: row["id"], number: row["number"], name: row["name"], city: row["city"])
    }
}

extension Store {
    /// Number and effective class of every customer, by id, for reports.
    public func customerNumbersAndClasses() throws -> [Int64: (number: String, cls: String)] {
        try pool.read { db in
            var out: [Int64: (String, String)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.number, ifnull(s.class, 'C') AS class FROM customer c LEFT JOIN customer_stats s ON s.customer_id = c.id
                """)
            while let r = try rows.next() { out[r["id"]] = (r["number"], r["class"]) }
            return out
        }
    }
}
