extension Key {
    /// Reads a key written the way `description` writes it, so key bindings
    /// can live in data files. Names are case-insensitive ("pgdn", "ESC");
    /// modifiers may be written "Ctrl-", "C-", "^", "Alt-", "M-" or "Meta-".
    /// A single character stands for itself ("q", "?", "-"); "Space" is " ".
    /// Returns nil for anything else, so a typo in a binding file can be
    /// reported instead of silently binding nothing.
    public init?(parsing text: String) {
        let s = text.trimmingSpaces
        guard !s.isEmpty else { return nil }
        if s.count == 1, let c = s.first {
            self = .char(c)
            return
        }
        let lower = s.lowercased()
        if lower == "space" {
            self = .char(" ")
            return
        }
        if let key = Key.namedKeys.first(where: { $0.name.lowercased() == lower })?.key {
            self = key
            return
        }
        if lower.first == "f", let n = Int(lower.dropFirst()), (1...63).contains(n) {
            self = .function(n)
            return
        }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) && s.count > prefix.count {
            guard let c = Key.modifiedCharacter(String(s.dropFirst(prefix.count))) else { return nil }
            self = Key.control(c)
            return
        }
        for prefix in ["alt-", "meta-", "m-"] where lower.hasPrefix(prefix) && s.count > prefix.count {
            guard let c = Key.modifiedCharacter(String(s.dropFirst(prefix.count))) else { return nil }
            self = .alt(c)
            return
        }
        return nil
    }

    private static func modifiedCharacter(_ rest: String) -> Character? {
        if rest.lowercased() == "space" { return " " }
        guard rest.count == 1 else { return nil }
        return rest.first
    }

    /// Ctrl plus a character, folded the way a terminal folds it: Ctrl-I is
    /// Tab, Ctrl-M Enter, Ctrl-H Backspace, Ctrl-[ Esc, Ctrl-@ Ctrl-Space.
    private static func control(_ c: Character) -> Key {
        switch c.lowercased() {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        case "[": return .escape
        case "@": return .ctrl(" ")
        default:
            let lower = c.lowercased()
            return .ctrl(lower.count == 1 ? Character(lower) : c)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
