import XCTest
@testable import LoyalCore

/// `open_complaints` and `complaints_in_period`, as of Tuesday 15.09.2026.
final class RetentionComplaintSignalTests: XCTestCase {
    private let complaints = [
        ComplaintFact(id: 9, openedOn: R.day("2026-05-01"), resolvedOn: R.day("2026-05-10"), category: .product),
        ComplaintFact(id: 12, openedOn: R.day("2026-09-03"), category: .delivery),          // 12 days open
        ComplaintFact(id: 15, openedOn: R.day("2026-08-20"), category: .invoice),           // 26 days open
        ComplaintFact(id: 20, openedOn: R.day("2026-09-10"), category: .delivery),          // 5 days open
        ComplaintFact(id: 3, openedOn: R.day("2025-12-01"), resolvedOn: R.day("2026-01-15"), category: .price),
    ]

    private func open(_ c: [ComplaintFact], atLeast: Int, minAgeDays: Int) -> SignalEvidence? {
        SignalForms.openComplaints(R.facts { $0.complaints = c }, atLeast: atLeast, minAgeDays: minAgeDays)
    }

    func testOpenComplaintsListOldestAndCategories() {
        let e = open(complaints, atLeast: 2, minAgeDays: 0)
        XCTAssertEqual(e?.text, "3 complaints open, oldest since 20.08.2026 (invoice, delivery)")
        XCTAssertEqual(e?.key, "12+15+20")
    }

    func testOnlyComplaintsOpenLongEnoughCount() {
        let e = open(complaints, atLeast: 1, minAgeDays: 14)
        XCTAssertEqual(e?.text, "1 complaint open since 20.08.2026 (invoice)")
        XCTAssertEqual(e?.key, "15")
        XCTAssertNil(open(complaints, atLeast: 2, minAgeDays: 14))
        XCTAssertEqual(open(complaints, atLeast: 2, minAgeDays: 12)?.key, "12+15")   // 12 days is enough
    }

    func testResolvedComplaintsDoNotCountButOnesResolvedLaterDo() {
        XCTAssertNil(open(complaints.filter { !$0.isOpen(on: R.asOf) }, atLeast: 1, minAgeDays: 0))
        // Evaluated for a past day: resolved only after it, so still open then.
        let later = [ComplaintFact(id: 30, openedOn: R.day("2026-08-01"), resolvedOn: R.day("2026-09-20"), category: .service)]
        XCTAssertEqual(open(later, atLeast: 1, minAgeDays: 14)?.text, "1 complaint open since 01.08.2026 (service)")
        XCTAssertNil(open([ComplaintFact(id: 31, openedOn: R.day("2026-09-16"), category: .service)], atLeast: 1, minAgeDays: 0))
    }

    private func period(_ c: [ComplaintFact], atLeast: Int = 3, days: Int = 180) -> SignalEvidence? {
        SignalForms.complaintsInPeriod(R.facts { $0.complaints = c }, atLeast: atLeast, days: days)
    }

    func testRepeatedComplaintsCountResolvedOnesToo() {
        let e = period(complaints)
        XCTAssertEqual(e?.text, "4 complaints in the last 180 days (2 delivery, 1 product, 1 invoice), latest on 10.09.2026")
        XCTAssertEqual(e?.key, "20")
        XCTAssertNil(period(complaints, atLeast: 5))
    }

    func testWindowIsTheLastNDaysIncludingToday() {
        // 19.03.2026 is 180 days before 15.09.2026, 20.03. is 179.
        let edge = [
            ComplaintFact(id: 1, openedOn: R.day("2026-03-19"), category: .other),
            ComplaintFact(id: 2, openedOn: R.day("2026-03-20"), category: .other),
            ComplaintFact(id: 4, openedOn: R.day("2026-09-15"), category: .other),
            ComplaintFact(id: 5, openedOn: R.day("2026-09-16"), category: .other),
        ]
        XCTAssertEqual(period(edge, atLeast: 2)?.text, "2 complaints in the last 180 days (2 other), latest on 15.09.2026")
        XCTAssertEqual(period(edge, atLeast: 2)?.key, "4")
        XCTAssertNil(period(edge, atLeast: 3))
    }

    func testSameDayComplaintsTakeTheHigherIdAsNewest() {
        let same = [ComplaintFact(id: 40, openedOn: R.day("2026-09-01"), category: .price),
                    ComplaintFact(id: 41, openedOn: R.day("2026-09-01"), category: .invoice)]
        XCTAssertEqual(period(same, atLeast: 2)?.text, "2 complaints in the last 180 days (1 invoice, 1 price), latest on 01.09.2026")
        XCTAssertEqual(period(same, atLeast: 2)?.key, "41")
    }
}
