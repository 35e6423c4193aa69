import LoyalTOML

/// Reads one theme file. Every mistake becomes a diagnostic with the file, line and key,
/// and parsing goes on, so a user sees all problems at once.
enum ThemeParser {
    static let topLevelKeys = ["name", "description", "inherits", "palette", "roles"]
    static let roleKeys = ["fg", "bg", "mono"] + TextAttributes.names.map(\.name)
    static let colour = "a colour (\(ThemeDefinition.colourSyntax))"

    static func parse(text: String, file: String) -> (ThemeDefinition, [ThemeDiagnostic]) {
        var definition = ThemeDefinition(file: file)
        let root: TOMLNode
        do { root = try TOMLNode.parse(text, file: file) } catch { return (definition, [error]) }
        var diagnostics: [ThemeDiagnostic] = []
        func collect(_ read: () throws(TOMLError) -> Void) {
            do { try read() } catch { diagnostics.append(error) }
        }
        for (key, node) in (try? root.entries()) ?? [] {
            collect { () throws(TOMLError) in
                switch key {
                case "name": definition.name = try node.string()
                case "description": definition.description = try node.string()
                case "inherits":
                    definition.inherits = try node.string()
                    definition.inheritsLine = node.line
                case "palette":
                    for (name, value) in try node.entries("a table of colours") {
                        collect { () throws(TOMLError) in definition.palette[name] = try literalColour(value) }
                    }
                case "roles":
                    for (name, spec) in try node.entries() {
                        if let role = parseRole(spec, name: name, file: file, diagnostics: &diagnostics) {
                            definition.roles[role.0] = role.1
                        }
                    }
                default:
                    throw node.error("is not a known key (known: \(topLevelKeys.joined(separator: ", ")))")
                }
            }
        }
        diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (definition, diagnostics)
    }

    /// The role, or nil when it is no role or no table; problems go to `diagnostics`.
    private static func parseRole(
        _ node: TOMLNode, name: String, file: String, diagnostics: inout [ThemeDiagnostic]
    ) -> (StyleRole, ThemeDefinition.Role)? {
        func collect(_ read: () throws(TOMLError) -> Void) {
            do { try read() } catch { diagnostics.append(error) }
        }
        guard let role = StyleRole(rawValue: name) else {
            diagnostics.append(node.error("is not a known role (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"))
            return nil
        }
        var spec = ThemeDefinition.Role(file: file, line: node.line, key: node.path.description)
        let entries: [(key: String, node: TOMLNode)]
        do { entries = try node.entries("a table such as { fg = \"red\", bold = true }") } catch {
            diagnostics.append(error)
            return nil
        }
        for (key, field) in entries {
            collect { () throws(TOMLError) in
                switch key {
                case "fg", "bg":
                    let reference: ThemeDefinition.ColorReference
                    switch field.value {
                    case .string(let s): reference = .name(s)
                    case .integer(let n) where (0...255).contains(n): reference = .index(n)
                    default: throw field.expected(colour)
                    }
                    if key == "fg" { spec.fg = reference } else { spec.bg = reference }
                case "mono":
                    var mono: TextAttributes = []
                    for item in try field.elements("a list such as [\"reverse\", \"bold\"]") {
                        collect { () throws(TOMLError) in
                            let names = TextAttributes.names.map(\.name)
                            mono.insert(TextAttributes(name: try item.choice(names))!)
                        }
                    }
                    spec.monochrome = mono
                default:
                    guard let attribute = TextAttributes(name: key) else {
                        throw field.error("is not a known key (known: \(roleKeys.joined(separator: ", ")))")
                    }
                    if try field.bool() { spec.attributes.insert(attribute) } else { spec.attributes.remove(attribute) }
                }
            }
        }
        return (role, spec)
    }

    private static func literalColour(_ node: TOMLNode) throws(TOMLError) -> TerminalColor {
        switch node.value {
        case .string(let s): if let c = TerminalColor(parsing: s) { return c }
        case .integer(let n) where (0...255).contains(n): return .indexed(n)
        default: break
        }
        throw node.expected(colour)
    }
}
