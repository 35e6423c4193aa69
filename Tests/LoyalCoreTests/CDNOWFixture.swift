import Foundation
import LoyalCore

/// The CDNOW 1/10 sample (Tests/Fixtures/cdnow) summarised the papers' way.
enum CDNOWFixture {
    struct Purchase {
        let customer: Int
        let day: Int
        let cents: Int64
    }

    static let calibrationEnd = civilDayNumber("1997-09-30")

    /// All rows of the CSV, sorted by customer and day as a database cursor would deliver them.
    static let purchases: [Purchase] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cdnow/cdnow_sample_transactions.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return Purchase(customer: Int(fields[0])!, day: civilDayNumber(fields[1]), cents: cents(fields[2]))
        }.sorted { ($0.customer, $0.day) < ($1.customer, $1.day) }
    }()

    /// Calibration-period summaries in weeks, one per customer.
    static let weeklySummaries: [PurchaseHistorySummary] = summaries(unitDays: 7)

    static func summaries(unitDays: Int) -> [PurchaseHistorySummary] {
        var stream = PurchaseHistoryStream<Int>(asOfDay: calibrationEnd, unitDays: unitDays)
        var result: [PurchaseHistorySummary] = []
        for p in purchases {
            if let done = stream.add(customer: p.customer, day: p.day, cents: p.cents) { result.append(done.summary) }
        }
        if let done = stream.finish() { result.append(done.summary) }
        return result
    }

    /// "12.30" → 1230, without a detour through Double.
    static func cents<S: StringProtocol>(_ text: S) -> Int64 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0])!
        guard parts.count > 1 else { return whole * 100 }
        let fraction = (String(parts[1]) + "00").prefix(2)
        return whole * 100 + Int64(fraction)!
    }
}

/// Days since 1970-01-01 of a proleptic-Gregorian "YYYY-MM-DD"
/// (H. Hinnant's days_from_civil), so the tests need no calendar or time zone.
func civilDayNumber<S: StringProtocol>(_ text: S) -> Int {
    let parts = text.split(separator: "-").map { Int($0)! }
    let month = parts[1], day = parts[2]
    let year = parts[0] - (month <= 2 ? 1 : 0)
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}
