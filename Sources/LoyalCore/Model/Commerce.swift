public struct Product: Hashable, Sendable, Codable {
    public var id: Int64?
    public var sku: String
    public var name: String
    public var category: String
    public var price: Money
    /// Contribution margin per unit at list price, where known.
    public var margin: Money?

    public init(id: Int64? = nil, sku: String, name: String, category: String, price: Money, margin: Money? = nil) {
        self.id = id; self.sku = sku; self.name = name; self.category = category
        self.price = price; self.margin = margin
    }
}

/// One purchase (an order line or an invoice, as the source system has it).
public struct Purchase: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var day: Day
    /// Net amount actually paid.
    public var amount: Money
    public var margin: Money?
    /// Discount granted on this purchase (what the list price would have been minus amount).
    public var discount: Money?
    public var productID: Int64?
    public var quantity: Int
    public var reference: String

    public init(id: Int64? = nil, customerID: Int64, day: Day, amount: Money, margin: Money? = nil,
                discount: Money? = nil, productID: Int64? = nil, quantity: Int = 1, reference: String = "") {
        self.id = id; self.customerID = customerID; self.day = day; self.amount = amount
        self.margin = margin; self.discount = discount; self.productID = productID
        self.quantity = quantity; self.reference = reference
    }
}
