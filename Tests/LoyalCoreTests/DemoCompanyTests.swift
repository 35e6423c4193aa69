import XCTest
@testable import LoyalCore

/// Collects what the demo generates, in memory.
struct CollectingSink: DemoSink {
    var reps: [Rep] = []
    var products: [Product] = []
    var customers: [DemoCustomer] = []

    mutating func add(rep: Rep) { reps.append(rep) }
    mutating func add(product: Product) { products.append(product) }
    mutating func add(_ customer: DemoCustomer) { customers.append(customer) }
}

final class DemoCompanyTests: XCTestCase {
    let asOf = Day(year: 2026, month: 11, day: 23)!

    private func generate(seed: UInt64, customers: Int, years: Int = 3) throws -> CollectingSink {
        var company = DemoCompany(settings: DemoSettings(seed: seed, customers: customers, years: years, asOf: asOf))
        var sink = CollectingSink()
        try company.generate(into: &sink)
        return sink
    }

    private func assertSame(_ a: DemoCustomer, _ b: DemoCustomer, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.customer, b.customer, file: file, line: line)
        XCTAssertEqual(a.consents, b.consents, file: file, line: line)
        XCTAssertEqual(a.contacts, b.contacts, file: file, line: line)
        XCTAssertEqual(a.purchases, b.purchases, file: file, line: line)
        XCTAssertEqual(a.complaints, b.complaints, file: file, line: line)
        XCTAssertEqual(a.interactions.map(\.0), b.interactions.map(\.0), file: file, line: line)
        XCTAssertEqual(a.interactions.map(\.1), b.interactions.map(\.1), file: file, line: line)
    }

    func testSameSeedGivesTheSameCompany() throws {
        let first = try generate(seed: 7, customers: 50)
        let second = try generate(seed: 7, customers: 50)
        XCTAssertEqual(first.customers.count, 50)
        XCTAssertEqual(first.reps, second.reps)
        XCTAssertEqual(first.products, second.products)
        for (a, b) in zip(first.customers, second.customers) { assertSame(a, b) }
        XCTAssertGreaterThan(first.customers.reduce(0) { $0 + $1.purchases.count }, 50)
    }

    func testOtherSeedGivesAnotherCompany() throws {
        let seven = try generate(seed: 7, customers: 50)
        let eight = try generate(seed: 8, customers: 50)
        // The catalogue and the reps are fixed; the customers are not.
        XCTAssertEqual(seven.products, eight.products)
        XCTAssertNotEqual(seven.customers.map(\.customer.name), eight.customers.map(\.customer.name))
        XCTAssertNotEqual(seven.customers.flatMap(\.purchases), eight.customers.flatMap(\.purchases))
    }

    func testSmallerCompanyIsAPrefixOfALargerOne() throws {
        let small = try generate(seed: 3, customers: 20)
        let large = try generate(seed: 3, customers: 50)
        for (a, b) in zip(small.customers, large.customers.prefix(20)) { assertSame(a, b) }
    }

    func testProgressIsReported() throws {
        var company = DemoCompany(settings: DemoSettings(seed: 1, customers: 30, asOf: asOf))
        var sink = CollectingSink()
        var calls: [[Int]] = []
        try company.generate(into: &sink) { calls.append([$0, $1]) }
        XCTAssertEqual(calls, [[30, 30]])
    }

    func testPlausibility() throws {
        let n = 1500
        let sink = try generate(seed: 42, customers: n)
        let windowStart = asOf.adding(years: -3)
        XCTAssertEqual(sink.reps.map(\.id), (1...8).map { Int64($0) })
        XCTAssertEqual(sink.products.count, 34)
        XCTAssertEqual(Set(sink.products.map(\.sku)).count, 34)
        XCTAssertEqual(sink.customers.map(\.customer.id), (1...n).map { Int64($0) })
        XCTAssertEqual(sink.customers.first?.customer.number, "K100001")
        XCTAssertEqual(sink.customers.last?.customer.number, "K\(100000 + n)")

        var lost = 0, returnees = 0, lastPurchaseID: Int64 = 0, birthdays = 0
        for d in sink.customers {
            let c = d.customer
            let id = try XCTUnwrap(c.id)
            XCTAssertTrue((1...8).contains(c.repID ?? 0))
            XCTAssertFalse(c.name.isEmpty)
            if c.status == .lost {
                lost += 1
                XCTAssertNotNil(c.lostReason, "\(c.number) lost without a reason")
                XCTAssertLessThanOrEqual(try XCTUnwrap(c.lostOn), asOf)
                XCTAssertNil(c.returnedOn)
            }
            if let back = c.returnedOn {
                returnees += 1
                XCTAssertEqual(c.status, .active)
                XCTAssertNotNil(c.lostReason)
                XCTAssertLessThan(try XCTUnwrap(c.lostOn), back)
                XCTAssertLessThan(back, asOf)
                XCTAssertTrue(d.purchases.contains { $0.day >= back }, "\(c.number) returned without buying")
            }
            var references = Set<String>()
            var previousDay: Day?
            for p in d.purchases {
                XCTAssertEqual(p.customerID, id)
                XCTAssertEqual(p.id, lastPurchaseID + 1)
                lastPurchaseID = p.id ?? 0
                XCTAssertLessThanOrEqual(p.day, asOf, "purchase after the as-of day")
                XCTAssertGreaterThanOrEqual(p.day, windowStart)
                if let previousDay { XCTAssertGreaterThanOrEqual(p.day, previousDay) }
                previousDay = p.day
                XCTAssertGreaterThan(p.amount, .zero)
                XCTAssertGreaterThanOrEqual(p.discount ?? .zero, .zero)
                XCTAssertGreaterThanOrEqual(p.quantity, 1)
                XCTAssertTrue((1...34).contains(p.productID ?? 0))
                XCTAssertTrue(references.insert(p.reference).inserted, "duplicate reference \(p.reference)")
            }
            XCTAssertEqual(d.contacts.filter(\.isPrimary).count, 1)
            XCTAssertEqual(d.contacts.first?.isPrimary, true)
            for person in d.contacts {
                XCTAssertEqual(person.customerID, id)
                guard let b = person.birthday else { continue }
                birthdays += 1
                XCTAssertNotNil(Day(year: b.year ?? 2000, month: b.month, day: b.day), "invalid birthday \(b)")
                if let y = b.year { XCTAssertTrue((1958...1998).contains(y)) }
                if let p = person.partnerBirthday { XCTAssertNotNil(Day(year: 2000, month: p.month, day: p.day)) }
            }
            for complaint in d.complaints {
                XCTAssertLessThanOrEqual(complaint.openedOn, asOf)
                if let r = complaint.resolvedOn {
                    XCTAssertGreaterThan(r, complaint.openedOn)
                    XCTAssertLessThanOrEqual(r, asOf)
                }
            }
            for (interaction, feedback) in d.interactions {
                XCTAssertEqual(interaction.customerID, id)
                XCTAssertLessThanOrEqual(interaction.day, asOf)
                if let f = feedback {
                    XCTAssertEqual(f.interactionID, interaction.id)
                    if let nps = f.nps { XCTAssertTrue((0...10).contains(nps)) }
                    if let csat = f.csat { XCTAssertTrue((1...5).contains(csat)) }
                    if let ces = f.ces { XCTAssertTrue((1...7).contains(ces)) }
                }
            }
            for consent in d.consents { XCTAssertEqual(consent.customerID, id) }
        }
        XCTAssertGreaterThan(lost, 0, "no lost customers with a reason")
        XCTAssertGreaterThan(returnees, 0, "no returnees")
        XCTAssertGreaterThan(birthdays, n / 2)
        XCTAssertGreaterThan(lastPurchaseID, Int64(n))
    }
}
