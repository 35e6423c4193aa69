import GRDB
import LoyalCore

/// Which customer an imported person belongs to, one rule for CSV people files and vCards:
/// the export's company id (stored as the customer number), else the company's name
/// (`CustomerNameIndex`: folded, legal form optional), else, for a person with neither, a
/// private customer (B2C) named after the person. Customers that do not exist yet are
/// planned here (numbered, findable by the next row) and created by `id(_:number:)`.
struct CustomerLink {
    enum Found: Equatable {
        case customer(String)
        case unknownNumber
        case unknownCompany
    }

    private var numbers: [String: Int64]
    private var numberOf: [Int64: String] = [:]
    private var names = CustomerNameIndex()
    private var exactNames: [String: Int64] = [:]
    /// Customers to create, by number, in the order planned.
    private(set) var planned: [String: Customer] = [:]
    private(set) var plannedOrder: [String] = []
    private var fakeID: Int64 = -1
    private var sequence = 1
    /// Prefix of the numbers given to companies created by name ("V000001" for vCards).
    let prefix: String

    /// `numbers`: the customer numbers in use and their ids (the caller usually has them loaded).
    init(_ db: Database, numbers: [String: Int64], prefix: String) throws {
        self.numbers = numbers; self.prefix = prefix
        let rows = try Row.fetchCursor(db, sql: "SELECT id, number, name FROM customer ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0], name: String = row[2]
            numberOf[id] = row[1]
            names.add(id: id, name: name)
            let exact = DuplicateKeys.name(name)
            if exactNames[exact] == nil { exactNames[exact] = id }
        }
    }

    /// The customer of a person with this company id and company name. `create`: an unknown
    /// company is planned (under its id as number when given) instead of reported.
    mutating func customer(number: String, company: String, person: ContactPerson, create: Bool) -> Found {
        if !number.isEmpty, numbers[number] != nil { return .customer(number) }
        if !company.isEmpty, let id = names.find(company), let n = numberOf[id] { return .customer(n) }
        if number.isEmpty && company.isEmpty { return .customer(privateCustomer(person)) }
        guard create else { return number.isEmpty ? .unknownCompany : .unknownNumber }
        let newNumber = number.isEmpty ? nextNumber() : number
        plan(Customer(number: newNumber, name: company.isEmpty ? number : company))
        return .customer(newNumber)
    }

    /// A person without a company is a customer of its own: the one numbered after the
    /// person (`P-` and a hash of the folded name, so importing again finds it), else one
    /// with exactly that name (folded), else a new private customer.
    mutating func privateCustomer(_ person: ContactPerson) -> String {
        let number = Self.privateNumber(person.fullName)
        if numbers[number] != nil { return number }
        if let id = exactNames[DuplicateKeys.name(person.fullName)], let n = numberOf[id] { return n }
        var c = Customer(number: number, name: person.fullName)
        c.kind = .consumer
        plan(c)
        return number
    }

    static func privateNumber(_ name: String) -> String {
        "P-" + ContentHash.fnv1a(Array(DuplicateKeys.name(name).utf8)).prefix(10).uppercased()
    }

    private mutating func nextNumber() -> String {
        while true {
            let s = String(sequence)
            let number = prefix + String(repeating: "0", count: max(0, 6 - s.count)) + s
            sequence += 1
            if numbers[number] == nil { return number }
        }
    }

    private mutating func plan(_ c: Customer) {
        let id = fakeID
        fakeID -= 1
        numbers[c.number] = id
        numberOf[id] = c.number
        names.add(id: id, name: c.name)
        let exact = DuplicateKeys.name(c.name)
        if exactNames[exact] == nil { exactNames[exact] = id }
        planned[c.number] = c
        plannedOrder.append(c.number)
    }

    /// The plans without the name index, for the write pass (which needs only what to create).
    func onlyPlanned() -> CustomerLink {
        var kept = CustomerLink(prefix: prefix)
        kept.planned = planned; kept.plannedOrder = plannedOrder
        return kept
    }

    private init(prefix: String) { self.prefix = prefix; numbers = [:] }

    /// Sets a planned customer's fields (a vCard's address) before it is created.
    mutating func amend(_ number: String, _ change: (inout Customer) -> Void) {
        if var c = planned[number] { change(&c); planned[number] = c }
    }

    func isPlanned(_ number: String) -> Bool { planned[number] != nil }
}
