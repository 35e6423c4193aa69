import Foundation
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Bad rows: each kind gives its line, column and message, and all of them are listed.
final class StoreImportProblemTests: StoreTestCase {
    private func storeWithCustomersAndProducts() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\nK2,Beta\n")
        try importText(store, .products, "sku,name\nA-1,Papier\n")
        return store
    }

    /// Line numbers count physical lines: the quoted references on lines 7 and 9 span two lines each.
    static let badPurchases = """
        Kundennummer;Datum;Betrag;Artikelnummer;Belegnummer
        K1;31.02.2024;10,00;;R1
        K1;01.02.2024;12.345,678;;R2
        ;01.02.2024;5,00;;R3
        K9;01.02.2024;5,00;;R4
        K1;01.02.2024;5,00;X-9;R5
        K1;01.02.2024;5,00;A-1;"R6
        "
        K1;02.02.2024;6,00;A-1;"R6
        "
        K1;;5,00;;R7
        K1;03.02.2024;;;R8
        K2;04.02.2024;7,00;;R9
        K2;05.02.2024;"8,00;;R10

        """

    static let expectedProblems = [
        "2: column \"Datum\": \"31.02.2024\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)",
        "3: column \"Betrag\": \"12.345,678\" is not an amount (expected an amount such as 1234.56 or 1.234,56)",
        "4: column \"Kundennummer\": is empty",
        "5: column \"Kundennummer\": no customer has the number \"K9\" (import customers first, or use --create-customers)",
        "6: column \"Artikelnummer\": no product has the number \"X-9\" (import products first, or use --create-products)",
        // A reference is one line (issue 11); the row is still checked for repeats.
        "7: column \"Belegnummer\": contains a line break; expected one line of text without control characters or text-direction overrides",
        "9: column \"Belegnummer\": contains a line break; expected one line of text without control characters or text-direction overrides",
        "9: column \"Belegnummer\": \"R6\" for this customer and product appears again (first on line 7)",
        "11: column \"Datum\": is empty",
        "12: column \"Betrag\": is empty",
        "14: column \"Betrag\": a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")",
    ]

    func testEveryBadRowIsReportedWithLineColumnAndMessage() throws {
        let store = try storeWithCustomersAndProducts()
        let failure = try XCTUnwrap(importFailure(store, .purchases, Self.badPurchases))
        XCTAssertEqual(failure.problems.map(\.description), Self.expectedProblems)
        XCTAssertFalse(failure.truncated)
        XCTAssertEqual(failure.problems[0], ImportProblem(line: 2, column: "Datum",
                                                          message: "\"31.02.2024\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)"))
        XCTAssertEqual(failure.problems.last?.column, "Betrag")
        XCTAssertEqual(try count(store, "purchase"), 0)
    }

    func testListingStopsAtTheLimit() throws {
        let store = try storeWithCustomersAndProducts()
        let failure = try XCTUnwrap(importFailure(store, .purchases, Self.badPurchases) { $0.maxProblems = 3 })
        XCTAssertEqual(failure.problems.map(\.description), Array(Self.expectedProblems.prefix(3)))
        XCTAssertTrue(failure.truncated)
        // Exactly as many problems as the limit is not a truncation.
        let exact = try XCTUnwrap(importFailure(store, .purchases, Self.badPurchases) { $0.maxProblems = 11 })
        XCTAssertEqual(exact.problems.count, 11)
        XCTAssertFalse(exact.truncated)
    }

    func testDuplicateCustomerNumberInTheFile() throws {
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number,name\nK5,Alpha\nK6,Beta\nK5,Gamma\n")
        XCTAssertEqual(failure?.problems.map(\.description), ["4: column \"number\": \"K5\" appears again (first on line 2)"])
        XCTAssertEqual(try count(store, "customer"), 0)
    }

    func testEveryRepeatPointsToTheFirstOccurrence() throws {
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number,name\nK5,Alpha\nK5,Beta\nK5,Gamma\n")
        XCTAssertEqual(failure?.problems.map(\.description), [
            "3: column \"number\": \"K5\" appears again (first on line 2)",
            "4: column \"number\": \"K5\" appears again (first on line 2)",
        ])
        let products = importFailure(store, .products, "sku,name\nA-1,a\nA-1,b\nA-1,c\n")
        XCTAssertEqual(products?.problems.map(\.line), [3, 4])
        XCTAssertEqual(products?.problems.last?.message, "\"A-1\" appears again (first on line 2)")
    }

    func testNegativeEmployeesIsARowProblem() throws {
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number;name;Mitarbeiter\nK9;Neg;-3\nK10;Zwei;x\n")
        XCTAssertEqual(failure?.problems.map(\.description), [
            "2: column \"Mitarbeiter\": \"-3\" is not a number of employees (expected 0 or more)",
            "3: column \"Mitarbeiter\": \"x\" is not a whole number (expected digits such as 12 or 1.200)",
        ])
        XCTAssertEqual(try count(store, "customer"), 0)
    }

    func testDuplicateProductNumberInTheFile() throws {
        let store = try makeStore()
        let failure = importFailure(store, .products, "Artikelnummer;Bezeichnung\nA-1;Papier\nA-1;Stift\n")
        XCTAssertEqual(failure?.problems.map(\.description),
                       ["3: column \"Artikelnummer\": \"A-1\" appears again (first on line 2)"])
    }

    func testContactOfAnUnknownCustomer() throws {
        let store = try storeWithCustomersAndProducts()
        let failure = importFailure(store, .contacts, "customer,last_name\nK1,Schmidt\nK9,Meier\nK2,\n")
        XCTAssertEqual(failure?.problems.map(\.description), [
            "3: column \"customer\": no customer has the number \"K9\" (import the companies first, or use --create-customers)",
            "4: column \"last_name\": is empty",
        ])
        XCTAssertEqual(try count(store, "contact_person"), 0)
    }

    func testBadCustomerValues() throws {
        let store = try makeStore()
        let text = "Kundennummer;Firma;Mitarbeiter;Kunde seit;Potenzial;Kanal\nK1;;viele;2024-13-01;1,2,3;Fax\n"
        let failure = importFailure(store, .customers, text)
        XCTAssertEqual(failure?.problems.map(\.description), [
            "2: column \"Firma\": is empty",
            "2: column \"Mitarbeiter\": \"viele\" is not a whole number (expected digits such as 12 or 1.200)",
            "2: column \"Kunde seit\": \"2024-13-01\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)",
            "2: column \"Kanal\": \"Fax\" is not a channel (expected one of visit, phone, email, letter, newsletter, sms, social)",
            "2: column \"Potenzial\": \"1,2,3\" is not an amount (expected an amount such as 1234.56 or 1.234,56)",
        ])
    }

    func testMissingColumnAndEmptyFile() throws {
        let store = try makeStore()
        let missing = importFailure(store, .purchases, "Kundennummer;Betrag\nK1;5\n")
        XCTAssertEqual(missing?.problems.map(\.description), [
            "1: missing column \"date\" (accepted: date, Datum, Kaufdatum, Rechnungsdatum, Belegdatum, order date, "
                + "invoice date, day)",
        ])
        let empty = importFailure(store, .customers, "")
        XCTAssertEqual(empty?.problems.map(\.description), ["1: the file is empty"])
        let brokenHeader = importFailure(store, .customers, "\"number,name\nK1,Alpha\n")
        XCTAssertEqual(brokenHeader?.problems.map(\.description), [
            "1: column \"field 1\": a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")",
        ])
    }

    func testProblemsAreLocatedInTheFile() throws {
        let store = try storeWithCustomersAndProducts()
        let failure = try XCTUnwrap(importFailure(store, .purchases, "customer,date,amount\nK1,2024-02-30,5\n"))
        XCTAssertEqual(failure.problems.map { $0.located(in: "bad.csv") },
                       ["bad.csv:2: column \"date\": \"2024-02-30\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)"])
    }
}
