import ArgumentParser

/// The bounds of numeric options, checked in `validate()` before anything is opened or
/// created, so a typo like `--days 9223372036854775807` is a usage error (exit 64), not a
/// trap in date arithmetic.
enum Limits {
    /// Days ahead in the agenda: ten years.
    static let days = 1...3660
    /// Rows a list prints; 0 means all.
    static let rows = 0...10_000_000
    /// Problems an import lists.
    static let problems = 1...100_000
    /// `report value --predict`: a century of days.
    static let predictUnits = 36_500.0

    static func check(_ value: Int, in range: ClosedRange<Int>, option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound) (got \(value))")
        }
    }
}
