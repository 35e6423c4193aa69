/// How many colours the terminal can show.
public enum ColorMode: String, Sendable, CaseIterable {
    /// 24-bit colour. ncurses only sends it when the terminfo entry is a
    /// direct-colour one (TERM=xterm-direct and friends).
    case trueColor = "truecolor"
    case c256 = "256"
    case c8 = "8"
    /// No colour: every role falls back to its monochrome attributes.
    case none

    /// The mode for a terminal reporting `terminalColors` (ncurses' COLORS,
    /// 0 when it has none). NO_COLOR with any non-empty value means none
    /// (https://no-color.org).
    public static func detect(terminalColors: Int, environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        switch terminalColors {
        case 0x1000000...: return .trueColor
        case 256...: return .c256
        case 8...: return .c8
        default: return .none
        }
    }
}

/// Text attributes a role can ask for. They work without colour, which is
/// what keeps a monochrome terminal usable.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// The names used in theme files, in a stable order.
    public static let names: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    public init?(name: String) {
        guard let found = TextAttributes.names.first(where: { $0.name == name }) else { return nil }
        self = found.attribute
    }
}
