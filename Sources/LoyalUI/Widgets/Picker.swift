import LoyalStore
import LoyalTerminal

/// The typed answer of a picker: the screen that opened it acts on the filters; an
/// effect is carried out by the app whatever screen is below.
enum PickerChoice {
    /// A rep's code, nil for every rep.
    case rep(String?)
    case sort(AccountSort)
    /// A signal kind, nil for every kind.
    case signalKind(String?)
    case effect(ScreenEffect)
}

/// A small list to choose one item from (rep filter, sort column, …).
struct Picker {
    var title: String
    var items: [String]
    var selected: Int
    /// What each item means, handed to the screen under the picker when it is chosen
    /// (one per item).
    var choices: [PickerChoice]

    init(title: String, items: [String], selected: Int, choices: [PickerChoice]) {
        precondition(items.count == choices.count, "one choice per item")
        self.title = title; self.items = items; self.selected = selected; self.choices = choices
    }

    mutating func handle(_ key: Key) -> PickerResult {
        switch key {
        case .down, .char("j"), .ctrl("n"): selected = min(items.count - 1, selected + 1)
        case .up, .char("k"), .ctrl("p"): selected = max(0, selected - 1)
        case .home, .char("g"): selected = 0
        case .end, .char("G"): selected = items.count - 1
        case .pageDown: selected = min(items.count - 1, selected + 10)
        case .pageUp: selected = max(0, selected - 10)
        case .enter, .char("l"), .right: return choices.indices.contains(selected) ? .chosen(choices[selected]) : .cancelled
        case .escape, .char("q"), .char("h"), .left: return .cancelled
        default: break
        }
        return .stay
    }

    enum PickerResult { case stay, chosen(PickerChoice), cancelled }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let width = min(area.width - 4, max(TextWidth.columns(of: title) + 6, (items.map { TextWidth.columns(of: $0) }.max() ?? 10) + 6))
        let box = area.centered(width: width, height: min(area.height - 2, items.count + 2))
        Box.draw(into: &buffer, box, title: title)
        let inner = box.inset(1)
        let top = max(0, min(selected - inner.height / 2, items.count - inner.height))
        for i in 0..<inner.height {
            let index = top + i
            guard index < items.count else { break }
            let role: StyleRole = index == selected ? .selected : .popup
            buffer.fill(row: inner.row + i, col: inner.col, width: inner.width, role: role)
            buffer.put(row: inner.row + i, col: inner.col + 1, items[index], role: role, maxWidth: inner.width - 2)
        }
    }
}

enum Box {
    /// A framed box filled with the popup role, with a title in the top edge.
    static func draw(into buffer: inout ScreenBuffer, _ box: Rect, title: String) {
        guard box.width >= 2, box.height >= 2 else { return }
        for r in box.row..<box.bottom { buffer.fill(row: r, col: box.col, width: box.width, role: .popup) }
        let horizontal = String(repeating: "─", count: box.width - 2)
        buffer.put(row: box.row, col: box.col, "┌" + horizontal + "┐", role: .border)
        buffer.put(row: box.bottom - 1, col: box.col, "└" + horizontal + "┘", role: .border)
        for r in (box.row + 1)..<(box.bottom - 1) {
            buffer.put(row: r, col: box.col, "│", role: .border)
            buffer.put(row: r, col: box.right - 1, "│", role: .border)
        }
        if !title.isEmpty {
            buffer.put(row: box.row, col: box.col + 2, " \(title) ", role: .title, maxWidth: box.width - 4)
        }
    }
}
