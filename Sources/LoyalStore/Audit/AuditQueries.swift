import GRDB
import LoyalCore

/// One audit entry as `loyal audit` shows it.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var user: String
    public var entity: String
    public var entityID: Int64?
    /// The customer the record belongs to, by number, when it belongs to one.
    public var customerNumber: String?
    public var action: String
    public var detail: String
    /// `{"field":{"before":…,"after":…}}`, "" when the action changed no field it lists.
    public var changes: String
}

public struct AuditFilter: Sendable, Hashable {
    public var user: String?
    public var customerNumber: String?
    /// Entries from this day on (UTC).
    public var since: Day?

    public init(user: String? = nil, customerNumber: String? = nil, since: Day? = nil) {
        self.user = user; self.customerNumber = customerNumber; self.since = since
    }
}

extension Store {
    /// A page of the audit, newest first: entries with an id below `before` (nil: from the
    /// newest). A rep sees only their own entries, whatever the filter asks.
    /// `after` pages the other way (the interface's list scrolling up): the `limit` entries
    /// just newer than it, still newest first.
    public func auditPage(_ filter: AuditFilter, before: Int64? = nil, after: Int64? = nil,
                          limit: Int = 200) throws -> [AuditEntry] {
        try pool.read { db in
            var clauses: [String] = [], args: [DatabaseValueConvertible?] = []
            var user = filter.user
            if scope.role == .rep {
                if let asked = user, asked != scope.user {
                    throw StoreError.denied(Text.tr("store_error.audit_rep_own", scope.user))
                }
                user = scope.user
            }
            if let user { clauses.append("a.actor = ?"); args.append(user) }
            if let number = filter.customerNumber {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]) else {
                    throw StoreError.notFound(Text.tr("store_error.no_customer", number))
                }
                clauses.append("a.customer_id = ?"); args.append(id)
            }
            if let since = filter.since { clauses.append("a.at >= ?"); args.append(since.description) }
            if let before { clauses.append("a.id < ?"); args.append(before) }
            if let after { clauses.append("a.id > ?"); args.append(after) }
            let sql = """
                SELECT a.*, c.number FROM main.audit a LEFT JOIN main.customer c ON c.id = a.customer_id
                \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
                ORDER BY a.id \(after == nil ? "DESC" : "ASC") LIMIT ?
                """
            args.append(limit)
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)!)
            return (after == nil ? rows : rows.reversed()).map {
                AuditEntry(id: $0["id"], at: $0["at"], user: $0["actor"], entity: $0["entity"], entityID: $0["entity_id"],
                           customerNumber: $0["number"], action: $0["action"],
                           // Lines Loyal wrote as keys read in the viewer's language; older ones as written.
                           detail: StoredText.render(stored: $0["detail"]), changes: $0["changes"])
            }
        }
    }
}
