import LoyalCore
import XCTest

final class RFMScoreTests: XCTestCase {
    func testQuintilesWithTies() {
        // Ten customers. Score = 1 + ⌊5 · (number strictly worse) / 10⌋.
        let rows: [(String, Int, Int, Int64)] = [
            //  id  last day  purchases  cents
            ("a", 100, 1, 1_000),
            ("b", 200, 1, 2_000),
            ("c", 300, 1, 3_000),
            ("d", 400, 1, 4_000),
            ("e", 500, 2, 5_000),
            ("f", 600, 2, 6_000),
            ("g", 700, 3, 7_000),
            ("h", 700, 5, 7_000),
            ("i", 900, 8, 9_000),
            ("j", 950, 8, 50_000),
        ]
        let scores = RFMScore.quintiles(rows.map {
            RFMInput(id: $0.0, lastPurchaseDay: $0.1, frequency: $0.2, monetaryCents: $0.3)
        })
        XCTAssertEqual(scores.map(\.id), rows.map(\.0))
        // Recency: strictly earlier counts 0,1,…,6,6,8,9 → g and h tie at 4 (6 worse).
        XCTAssertEqual(scores.map(\.recency), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        // Frequency: four 1s (0 worse) → 1; two 2s (4 worse) → 3; 3 (6) → 4; 5 (7) → 4; two 8s (8) → 5.
        XCTAssertEqual(scores.map(\.frequency), [1, 1, 1, 1, 3, 3, 4, 4, 5, 5])
        XCTAssertEqual(scores.map(\.monetary), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        XCTAssertEqual(scores.map(\.code), ["111", "111", "212", "212", "333", "333", "444", "444", "555", "555"])
    }

    func testIndependentOfInputOrderAndEdgeCases() {
        let inputs = (0..<23).map { RFMInput(id: $0, lastPurchaseDay: $0 % 7, frequency: $0 % 3, monetaryCents: Int64($0)) }
        let forward = RFMScore.quintiles(inputs)
        let backward = RFMScore.quintiles(inputs.reversed())
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: forward.map { ($0.id, $0) }),
                       Dictionary(uniqueKeysWithValues: backward.map { ($0.id, $0) }))
        XCTAssertTrue(RFMScore<Int>.quintiles([]).isEmpty)
        let single = RFMScore.quintiles([RFMInput(id: 1, lastPurchaseDay: 5, frequency: 1, monetaryCents: 10)])
        XCTAssertEqual(single.first?.code, "111")
        // Everybody equal: nobody is strictly better than anyone.
        let same = RFMScore.quintiles((0..<5).map { RFMInput(id: $0, lastPurchaseDay: 1, frequency: 1, monetaryCents: 1) })
        XCTAssertEqual(Set(same.map(\.code)), ["111"])
    }
}
