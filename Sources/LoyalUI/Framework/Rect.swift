/// A rectangle of the screen, in cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row; self.col = col; self.width = max(0, width); self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { col + width }

    public func contains(row r: Int, col c: Int) -> Bool {
        r >= row && r < bottom && c >= col && c < right
    }

    /// Splits off `count` rows from the top.
    public func top(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, col: col, width: width, height: n),
                Rect(row: row + n, col: col, width: width, height: height - n))
    }

    public func bottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, col: col, width: width, height: height - n),
                Rect(row: row + height - n, col: col, width: width, height: n))
    }

    public func inset(_ cells: Int) -> Rect {
        Rect(row: row + cells, col: col + cells, width: width - 2 * cells, height: height - 2 * cells)
    }

    /// A box of at most the given size, centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let ww = min(w, width), hh = min(h, height)
        return Rect(row: row + (height - hh) / 2, col: col + (width - ww) / 2, width: ww, height: hh)
    }
}
