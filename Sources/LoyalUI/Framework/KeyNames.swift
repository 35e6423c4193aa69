import LoyalCore
import LoyalTerminal

extension Key {
    /// The key as help screens, status lines and `loyal keys` show it, in the language in
    /// use: English as `description` (`Enter`, `PgDn`, `Space`), German as the keyboard says
    /// (`Eingabe`, `Bild↓`, `Leertaste`, `Pos1`, `Strg-L`). Key-binding files keep
    /// `description`, which `Key(parsing:)` reads.
    public var shownName: String {
        let name = description
        switch self {
        case .char(" "): return Text.tr("key_name.space")
        case .char, .alt, .function: return name
        case .ctrl: return Text.tr("key_name.ctrl", String(name.dropFirst("Ctrl-".count)))
        default:
            let key = "key_name.\(name.lowercased().replacing("-", with: "_"))"
            return Text.has(key) ? Text.tr(key) : name
        }
    }
}
