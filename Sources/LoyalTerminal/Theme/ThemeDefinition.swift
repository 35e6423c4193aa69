/// One theme file as written, before inheritance and palette names are
/// resolved (a child theme may use, or redefine, its parent's palette).
struct ThemeDefinition: Sendable {
    /// A colour as written in a role: a palette name or a literal colour.
    enum ColorReference: Hashable, Sendable {
        case name(String)
        case index(Int)
    }

    struct Role: Sendable {
        var fg: ColorReference?
        var bg: ColorReference?
        var attributes: TextAttributes = []
        var monochrome: TextAttributes?
        /// Where the role is written, for diagnostics after merging.
        var file: String
        var line: Int?
        var key: String
    }

    var file: String
    var name: String?
    var description: String?
    var inherits: String?
    var inheritsLine: Int?
    var palette: [String: TerminalColor] = [:]
    var roles: [StyleRole: Role] = [:]

    init(file: String) {
        self.file = file
    }

    /// `self` laid over `parent`: palette entries and whole roles named here
    /// replace the parent's.
    func merged(over parent: ThemeDefinition) -> ThemeDefinition {
        var result = self
        result.palette = parent.palette.merging(palette) { _, mine in mine }
        result.roles = parent.roles.merging(roles) { _, mine in mine }
        return result
    }

    /// Turns palette names into colours. Unknown names are diagnostics.
    func resolve() -> (Theme, [ThemeDiagnostic]) {
        var diagnostics: [ThemeDiagnostic] = []
        var styles: [StyleRole: RoleStyle] = [:]
        for role in StyleRole.allCases {
            guard let spec = roles[role] else { continue }
            func color(_ reference: ColorReference?, _ which: String) -> TerminalColor? {
                guard let reference else { return nil }
                switch reference {
                case .index(let n):
                    return .indexed(n)
                case .name(let name):
                    if let c = palette[name] ?? TerminalColor(parsing: name) { return c }
                    diagnostics.append(ThemeDiagnostic(
                        file: spec.file, line: spec.line, key: "\(spec.key).\(which)",
                        message: "\"\(name)\" is neither in [palette] nor a colour (\(ThemeDefinition.colourSyntax))"))
                    return nil
                }
            }
            styles[role] = RoleStyle(
                fg: color(spec.fg, "fg"), bg: color(spec.bg, "bg"),
                attributes: spec.attributes, monochrome: spec.monochrome)
        }
        return (Theme(name: name ?? "unnamed", roles: styles), diagnostics)
    }

    static let colourSyntax = "use \"#rrggbb\", 0–255, a basic colour name such as \"red\" or \"bright_red\", or \"default\""
}
