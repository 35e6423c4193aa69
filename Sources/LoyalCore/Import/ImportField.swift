/// What an import column holds, which decides how it is parsed and what the
/// error message says was expected.
public enum ImportFieldKind: Sendable {
    case text, integer, day, money, birthday, flag, channel, customerClass, lostReason, interactionKind, customerKind

    public var expected: String {
        switch self {
        case .text: return "text"
        case .integer: return "expected digits such as 12 or 1.200"
        case .day: return "expected YYYY-MM-DD or DD.MM.YYYY"
        case .money: return "expected an amount such as 1234.56 or 1.234,56"
        case .birthday: return "expected YYYY-MM-DD or DD.MM.YYYY (a time after it is allowed), or without a year --MM-DD, MM-DD or DD.MM."
        case .flag: return "expected yes/no, ja/nein, true/false, 1/0 or x"
        case .channel: return "expected one of " + Channel.allCases.map(\.rawValue).joined(separator: ", ")
        case .customerClass: return "expected A, B or C"
        case .customerKind: return "expected business or consumer (B2B/B2C, Firma/Privat)"
        case .lostReason: return "expected one of " + LostReason.allCases.map(\.rawValue).joined(separator: ", ")
        case .interactionKind: return "expected one of " + InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    var noun: String {
        switch self {
        case .text: return "text"
        case .integer: return "a whole number"
        case .day: return "a date"
        case .money: return "an amount"
        case .birthday: return "a birthday"
        case .flag: return "yes or no"
        case .channel: return "a channel"
        case .customerClass: return "a class"
        case .customerKind: return "a kind of customer"
        case .lostReason: return "a reason"
        case .interactionKind: return "a kind of contact"
        }
    }
}

/// One column an import understands, with every header name accepted for it.
public struct ImportField: Sendable {
    public var key: String
    public var aliases: [String]
    public var kind: ImportFieldKind
    public var required: Bool
    public var help: String
    /// A cell that may list several values, one a line (a contact's e-mails and phones).
    public var severalPerCell = false

    /// Free text may hold line breaks; every other field is one line (see `TextSafety`).
    public var textSafety: TextSafety.Field {
        // A street may be a block ("Am Markt 1" / "Hinterhaus"), as address exports write it.
        severalPerCell || ["notes", "preferences", "complaint", "street"].contains(key) ? .freeText : .oneLine
    }

    public init(_ key: String, _ kind: ImportFieldKind, required: Bool = false, aliases: [String], help: String,
                severalPerCell: Bool = false) {
        self.key = key; self.kind = kind; self.required = required; self.aliases = aliases; self.help = help
        self.severalPerCell = severalPerCell
    }

    /// Header names compare without case, spaces, dashes, dots, underscores and umlauts,
    /// so `E-Mail`, `email` and `E_Mail` are one name, as are `Straße` and `strasse`.
    public static func normalize(_ header: some StringProtocol) -> String {
        var out = ""
        for ch in header.lowercased() {
            switch ch {
            case " ", "-", "_", ".", "/", "(", ")", "#", ":", "\u{FEFF}": continue
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default: out.append(ch)
            }
        }
        return out
    }

    func matches(_ normalizedHeader: String) -> Bool {
        ImportField.normalize(key) == normalizedHeader
            || aliases.contains { ImportField.normalize($0) == normalizedHeader }
    }
}

public enum ImportEntity: String, CaseIterable, Sendable {
    case customers, contacts, products, purchases, feedback, absences

    public var fields: [ImportField] {
        switch self {
        case .customers: return ImportFields.customers
        case .contacts: return ImportFields.contacts
        case .products: return ImportFields.products
        case .purchases: return ImportFields.purchases
        case .feedback: return ImportFields.feedback
        case .absences: return ImportFields.absences
        }
    }

    /// Columns of which at least one must be there: a person is named by a last name or a whole name.
    public var requiredOneOf: [[String]] {
        self == .contacts ? [["last_name", "name"]] : []
    }
}

extension ImportEntity {
    /// The accepted column names as a Markdown table (`--columns` and the README).
    public var columnsMarkdown: String {
        var out = "| field | accepted header names | meaning |\n|---|---|---|\n"
        for f in fields {
            let names = ([f.key] + f.aliases).map { "`\($0)`" }.joined(separator: ", ")
            let oneOf = requiredOneOf.first { $0.contains(f.key) }.map { " (required: " + $0.joined(separator: " or ") + ")" }
            out += "| \(f.key)\(f.required ? " (required)" : oneOf ?? "") | \(names) | \(f.help) |\n"
        }
        return out
    }
}
