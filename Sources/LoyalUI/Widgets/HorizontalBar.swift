/// Bars that grow to the right, for comparing a few figures side by side (the team
/// overview's classes and value at stake per rep).
enum HorizontalBar {
    /// A cell filled to 1…7 eighths, then the full block.
    static let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value / maxValue` of `width` cells, to an eighth of a cell. A value above zero
    /// gets at least an eighth, so a small one is not drawn as nothing.
    static func bar(_ value: Int64, of maxValue: Int64, width: Int) -> String {
        guard value > 0, maxValue > 0, width > 0 else { return "" }
        let total = width * 8
        let filled = min(total, max(1, Int((Double(value) / Double(maxValue) * Double(total)).rounded())))
        return String(repeating: "█", count: filled / 8) + eighths[filled % 8]
    }

    /// Whole cells for each part of a stacked bar whose length is `sum(parts) / maxTotal`
    /// of `width`: the parts share the bar's cells by largest remainder, so the segments
    /// always add up to the bar.
    static func segments(_ parts: [Int], of maxTotal: Int, width: Int) -> [Int] {
        let sum = parts.reduce(0, +)
        guard sum > 0, maxTotal > 0, width > 0 else { return parts.map { _ in 0 } }
        let length = min(width, max(1, Int((Double(sum) / Double(maxTotal) * Double(width)).rounded())))
        var cells = parts.map { $0 * length / sum }
        let remainders = parts.map { $0 * length % sum }
        let byRemainder = parts.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in byRemainder.prefix(length - cells.reduce(0, +)) { cells[i] += 1 }
        return cells
    }
}
