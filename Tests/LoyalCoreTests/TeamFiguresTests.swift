import XCTest
@testable import LoyalCore

/// The overview's arithmetic: NPS and satisfaction from counts, the windows, the team's sum.
final class TeamFiguresTests: XCTestCase {
    func testNPSIsPromotersMinusDetractorsInPercentRoundedHalfAwayFromZero() {
        XCTAssertNil(FeedbackCounts().nps)
        XCTAssertEqual(FeedbackCounts(npsAnswers: 3, promoters: 2).nps, 67)          // 66,7
        XCTAssertEqual(FeedbackCounts(npsAnswers: 3, detractors: 2).nps, -67)        // −66,7
        XCTAssertEqual(FeedbackCounts(npsAnswers: 8, promoters: 3, detractors: 2).nps, 13)   // 12,5 → 13
        XCTAssertEqual(FeedbackCounts(npsAnswers: 8, promoters: 2, detractors: 3).nps, -13)  // −12,5 → −13
        XCTAssertEqual(FeedbackCounts(npsAnswers: 4, promoters: 4).nps, 100)
    }

    func testSatisfactionIsTheMeanInTenths() {
        XCTAssertNil(FeedbackCounts(npsAnswers: 1).satisfactionTenths)
        XCTAssertEqual(FeedbackCounts(csatAnswers: 3, csatSum: 11).satisfactionTenths, 37)  // 3,67
        XCTAssertEqual(FeedbackCounts(csatAnswers: 4, csatSum: 17).satisfactionTenths, 43)  // 4,25 → 4,3
        XCTAssertEqual(Tenths.text(37), "3.7")
        XCTAssertEqual(Tenths.text(-2, decimalSeparator: ","), "-0,2")
        XCTAssertEqual(Tenths.text(15, plus: true), "+1.5")
    }

    func testTheChangeIsTheDifferenceOfTheShownFiguresAndNeedsBoth() {
        XCTAssertEqual(FigureTrend(now: 25, before: -50).change, 75)
        XCTAssertNil(FigureTrend(now: 25, before: nil).change)
        XCTAssertNil(FigureTrend(now: nil, before: 10).change)
    }

    func testWindowsAsOfMonday23November2026() {
        let w = TeamWindows(today: Day(year: 2026, month: 11, day: 23)!)
        XCTAssertEqual([w.activity.lowerBound.iso, w.activity.upperBound.iso], ["2026-10-24", "2026-11-23"])
        XCTAssertEqual([w.feedbackRecent.lowerBound.iso, w.feedbackPrevious.lowerBound.iso], ["2026-08-25", "2026-05-27"])
        XCTAssertEqual(w.feedbackPrevious.upperBound, w.feedbackRecent.lowerBound)
        XCTAssertEqual([w.year.lowerBound.iso, w.year.upperBound.iso], ["2025-11-24", "2026-11-23"])
    }

    func testTheTeamIsTheSumOfItsRowsAndNPSComesFromTheSummedCounts() {
        var a = TeamRow(kind: .rep, repCode: "AB", repName: "A")
        a.accounts = [1, 2, 3]; a.revenue12m = Money(cents: 150); a.atStake = Money(cents: 7)
        a.feedbackRecent = FeedbackCounts(npsAnswers: 1, promoters: 1)
        var b = TeamRow(kind: .unassigned, repCode: nil, repName: "")
        b.accounts = [0, 0, 4]; b.revenue12m = Money(cents: 1); b.lost = 2
        b.feedbackRecent = FeedbackCounts(npsAnswers: 2, detractors: 2)
        let team = TeamOverview(windows: TeamWindows(today: Day(number: 0)), rows: [a, b]).team
        XCTAssertEqual(team.accounts, [1, 2, 7])
        XCTAssertEqual(team.revenue12m, Money(cents: 151))
        XCTAssertEqual(team.atStake, Money(cents: 7))
        XCTAssertEqual(team.lost, 2)
        // 1 promoter and 2 detractors of 3: −33, not the mean of 100 and −100.
        XCTAssertEqual(team.nps.now, -33)
        XCTAssertTrue(TeamRow(kind: .rep, repCode: "X", repName: "X").isEmpty)
        XCTAssertFalse(a.isEmpty)
    }
}
