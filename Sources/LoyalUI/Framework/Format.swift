import LoyalCore

/// Display forms of domain values, following the user's settings.
struct Format: Sendable {
    let display: DisplaySettings

    func money(_ m: Money?) -> String { m.map { display.money.format($0, withCents: false) } ?? "–" }
    func moneyCents(_ m: Money?) -> String { m.map { display.money.format($0) } ?? "–" }
    func compact(_ m: Money?) -> String { m.map { display.money.compact($0) } ?? "–" }
    func day(_ d: Day?) -> String { d.map(display.dateStyle.format) ?? "–" }

    /// `1,5` / `1.5`: a number with the decimal separator of amounts.
    func decimal(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x).replacing(".", with: display.money.decimalSeparator)
    }

    /// A day without its year for narrow grids: `04.12.` / `12-04`.
    func shortDay(_ d: Day) -> String {
        display.dateStyle == .german ? String(d.german.prefix(6)) : String(d.iso.suffix(5))
    }

    func percent(_ p: Double?) -> String { p.map { "\(Int(($0 * 100).rounded())) %" } ?? "–" }

    /// Risk 0–1 as 0–100, blank when nothing has been evaluated.
    func risk(_ r: Double) -> String { r <= 0 ? "–" : String(Int((r * 100).rounded())) }

    func birthday(_ b: Birthday?, on day: Day) -> String {
        guard let b else { return "–" }
        let date = display.dateStyle == .german
            ? "\(pad2(b.day)).\(pad2(b.month))." + (b.year.map(String.init) ?? "")
            : b.description
        if let age = b.age(on: day) { return "\(date) (\(age))" }
        return date
    }

    private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
