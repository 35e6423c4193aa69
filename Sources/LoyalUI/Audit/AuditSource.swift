import LoyalCore
import LoyalStore

/// The audit, newest first, paged by id through the store's own audit query (the one
/// `loyal audit` reads), so a long audit scrolls as fast as a short one.
struct AuditSource: PageSource {
    let store: Store
    var filter: AuditFilter

    func page(after row: AuditEntry?, direction: Store.PageDirection, limit: Int) throws -> [AuditEntry] {
        switch direction {
        case .forward: return try store.auditPage(filter, before: row?.id, limit: limit)
        // From the end of the list means from the oldest entry (ids start at 1).
        case .backward: return try store.auditPage(filter, after: row?.id ?? 0, limit: limit)
        }
    }

    func id(of row: AuditEntry) -> Int64 { row.id }

    func matches(_ row: AuditEntry, _ pattern: String) -> Bool {
        ListSearch.matches(Self.text(row), pattern)
    }

    /// Everything a `/` search looks at: who, what, which record and customer, the changes.
    static func text(_ e: AuditEntry) -> String {
        [e.at, e.user, e.action, e.actionText, e.entity, e.recordText, e.customerNumber ?? "", e.detail,
         e.fieldChanges.map { "\($0.field) \($0.before) \($0.after)" }.joined(separator: " ")].joined(separator: " ")
    }

    /// The audit has no search index: pages are read in order until a match. Entries are
    /// short and paged 500 at a time, so even a long audit is searched in a blink.
    func firstMatch(_ pattern: String, after row: AuditEntry?, direction: Store.PageDirection) throws -> AuditEntry? {
        var edge = row
        while true {
            let page = try self.page(after: edge, direction: direction, limit: 500)
            let ordered = direction == .forward ? page : page.reversed()
            if let hit = ordered.first(where: { matches($0, pattern) }) { return hit }
            guard page.count == 500 else { return nil }
            edge = direction == .forward ? page.last : page.first
        }
    }
}
