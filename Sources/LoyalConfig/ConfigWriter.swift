import LoyalCore
import LoyalTOML

/// Writes values the way the reader reads them back.
enum ConfigWriter {
    static func number(_ d: Double) -> String { TOMLText.number(d) }

    /// Whole units without cents ("2000"), else with them ("2000.5").
    static func money(_ m: Money) -> String {
        m.cents % 100 == 0 ? String(m.cents / 100) : String(Double(m.cents) / 100)
    }

    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
}
