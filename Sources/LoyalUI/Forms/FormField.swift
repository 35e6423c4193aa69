import LoyalCore
import LoyalTerminal

/// One field of a keyboard form, holding what was typed (always as text, so
/// nothing typed is lost even while it is invalid) and its inline error.
struct FormField {
    enum Kind: Equatable {
        case text, longText, money, day, birthday, email, phone, months
        /// One of fixed options; Space or ←/→ cycle through them.
        case choice([String])
    }

    let key: String
    let label: String
    let kind: Kind
    var input: TextField
    var error: String?
    /// How a choice's stored value reads (`phone` as "Telefon" in German); the value kept
    /// stays the stored one.
    var words: ((String) -> String)?

    init(_ key: String, _ label: String, _ kind: Kind, value: String) {
        self.key = key; self.label = label; self.kind = kind; input = TextField(value)
    }

    var value: String { input.text.trimmingSpacesAndNewlines }

    /// The field with its choices shown as the words of a catalogue section.
    func showing(_ words: @escaping (String) -> String) -> FormField {
        var f = self
        f.words = words
        return f
    }

    /// A choice as the user reads it.
    var shownChoice: String { input.text.isEmpty ? "" : words.map { $0(input.text) } ?? input.text }

    /// Checks the text against the field's kind; nil when valid.
    func problem(today: Day) -> String? {
        // Control characters and bidi overrides (pasted, or typed as raw keys) are refused
        // by the same rule as imports; the text stays in the field so nothing is lost.
        if let unsafe = TextSafety.problem(in: input.text, field: kind == .longText ? .freeText : .oneLine) { return unsafe }
        let v = value
        if v.isEmpty { return nil }
        switch kind {
        case .text, .longText, .choice: return nil
        case .money: return Money(parsing: v) == nil ? Text.tr("form.error_amount") : nil
        case .day: return Day(typed: v, today: today) == nil ? Text.tr("form.error_date") : nil
        case .birthday: return Birthday(parsing: v) == nil ? Text.tr("form.error_birthday") : nil
        case .email:
            let parts = v.split(separator: "@")
            return parts.count == 2 && parts[1].contains(".") && !v.contains(" ") ? nil : Text.tr("form.error_email")
        case .phone:
            return v.allSatisfy({ $0.isNumber || " +-/()".contains($0) }) ? nil : Text.tr("form.error_phone")
        case .months:
            return MonthRange.parse(v) == nil ? Text.tr("form.error_months") : nil
        }
    }

    mutating func handle(_ key: Key) -> Bool {
        if case .choice(let options) = kind {
            let i = options.firstIndex(of: input.text) ?? 0
            switch key {
            case .char(" "), .right: input = TextField(options[(i + 1) % options.count]); return true
            case .left: input = TextField(options[(i + options.count - 1) % options.count]); return true
            case .char(let c):
                // Typing the first letter picks the option.
                if let match = options.first(where: { $0.lowercased().hasPrefix(String(c).lowercased()) }) {
                    input = TextField(match)
                }
                return true
            default: return false
            }
        }
        if kind == .longText, key == .enter { return input.handle(.char("\n")) }
        return input.handle(key)
    }
}

/// Months of a high season: "11-12", "04-09", "12", "11-02" (over the new year).
enum MonthRange {
    static func parse(_ text: String) -> (from: Int, to: Int)? {
        let parts = text.split(separator: "-").map { $0.trimmingSpacesAndNewlines }
        guard (1...2).contains(parts.count), let a = Int(parts[0]), (1...12).contains(a) else { return nil }
        if parts.count == 1 { return (a, a) }
        guard let b = Int(parts[1]), (1...12).contains(b) else { return nil }
        return (a, b)
    }
}

extension StringProtocol {
    var trimmingSpacesAndNewlines: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
