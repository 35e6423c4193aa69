import GRDB
import LoyalCore

/// Columns the accounts list can be sorted by.
public enum AccountSort: String, CaseIterable, Sendable {
    case number, name, city, `class`, value, revenue, lastPurchase = "last_purchase", risk, rep

    /// The natural direction: money, risk and recency largest first, text A→Z.
    public var descendingByDefault: Bool {
        switch self {
        case .value, .revenue, .lastPurchase, .risk: return true
        case .number, .name, .city, .class, .rep: return false
        }
    }

    /// Sorted by a column of the customer table rather than of its statistics.
    var isCustomerColumn: Bool {
        switch self {
        case .number, .name, .city, .rep: return true
        case .class, .value, .revenue, .lastPurchase, .risk: return false
        }
    }

    /// The sort key as a row value; every one ends in the id and has an index.
    var keyExpressions: [String] {
        switch self {
        case .number: return ["c.number", "c.id"]
        case .name: return ["c.sort_name", "c.id"]
        case .city: return ["c.sort_city", "c.id"]
        case .class: return ["s.class_rank", "s.customer_id"]
        case .value: return ["s.value_cents", "s.customer_id"]
        case .revenue: return ["s.revenue_12m_cents", "s.customer_id"]
        case .lastPurchase: return ["s.last_purchase", "s.customer_id"]
        case .risk: return ["s.risk", "s.customer_id"]
        case .rep: return ["c.rep_sort", "c.sort_name", "c.id"]
        }
    }
}

public struct AccountFilter: Hashable, Sendable {
    public var customerClass: CustomerClass?
    public var repCode: String?
    public var search: String
    public var status: CustomerStatus?

    public init(customerClass: CustomerClass? = nil, repCode: String? = nil, search: String = "",
                status: CustomerStatus? = nil) {
        self.customerClass = customerClass; self.repCode = repCode; self.search = search; self.status = status
    }
}

public struct AccountQuery: Hashable, Sendable {
    public var filter: AccountFilter
    public var sort: AccountSort
    public var descending: Bool

    public init(filter: AccountFilter = AccountFilter(), sort: AccountSort = .revenue, descending: Bool? = nil) {
        self.filter = filter; self.sort = sort; self.descending = descending ?? sort.descendingByDefault
    }
}

/// One line of the accounts list.
public struct AccountRow: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var name: String
    public var city: String
    public var customerClass: CustomerClass
    public var classOverridden: Bool
    public var value: Money?
    public var pAlive: Double?
    /// The yearly potential a rep set in the soft facts.
    public var potential: Money?
    public var revenue12m: Money
    public var revenuePrevious12m: Money
    public var lastPurchase: Day?
    public var risk: Double
    public var repCode: String?
    public var status: CustomerStatus
    public var isReturnee: Bool
    /// Where the next page continues; opaque to callers.
    public var cursor: AccountCursor
    /// Number, name and city folded as `SearchKey.forCustomer` folds them (stored with the
    /// customer), so searching the loaded rows folds nothing per row and keystroke.
    public var searchKey: String = ""

    public var trend: RevenueTrend { RevenueTrend.of(current: revenue12m, previous: revenuePrevious12m) }
}

/// The sort key of a row, to continue a page after (or before) it.
public struct AccountCursor: Hashable, Sendable {
    enum Value: Hashable, Sendable { case int(Int64), text(String), real(Double), null }
    let values: [Value]
}

/// Sums over everything the filter matches, for the list's footer.
public struct AccountTotals: Hashable, Sendable {
    public var count: Int
    public var revenue12m: Money
    /// nil until customer values have been computed.
    public var value: Money?
}
