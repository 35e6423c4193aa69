/// What changed between two frames. Both terminals use it: the in-memory one
/// to let tests check that a keystroke repaints only what it should, the
/// ncurses one to write only those cells.
public enum ScreenDiff {
    /// Number of cells that differ. Everything counts when there was no
    /// previous frame or its size differs.
    public static func changedCellCount(from old: ScreenBuffer?, to new: ScreenBuffer) -> Int {
        guard let old, old.width == new.width, old.height == new.height else {
            return new.width * new.height
        }
        var count = 0
        for i in new.cells.indices where old.cells[i] != new.cells[i] { count += 1 }
        return count
    }

    /// Per row, the columns a terminal has to rewrite, in ascending order.
    /// A changed half of a wide character pulls in its other half, and a cell
    /// that used to be part of a wide character pulls in that character's
    /// other column, so no stale half is left on screen. Continuation cells
    /// are not listed: writing the left half covers them.
    static func columnsToWrite(from old: ScreenBuffer?, to new: ScreenBuffer) -> [(row: Int, cols: [Int])] {
        let width = new.width
        guard let old, old.width == width, old.height == new.height else {
            return (0..<new.height).map { row in
                (row, (0..<width).filter { !new.cells[row * width + $0].isContinuation })
            }
        }
        var result: [(row: Int, cols: [Int])] = []
        var marked = [Bool](repeating: false, count: width)
        for row in 0..<new.height {
            let base = row * width
            var any = false
            for col in 0..<width where old.cells[base + col] != new.cells[base + col] {
                any = true
                marked[col] = true
                let o = old.cells[base + col], n = new.cells[base + col]
                if (o.isContinuation || n.isContinuation), col > 0 { marked[col - 1] = true }
                if (o.isWide || n.isWide), col + 1 < width { marked[col + 1] = true }
            }
            guard any else { continue }
            var cols: [Int] = []
            for col in 0..<width where marked[col] {
                marked[col] = false
                if new.cells[base + col].isContinuation {
                    // Make sure the wide character owning this half is written.
                    if col > 0, cols.last != col - 1 { cols.append(col - 1) }
                } else {
                    cols.append(col)
                }
            }
            result.append((row, cols))
        }
        return result
    }
}
