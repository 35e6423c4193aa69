import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Opening an account and reading its story section by section.
final class AccountDetailTests: UITestCase {
    static let customers = """
        number,name,street,postal_code,city,phone,email,industry,employees,since,preferences,preferred_channel,high_season,busy_hours,notes,consent_email,consent_phone,consent_date
        K1,Schreinerei Holzwurm GmbH,Hauptstraße 5,10115,Berlin,+49 30 5550100,info@holzwurm.example,Handwerk,12,2019-04-01,Mag frühe Termine,phone,11-12,Mo-Fr 11-14,Zahlt pünktlich,ja,nein,2024-03-01

        """
    static let contacts = """
        customer,first_name,last_name,role,birthday,partner_name,partner_birthday,primary,phone
        K1,Anna,Schmidt,Einkauf,17.05.1970,Jonas,1968-02-29,ja,+49 30 123456
        K1,Bernd,Weber,Geschäftsführung,03.12.,,,,

        """
    static let purchases = """
        customer,date,amount,product,quantity,reference
        K1,2025-06-10,"1.000,00",P1,2,R-1
        K1,2026-10-01,"2.345,67",P1,5,R-2

        """
    static let products = """
        sku,name,category,price
        P1,Hobelbank Deluxe,Werkstatt,500

        """

    private func openHandMade() throws {
        try openImported([(.customers, Self.customers), (.products, Self.products), (.contacts, Self.contacts),
                          (.purchases, Self.purchases)])
        try launch()
        press(.enter)
    }

    /// The section named at the right of the detail's title line (the one at the top of the page).
    private var sectionTitle: String {
        let parts = term.row(1).components(separatedBy: "  ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return parts.last?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    func testEnterOpensTheSelectedAccountAtItsSummary() throws {
        try openHandMade()
        XCTAssertTrue(term.row(0).contains("› Schreinerei Holzwurm GmbH"), term.row(0))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Schreinerei Holzwurm GmbH "), term.row(1))
        XCTAssertTrue(term.row(1).hasSuffix(" Summary "), term.row(1))
        XCTAssertEqual(term.row(2).trimmingCharacters(in: .whitespaces), "Summary")
        assertScreenContains("Class              A")
        assertScreenContains("Revenue 12 months  2.346 € ")
        assertScreenContains(" (12 months before: 1.000 €)")
        assertScreenContains("Purchases          2, last 01.10.2026, first 10.06.2025")
        assertScreenContains("Status             active")
        XCTAssertTrue(statusRow.hasPrefix(" ] next section  e edit  p people"), statusRow)
    }

    /// The words of the first screen line (of `text`) that contains `fragment`.
    private func words(ofLineWith fragment: String, in text: String) -> [String] {
        let line = text.split(separator: "\n").first { $0.contains(fragment) } ?? ""
        return line.split(separator: " ").map(String.init)
    }

    /// The words of the first screen line (of `text`) whose first word is `first`.
    private func words(ofLineStartingWith first: String, in text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == first } ?? []
    }

    func testEverySectionShowsWhatTheAccountHolds() throws {
        try openHandMade()
        var text = screen
        for _ in 0..<6 { press(.pageDown); text += "\n" + screen }
        for expected in [
            "Revenue, last 36 months", "01.12.2023 – 30.11.2026",
            "Hard facts", "Address            Hauptstraße 5, 10115 Berlin, DE", "Phone              +49 30 5550100",
            "Employees          12", "Customer since     01.04.2019",
            "Soft facts", "Preferences        Mag frühe Termine", "Preferred channel  phone",
            "High season        11-12", "Busy hours         Mo-Fr 11-14", "Notes              Zahlt pünktlich",
            "Contact persons (2)", "Consents",
            "Complaints (0, 0 open)", "Interactions and feedback (latest 0)", "no contact recorded yet",
            "Purchases (latest 2 of 2)",
        ] {
            XCTAssertTrue(text.contains(expected), "missing \"\(expected)\" in\n\(text)")
        }
        // Contact persons with their roles and birthdays (age as of today), the main contact starred.
        XCTAssertEqual(words(ofLineWith: "Anna Schmidt", in: text), ["Anna", "Schmidt", "★", "Einkauf", "born", "17.05.1970", "(56)"])
        XCTAssertEqual(words(ofLineWith: "partner Jonas", in: text), ["partner", "Jonas,", "born", "29.02.1968", "(58)"])
        XCTAssertEqual(words(ofLineWith: "Bernd Weber", in: text), ["Bernd", "Weber", "Geschäftsführung", "born", "03.12."])
        // Consents per channel that needs one.
        XCTAssertEqual(Array(words(ofLineStartingWith: "e-mail", in: text).prefix(4)), ["e-mail", "yes", "since", "01.03.2024"])
        XCTAssertEqual(Array(words(ofLineStartingWith: "phone", in: text).prefix(4)), ["phone", "refused", "since", "01.03.2024"])
        XCTAssertEqual(words(ofLineStartingWith: "newsletter", in: text), ["newsletter", "not", "asked"])
        // Purchases, newest first.
        XCTAssertEqual(words(ofLineStartingWith: "01.10.2026", in: text), ["01.10.2026", "2.345,67", "€", "5×", "Hobelbank", "Deluxe", "Werkstatt"])
        XCTAssertEqual(words(ofLineStartingWith: "10.06.2025", in: text), ["10.06.2025", "1.000,00", "€", "2×", "Hobelbank", "Deluxe", "Werkstatt"])
    }

    func testEmptyNotesShowOnce() throws {
        try openImported([(.customers, "number,name\nK9,Ohne Notizen AG\n")])
        try launch()
        press(.enter)
        press(.char("]"), .char("]"), .char("]"))
        XCTAssertTrue(term.row(1).hasSuffix(" Soft facts "), term.row(1))
        let notes = term.lines.filter { $0.hasPrefix(" Notes ") }
        XCTAssertEqual(notes.map { $0.split(separator: " ") }, [["Notes", "–"]], "one Notes line, not an empty one and a dash")
    }

    func testSectionJumpsWalkForwardAndBack() throws {
        try openDemo(customers: 300, seed: 7)
        try launch()
        let first = try accounts()[0]
        let d = try XCTUnwrap(try store.accountDetail(id: first.id, asOf: Self.today))
        press(.enter)
        var forward = [sectionTitle]
        for _ in 0..<12 {
            press(.char("]"))
            if forward.last != sectionTitle { forward.append(sectionTitle) }
        }
        let open = d.complaints.filter(\.isOpen).count
        let all = ["Summary", "Revenue, last 36 months", "Hard facts", "Soft facts", "Contact persons (\(d.contacts.count))",
                   "Consents", "Churn signals (\(d.signals.count))", "Complaints (\(d.complaints.count), \(open) open)",
                   "Interactions and feedback (latest \(d.timeline.count))",
                   "Purchases (latest \(d.recentPurchases.count) of \(d.purchaseCount))"]
        XCTAssertEqual(forward, all)
        XCTAssertEqual(term.row(2).trimmingCharacters(in: .whitespaces), all.last, "each jump puts the section on top")

        var backward = [sectionTitle]
        for _ in 0..<12 {
            press(.char("["))
            if backward.last != sectionTitle { backward.append(sectionTitle) }
        }
        XCTAssertEqual(backward, all.reversed())

        press(.char("]"), .char("]"))
        XCTAssertEqual(sectionTitle, "Hard facts")
        XCTAssertEqual(term.row(2).trimmingCharacters(in: .whitespaces), "Hard facts")
        press(.tab)
        XCTAssertEqual(sectionTitle, "Soft facts", "Tab jumps too")
        press(.backTab)
        XCTAssertEqual(sectionTitle, "Hard facts", "and Shift-Tab back")
    }

    func testADemoAccountShowsComplaintsInteractionsAndPurchases() throws {
        try openDemo(customers: 300, seed: 7)
        // The first account by revenue with complaints and feedback, opened through the list.
        let all = try accounts()
        var found: (AccountRow, AccountDetail)?
        for row in all {
            let d = try XCTUnwrap(try store.accountDetail(id: row.id, asOf: Self.today))
            if !d.complaints.isEmpty, d.timeline.contains(where: { $0.feedback?.nps != nil }), !d.contacts.isEmpty {
                found = (row, d); break
            }
        }
        let (row, detail) = try XCTUnwrap(found)
        try launch(height: 60)
        press(.char("/")); type(row.number); press(.enter, .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" \(row.number) · "), term.row(1))
        var text = screen
        for _ in 0..<30 { press(.pageDown); text += "\n" + screen }
        let open = detail.complaints.filter(\.isOpen).count
        for expected in [
            "Summary", "Hard facts", "Soft facts", "Contact persons (\(detail.contacts.count))", "Consents",
            "Churn signals (\(detail.signals.count))", "Complaints (\(detail.complaints.count), \(open) open)",
            "Interactions and feedback (latest \(detail.timeline.count))",
            "Purchases (latest \(detail.recentPurchases.count) of \(detail.purchaseCount))",
            detail.complaints[0].text, "NPS ",
            detail.contacts[0].fullName,
        ] {
            XCTAssertTrue(text.contains(expected), "missing \"\(expected)\"")
        }
        let newest = detail.recentPurchases[0].purchase
        XCTAssertTrue(text.contains(newest.day.german), "the newest purchase \(newest.day.german)")
    }

    func testLeavingTheDetailReturnsToTheSameRowOfTheList() throws {
        try openDemo(customers: 300, seed: 7)
        try launch()
        press(.char("j"), .char("j"), .char("j"))
        let before = screen
        press(.enter)
        XCTAssertTrue(term.row(1).hasSuffix(" Summary "))
        press(.escape)
        XCTAssertEqual(screen, before)
        press(.char("l"))
        XCTAssertTrue(term.row(1).hasSuffix(" Summary "))
        press(.char("h"))
        XCTAssertEqual(screen, before)
    }
}
