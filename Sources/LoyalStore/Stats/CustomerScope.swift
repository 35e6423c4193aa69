import GRDB

/// Which customers one pass of a refresh step reads: a few (after a visit was
/// saved) or one batch of a full refresh, so a step over 200000 customers holds
/// only a batch of them in memory at a time.
enum CustomerScope {
    case ids([Int64])
    case range(ClosedRange<Int64>)

    /// The SQL condition on a customer id column.
    func condition(_ column: String) -> String {
        switch self {
        case .ids(let ids): return "\(column) IN (" + ids.map(String.init).joined(separator: ",") + ")"
        case .range(let r): return "\(column) BETWEEN \(r.lowerBound) AND \(r.upperBound)"
        }
    }

    /// Customers per batch of a full refresh; tests make it small to cross batch borders.
    nonisolated(unsafe) static var batchSize = 20_000

    /// The given customers as one scope, or all customers in id ranges of `size`.
    static func passes(_ db: Database, only ids: [Int64]?, size: Int = batchSize) throws -> [CustomerScope] {
        if let ids { return [.ids(ids)] }
        let all = try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id")
        return stride(from: 0, to: all.count, by: size).map { start in
            .range(all[start]...all[min(start + size, all.count) - 1])
        }
    }
}
