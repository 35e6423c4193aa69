import XCTest
@testable import LoyalCore

/// at risk → plan in place → saving → recovered | lost.
final class RetentionStageTests: XCTestCase {
    private func next(_ stage: RetentionStage?, _ event: RetentionEvent) -> RetentionStage? {
        RetentionStage.after(event, from: stage)
    }

    func testTheMainPath() {
        XCTAssertEqual(next(nil, .signalOpened), .atRisk)
        XCTAssertEqual(next(.atRisk, .planApplied), .planInPlace)
        XCTAssertEqual(next(.planInPlace, .plannedContactDone), .saving)
        XCTAssertEqual(next(.saving, .allSignalsResolved), .recovered)
        XCTAssertEqual(next(.recovered, .signalOpened), .atRisk)
    }

    func testShortcuts() {
        XCTAssertEqual(next(.atRisk, .plannedContactDone), .saving)        // the rep called without a plan
        XCTAssertEqual(next(.atRisk, .allSignalsResolved), .recovered)     // the signal went away on its own
        XCTAssertEqual(next(.planInPlace, .allSignalsResolved), .recovered)
    }

    func testLostFromAnywhereAndFinal() {
        for stage: RetentionStage? in [nil, .atRisk, .planInPlace, .saving, .recovered] {
            XCTAssertEqual(next(stage, .markedLost), .lost)
        }
        for event in RetentionEvent.allCases where event != .returned { XCTAssertEqual(next(.lost, event), .lost) }
    }

    func testAReturneeIsRecoveredAndANewSignalStartsTheNextEpisode() {
        XCTAssertEqual(next(.lost, .returned), .recovered)
        XCTAssertEqual(next(.recovered, .signalOpened), .atRisk)
        for stage: RetentionStage? in [nil, .atRisk, .planInPlace, .saving, .recovered] {
            XCTAssertEqual(next(stage, .returned), stage)
        }
    }

    func testEventsThatDoNotApplyChangeNothing() {
        XCTAssertNil(next(nil, .planApplied))
        XCTAssertNil(next(nil, .plannedContactDone))
        XCTAssertNil(next(nil, .allSignalsResolved))
        XCTAssertEqual(next(.planInPlace, .signalOpened), .planInPlace)    // more signals do not undo the plan
        XCTAssertEqual(next(.saving, .signalOpened), .saving)
        XCTAssertEqual(next(.saving, .planApplied), .saving)
        XCTAssertEqual(next(.planInPlace, .planApplied), .planInPlace)
        XCTAssertEqual(next(.recovered, .allSignalsResolved), .recovered)
        XCTAssertEqual(next(.recovered, .plannedContactDone), .recovered)
    }

    func testDaysInEachStage() {
        let h = StageHistory(events: [
            (.signalOpened, R.day("2026-09-01")),
            (.planApplied, R.day("2026-09-03")),
            (.planApplied, R.day("2026-09-04")),          // no change, no entry
            (.plannedContactDone, R.day("2026-09-10")),
            (.allSignalsResolved, R.day("2026-10-10")),
            (.signalOpened, R.day("2026-11-01")),
            (.markedLost, R.day("2026-12-01")),
        ])
        XCTAssertEqual(h.entries.map(\.stage), [.atRisk, .planInPlace, .saving, .recovered, .atRisk, .lost])
        let asOf = R.day("2026-12-15")
        XCTAssertEqual(h.days(in: .atRisk, asOf: asOf), 2 + 30)       // 01.–03.09. and 01.11.–01.12.
        XCTAssertEqual(h.days(in: .planInPlace, asOf: asOf), 7)
        XCTAssertEqual(h.days(in: .saving, asOf: asOf), 30)
        XCTAssertEqual(h.days(in: .recovered, asOf: asOf), 22)
        XCTAssertEqual(h.days(in: .lost, asOf: asOf), 14)
        XCTAssertEqual(h.current, .lost)
        XCTAssertEqual(h.daysInCurrentStage(asOf: asOf), 14)
    }

    func testCurrentStageCountsUpToTheAsOfDay() {
        var h = StageHistory()
        XCTAssertNil(h.current)
        XCTAssertEqual(h.daysInCurrentStage(asOf: R.asOf), 0)
        h.apply(.signalOpened, on: R.day("2026-09-10"))
        XCTAssertEqual(h.daysInCurrentStage(asOf: R.day("2026-09-10")), 0)
        XCTAssertEqual(h.daysInCurrentStage(asOf: R.asOf), 5)
        XCTAssertEqual(h.days(in: .atRisk, asOf: R.asOf), 5)
        XCTAssertEqual(h.days(in: .saving, asOf: R.asOf), 0)
        XCTAssertEqual(RetentionStage.allCases.map(\.label), ["at risk", "plan in place", "saving", "recovered", "lost"])
    }
}
