import LoyalCore
import LoyalStore

/// The early-warning panel's rows, most to lose first, by keyset both ways.
struct PanelSource: PageSource {
    let filter: PanelFilter
    let store: Store

    func page(after row: PanelRow?, direction: Store.PageDirection, limit: Int) throws -> [PanelRow] {
        try store.riskPanel(filter, after: row, direction: direction, limit: limit)
    }

    func id(of row: PanelRow) -> Int64 { row.id }

    func matches(_ row: PanelRow, _ pattern: String) -> Bool {
        ListSearch.matches("\(row.number) \(row.name)", pattern)
    }

    func firstMatch(_ pattern: String, after row: PanelRow?, direction: Store.PageDirection) throws -> PanelRow? {
        try store.riskPanel(filter, after: row, direction: direction, matching: pattern, limit: 1).first
    }

    func position(of row: PanelRow) throws -> Int? { try store.riskPanelCount(filter, before: row) }
}

/// Lost customers and returnees, most recently lost first, by keyset both ways.
struct LostSource: PageSource {
    let customerClass: CustomerClass?
    let store: Store

    func page(after row: LostRow?, direction: Store.PageDirection, limit: Int) throws -> [LostRow] {
        try store.lostCustomers(customerClass: customerClass, after: row, direction: direction, limit: limit)
    }

    func id(of row: LostRow) -> Int64 { row.id }

    func matches(_ row: LostRow, _ pattern: String) -> Bool {
        ListSearch.matches("\(row.number) \(row.name)", pattern)
    }

    func firstMatch(_ pattern: String, after row: LostRow?, direction: Store.PageDirection) throws -> LostRow? {
        try store.lostCustomers(customerClass: customerClass, after: row, direction: direction, matching: pattern, limit: 1).first
    }

    func position(of row: LostRow) throws -> Int? { try store.lostCount(customerClass: customerClass, before: row) }
}
