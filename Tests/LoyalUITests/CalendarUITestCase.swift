import Foundation
import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Hand-made customers for the Calendar tab, planned as of Monday 23.11.2026:
///
/// | customer | rep | what is in the agenda                                              |
/// |----------|-----|--------------------------------------------------------------------|
/// | K1       | AB  | A; last visit Thu 27.08.2026: visit Wed 25.11.2026 (postal 10…)     |
/// | K2       | AB  | B; a consumer without phone consent, last call Wed 26.08.2026: call Tue 24.11.2026, |
/// |          |     | blocked                                                             |
/// | K4       | CD  | C; bought for 6.000 € on Sat 21.11.2026: call today (+2 days)        |
/// | K7       | CD  | B; called on 10.11.2026, visit set for 16.11.2026: overdue          |
class CalendarUITestCase: UITestCase {
    static let customers = """
        number,name,postal_code,city,rep,class,consent_phone,consent_email,consent_date,kind
        K1,Alpha GmbH,10115,Berlin,AB,A,ja,ja,2024-01-10,
        K2,Stille KG,50667,Köln,AB,B,,,2024-01-10,B2C
        K4,Großkauf GmbH,53111,Bonn,CD,C,ja,,2024-01-10,
        K7,Nein Danke AG,45127,Essen,CD,B,nein,,2025-06-22,

        """

    func day(_ iso: String) -> Day { Day(parsing: iso)! }

    func id(_ number: String) throws -> Int64 {
        try store.pool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]))
        }
    }

    /// The customers with their contacts made, planned, and the Calendar tab open.
    func openCalendar(width: Int = 120, height: Int = 30) throws {
        try openImported([(.customers, Self.customers), (.purchases, "customer,date,amount\nK4,2026-11-21,6000\n")])
        for (number, day, kind) in [("K1", "2026-08-27", InteractionKind.visit), ("K1", "2026-11-04", .call),
                                    ("K2", "2026-08-26", .call)] {
            try store.recordVisit(VisitReport(customerID: try id(number), day: self.day(day), kind: kind), actor: "import",
                                  today: Self.today)
        }
        var report = VisitReport(customerID: try id("K7"), day: day("2026-11-10"), kind: .call)
        report.followUpOn = day("2026-11-16")
        report.followUpChannel = .visit
        report.nextStep = "Muster vorbeibringen"
        try store.recordVisit(report, actor: "import", today: Self.today)
        try store.refreshAll(asOf: Self.today, settings: Settings())
        try launch(width: width, height: height)
        press(.char("2"))
    }

    /// Screen rows below the title, trimmed, blank ones left out.
    var bodyRows: [String] {
        (2..<(term.height - 1)).map { term.row($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The screen row that contains `text`.
    func row(containing text: String) -> Int? {
        (0..<term.height).first { term.row($0).contains(text) }
    }

    /// Moves the agenda's cursor onto the entry whose line contains `text`.
    func select(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<40 {
            if selectedRowText?.contains(text) ?? false { return }
            press(.down)
        }
        XCTFail("no entry \(text) in the agenda:\n\(screen)", file: file, line: line)
    }

    /// "due status" of a customer's entries of a channel, by due day.
    func entries(_ number: String, _ channel: Channel) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.due, e.status, e.status_reason FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                WHERE c.number = ? AND e.channel = ? ORDER BY e.due, e.id
                """, arguments: [number, channel.rawValue]).map {
                "\($0[0] as String) \($0[1] as String)" + (($0[2] as String).isEmpty ? "" : " (\($0[2] as String))")
            }
        }
    }

    func interactions(_ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.day, i.kind FROM interaction i JOIN customer c ON c.id = i.customer_id WHERE c.number = ? ORDER BY i.id
                """, arguments: [number]).map { "\($0[0] as String) \($0[1] as String)" }
        }
    }
}
