import LoyalTerminal

/// A bar chart of monthly values in block characters, several rows high,
/// so a 36-month revenue history reads at a glance.
enum BarChart {
    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Rows of text, top first; each value gets one column.
    static func rows(_ values: [Int64], height: Int) -> [String] {
        let maxValue = max(1, values.max() ?? 1)
        let levels = values.map { v -> Int in
            guard v > 0 else { return 0 }
            // At least one eighth so a small month is not drawn as nothing.
            return max(1, Int((Double(v) / Double(maxValue) * Double(height * 8)).rounded()))
        }
        return (0..<height).map { r in
            let floor = (height - 1 - r) * 8
            return String(levels.map { level in blocks[min(8, max(0, level - floor))] })
        }
    }
}
