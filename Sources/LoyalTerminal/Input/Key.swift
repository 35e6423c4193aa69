/// A key press, independent of how the terminal encoded it.
///
/// `ctrl` and `alt` carry the character as typed without modifiers; control
/// letters are lowercase (`.ctrl("l")`). Ctrl-I, Ctrl-M, Ctrl-H and Ctrl-[
/// are the same bytes as Tab, Enter, Backspace and Esc, so they only ever
/// arrive as those keys.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case insert, delete, backspace
    case enter, tab, backTab, escape
    case function(Int)
}

extension Key: CustomStringConvertible {
    /// How the key is written in help screens, status bars and key-binding
    /// files: "Ctrl-L", "Alt-x", "PgDn", "F1", "Shift-Tab", "Space", "q".
    /// `Key(parsing:)` reads every description back.
    public var description: String {
        switch self {
        case .char(let c): return c == " " ? "Space" : String(c)
        case .ctrl(let c): return "Ctrl-" + Key.modifiedName(c, uppercase: true)
        case .alt(let c): return "Alt-" + Key.modifiedName(c, uppercase: false)
        case .function(let n): return "F\(n)"
        default:
            return Key.namedKeys.first { $0.key == self }?.name ?? "?"
        }
    }

    private static func modifiedName(_ c: Character, uppercase: Bool) -> String {
        if c == " " { return "Space" }
        return uppercase ? c.uppercased() : String(c)
    }

    /// Canonical names first; the parser also accepts the aliases after them.
    static let namedKeys: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Ins", .insert), ("Del", .delete), ("Backspace", .backspace),
        ("Enter", .enter), ("Tab", .tab), ("Shift-Tab", .backTab), ("Esc", .escape),
        // aliases
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("Insert", .insert),
        ("Delete", .delete), ("BS", .backspace), ("Return", .enter), ("BackTab", .backTab),
        ("BTab", .backTab), ("S-Tab", .backTab), ("Escape", .escape),
    ]
}
