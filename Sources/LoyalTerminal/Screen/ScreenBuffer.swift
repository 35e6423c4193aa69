/// One terminal cell: a grapheme and the role it is drawn with. The right half
/// of a double-width character is a cell of its own that holds no text, so
/// that column arithmetic stays simple everywhere else.
public struct Cell: Hashable, Sendable {
    /// One grapheme; " " when blank; "" for the right half of a wide character.
    public let text: String
    public let role: StyleRole
    /// True for the left half of a double-width character.
    public let isWide: Bool
    /// True for the right half of a double-width character.
    public let isContinuation: Bool

    init(_ text: String, role: StyleRole, isWide: Bool = false) {
        self.text = text
        self.role = role
        self.isWide = isWide
        self.isContinuation = false
    }

    private init(continuationOf role: StyleRole) {
        self.text = ""
        self.role = role
        self.isWide = false
        self.isContinuation = true
    }

    public static func blank(_ role: StyleRole = .normal) -> Cell { Cell(" ", role: role) }
    static func continuation(_ role: StyleRole) -> Cell { Cell(continuationOf: role) }
}

/// Where a text field wants the real terminal cursor. Screens without an
/// active input field leave it nil and the cursor stays hidden.
public struct CursorPosition: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// The screen as a value: screens draw into one of these, tests read it back
/// as text, and a terminal flushes the cells that differ from the last one.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var cursor: CursorPosition?

    public init(width: Int, height: Int, role: StyleRole = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public func cell(atRow row: Int, col: Int) -> Cell? {
        guard contains(row: row, col: col) else { return nil }
        return cells[row * width + col]
    }

    public func role(atRow row: Int, col: Int) -> StyleRole? {
        cell(atRow: row, col: col)?.role
    }

    /// The text of each row, exactly `width` columns wide (the right half of a
    /// wide character contributes nothing, its left half the whole grapheme).
    public var lines: [String] { (0..<height).map(line) }

    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var s = ""
        for cell in cells[row * width..<(row + 1) * width] where !cell.isContinuation {
            s += cell.text
        }
        return s
    }

    /// Writes `text` (cleaned by `Sanitizer`) from (`row`, `col`), using at most
    /// `maxWidth` columns and never past the right edge. A wide character that
    /// does not fit in the last column is drawn as a space. Graphemes of width
    /// 0 (a combining mark with nothing to combine with) are dropped, because a
    /// terminal would merge them into the neighbouring cell.
    /// Returns the number of columns painted.
    @discardableResult
    public mutating func put(
        row: Int, col: Int, _ text: String, role: StyleRole = .normal, maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(width, maxWidth.map { col + max(0, $0) } ?? width)
        var x = col
        // Only what fits is cleaned and measured: the loop ends at the edge, however
        // long the text (a one-megabyte name costs what an 80-column one does).
        for grapheme in Sanitizer.cleanPrefix(text, columns: max(0, limit - col)) {
            if x >= limit { break }
            let w = TextWidth.columns(of: grapheme)
            if w == 0 { continue }
            if x + w > limit {
                if x >= 0 { store(.blank(role), row: row, col: x) }
                x += 1
                break
            }
            if x >= 0 {
                store(Cell(String(grapheme), role: role, isWide: w == 2), row: row, col: x)
                if w == 2 { store(.continuation(role), row: row, col: x + 1) }
            } else if x + w > 0 {
                // The left half of a wide character is off screen.
                store(.blank(role), row: row, col: 0)
            }
            x += w
        }
        return max(0, x - max(col, 0))
    }

    /// Paints `width` columns from (`row`, `col`) with `character` (a space
    /// unless told otherwise) in `role`, clipped to the buffer.
    public mutating func fill(
        row: Int, col: Int, width count: Int, role: StyleRole = .normal, character: Character = " "
    ) {
        guard count > 0 else { return }
        let text = String(repeating: String(character), count: count)
        put(row: row, col: col, text, role: role, maxWidth: count)
    }

    /// Paints the whole buffer blank in `role` and hides the cursor.
    public mutating func clear(role: StyleRole = .normal) {
        cells = Array(repeating: .blank(role), count: width * height)
        cursor = nil
    }

    func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < height && col >= 0 && col < width
    }

    /// Sets one cell and repairs any wide character it cuts in half, so the
    /// buffer never holds half a character.
    private mutating func store(_ cell: Cell, row: Int, col: Int) {
        let i = row * width + col
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, col > 0, cells[i - 1].isWide {
            cells[i - 1] = .blank(cells[i - 1].role)
        }
        if old.isWide, !cell.isWide, col + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = .blank(cells[i + 1].role)
        }
        cells[i] = cell
    }
}
