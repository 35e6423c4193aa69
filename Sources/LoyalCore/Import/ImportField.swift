/// What an import column holds, which decides how it is parsed and what the
/// error message says was expected.
public enum ImportFieldKind: Sendable {
    case text, integer, day, money, birthday, flag, channel, customerClass, lostReason, interactionKind, customerKind

    /// What was expected, in the language in use (`expected YYYY-MM-DD or DD.MM.YYYY`).
    public var expected: String {
        switch self {
        case .text: return Text.tr("import_check.expected_text")
        case .integer: return Text.tr("import_check.expected_integer")
        case .day: return Text.tr("import_check.expected_day")
        case .money: return Text.tr("import_check.expected_money")
        case .birthday: return Text.tr("import_check.expected_birthday")
        case .flag: return Text.tr("import_check.expected_flag")
        case .channel: return Text.tr("import_check.expected_one_of", Channel.allCases.map(\.rawValue).joined(separator: ", "))
        case .customerClass: return Text.tr("import_check.expected_class")
        case .customerKind: return Text.tr("import_check.expected_customer_kind")
        case .lostReason: return Text.tr("import_check.expected_one_of", LostReason.allCases.map(\.rawValue).joined(separator: ", "))
        case .interactionKind:
            return Text.tr("import_check.expected_one_of", InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// `"31.02.2026" is not a date (expected …)`: the cell as written and what was expected.
    func notA(_ raw: String) -> String {
        let key: String
        switch self {
        case .text: key = "import_check.not_text"
        case .integer: key = "import_check.not_integer"
        case .day: key = "import_check.not_day"
        case .money: key = "import_check.not_money"
        case .birthday: key = "import_check.not_birthday"
        case .flag: key = "import_check.not_flag"
        case .channel: key = "import_check.not_channel"
        case .customerClass: key = "import_check.not_class"
        case .customerKind: key = "import_check.not_customer_kind"
        case .lostReason: key = "import_check.not_lost_reason"
        case .interactionKind: key = "import_check.not_interaction_kind"
        }
        return Text.tr(key, raw, expected)
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
