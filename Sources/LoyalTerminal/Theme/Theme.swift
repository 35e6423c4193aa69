/// How one role looks, as a theme file says it.
public struct RoleStyle: Hashable, Sendable {
    /// Nil: use `normal`'s colour.
    public var fg: TerminalColor?
    public var bg: TerminalColor?
    public var attributes: TextAttributes
    /// Attributes used when there is no colour. Nil: the role's own
    /// attributes if it names no colour, otherwise Loyal's built-in choice.
    public var monochrome: TextAttributes?

    public init(fg: TerminalColor? = nil, bg: TerminalColor? = nil,
                attributes: TextAttributes = [], monochrome: TextAttributes? = nil) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
        self.monochrome = monochrome
    }
}

/// A role as the terminal should draw it right now: colours already adapted
/// to the terminal's colour mode (nil: the terminal's default).
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: TerminalColor?
    public var bg: TerminalColor?
    public var attributes: TextAttributes

    public init(fg: TerminalColor? = nil, bg: TerminalColor? = nil, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}

/// A loaded theme: a style per role. Roles the theme does not name look like
/// `normal` plus their built-in monochrome attributes, so a theme that only
/// sets a few colours still shows the selection, titles and errors.
public struct Theme: Hashable, Sendable {
    public let name: String
    public let roles: [StyleRole: RoleStyle]

    public init(name: String, roles: [StyleRole: RoleStyle]) {
        self.name = name
        self.roles = roles
    }

    /// The theme used when no theme file can be loaded at all: no colours,
    /// only the built-in attributes. Colours live in theme files, never here.
    public static let builtin = Theme(name: "builtin", roles: [:])

    public func style(for role: StyleRole, mode: ColorMode) -> ResolvedStyle {
        if mode == .none {
            return ResolvedStyle(attributes: monochromeAttributes(for: role))
        }
        let normal = roles[.normal]
        guard let style = roles[role] else {
            return ResolvedStyle(
                fg: normal?.fg?.adapted(to: mode), bg: normal?.bg?.adapted(to: mode),
                attributes: Theme.builtinMonochrome(role))
        }
        return ResolvedStyle(
            fg: (style.fg ?? normal?.fg)?.adapted(to: mode),
            bg: (style.bg ?? normal?.bg)?.adapted(to: mode),
            attributes: style.attributes)
    }

    func monochromeAttributes(for role: StyleRole) -> TextAttributes {
        guard let style = roles[role] else { return Theme.builtinMonochrome(role) }
        if let mono = style.monochrome { return mono }
        if style.fg == nil, style.bg == nil { return style.attributes }
        return Theme.builtinMonochrome(role)
    }

    /// How each role stays recognisable without colour (htop's monochrome
    /// scheme does the same): selection and bars reversed, emphasis bold,
    /// secondary text dim, fields underlined.
    public static func builtinMonochrome(_ role: StyleRole) -> TextAttributes {
        switch role {
        case .normal, .border, .popup, .classB, .riskLow, .success, .chart: return []
        case .dim, .classC, .blocked, .done: return .dim
        case .title, .classA, .riskMedium, .overdue, .trendUp, .warning, .helpKey: return .bold
        case .header: return [.bold, .underline]
        case .tabActive: return [.reverse, .bold]
        case .tabInactive: return .underline
        case .statusBar, .selected, .inputFocused: return .reverse
        case .statusKey, .error: return [.reverse, .bold]
        case .riskHigh, .searchMatch: return [.bold, .underline]
        case .trendDown, .inputField: return .underline
        }
    }
}
