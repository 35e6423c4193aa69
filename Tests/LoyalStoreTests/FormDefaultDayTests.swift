import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Days a form offers land on the rep's next working day; the win-back follow-up
/// takes the chosen approach's channel (issue 14, point 8).
final class FormDefaultDayTests: EarlyWarningTestCase {
    func testOfferedDaysSkipTheWeekend() throws {
        let store = try makeEarlyWarningStore()
        let k1 = try id(store, "K1")
        // Sat 28.11.2026 and Sun 29.11. give Mon 30.11.; a Friday stays.
        XCTAssertEqual(store.nextWorkingDay(onOrAfter: day("2026-11-28"), customerID: k1, settings: settings), day("2026-11-30"))
        XCTAssertEqual(store.nextWorkingDay(onOrAfter: day("2026-11-29"), settings: settings), day("2026-11-30"))
        XCTAssertEqual(store.nextWorkingDay(onOrAfter: day("2026-11-27"), settings: settings), day("2026-11-27"))
    }

    func testAWinbackVisitStaysAVisit() throws {
        let store = try makeEarlyWarningStore()
        let k2 = try id(store, "K2")
        try triage(store, .markLost(customerID: k2, on: day("2026-07-15"), reason: .price, note: ""))
        for (approach, channel) in [("visit", "visit"), ("letter", "letter"), ("survey", "phone"), ("call", "phone")] {
            try triage(store, .openWinback(WinbackCase(customerID: k2, openedOn: today, reason: .price, approach: approach,
                                                       followUpOn: day("2026-12-01"))))
            let channels = try store.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT channel FROM calendar_entry WHERE customer_id = ? AND source = 'winback' ORDER BY id DESC LIMIT 1
                    """, arguments: [k2])
            }
            XCTAssertEqual(channels, [channel], approach)
        }
    }
}
