import TOMLKit

/// Reads one theme file. Every mistake becomes a diagnostic with the file
/// and line, and parsing goes on, so a user sees all problems at once.
enum ThemeParser {
    static let topLevelKeys = ["name", "description", "inherits", "palette", "roles"]
    static let roleKeys = ["fg", "bg", "mono"] + TextAttributes.names.map(\.name)

    static func parse(text: String, file: String) -> (ThemeDefinition, [ThemeDiagnostic]) {
        var definition = ThemeDefinition(file: file)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line > 0 ? error.source.begin.line : nil
            return (definition, [ThemeDiagnostic(file: file, line: line, message: error.description)])
        } catch {
            return (definition, [ThemeDiagnostic(file: file, line: nil, message: "\(error)")])
        }

        let lines = TOMLLineIndex(text: text)
        var diagnostics: [ThemeDiagnostic] = []
        func report(_ path: [String], _ message: String) {
            diagnostics.append(ThemeDiagnostic(file: file, line: lines.line(of: path), message: message))
        }

        for (key, value) in table {
            switch key {
            case "name", "description", "inherits":
                guard let s = value.string else {
                    report([key], "\"\(key)\" must be a string")
                    continue
                }
                if key == "name" { definition.name = s }
                if key == "description" { definition.description = s }
                if key == "inherits" { definition.inherits = s }
            case "palette":
                guard let palette = value.table else {
                    report([key], "[palette] must be a table of colours")
                    continue
                }
                for (name, colour) in palette {
                    if let c = literalColour(colour) {
                        definition.palette[name] = c
                    } else {
                        report(["palette", name], "palette colour \"\(name)\" = \(colour.debugDescription) is not a colour"
                            + " (\(ThemeDefinition.colourSyntax))")
                    }
                }
            case "roles":
                guard let roles = value.table else {
                    report([key], "[roles] must be a table")
                    continue
                }
                for (name, spec) in roles {
                    parseRole(name: name, value: spec, lines: lines, into: &definition, report: report)
                }
            default:
                report([key], "unknown key \"\(key)\" (known: \(topLevelKeys.joined(separator: ", ")))")
            }
        }
        diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (definition, diagnostics)
    }

    private static func parseRole(
        name: String, value: TOMLValueConvertible, lines: TOMLLineIndex,
        into definition: inout ThemeDefinition, report: ([String], String) -> Void
    ) {
        let path = ["roles", name]
        guard let role = StyleRole(rawValue: name) else {
            let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
            report(path, "role \"\(name)\" is not a known role (known: \(known))")
            return
        }
        guard let table = value.table else {
            report(path, "role \"\(name)\" must be a table such as { fg = \"red\", bold = true }")
            return
        }
        var spec = ThemeDefinition.Role(file: definition.file, line: lines.line(of: path))
        for (key, field) in table {
            switch key {
            case "fg", "bg":
                let reference: ThemeDefinition.ColorReference
                if let s = field.string {
                    reference = .name(s)
                } else if let n = field.int, (0...255).contains(n) {
                    reference = .index(n)
                } else {
                    report(path + [key], "role \"\(name)\": \(key) = \(field.debugDescription) is not a colour"
                        + " (\(ThemeDefinition.colourSyntax))")
                    continue
                }
                if key == "fg" { spec.fg = reference } else { spec.bg = reference }
            case "mono":
                guard let list = field.array else {
                    report(path + [key], "role \"\(name)\": mono must be a list such as [\"reverse\", \"bold\"]")
                    continue
                }
                var mono: TextAttributes = []
                for item in list {
                    if let s = item.string, let attribute = TextAttributes(name: s) {
                        mono.insert(attribute)
                    } else {
                        report(path + [key], "role \"\(name)\": \(item.debugDescription) in mono is not an attribute"
                            + " (known: \(TextAttributes.names.map(\.name).joined(separator: ", ")))")
                    }
                }
                spec.monochrome = mono
            default:
                guard let attribute = TextAttributes(name: key) else {
                    report(path + [key], "role \"\(name)\": unknown key \"\(key)\" (known: \(roleKeys.joined(separator: ", ")))")
                    continue
                }
                guard let on = field.bool else {
                    report(path + [key], "role \"\(name)\": \(key) must be true or false")
                    continue
                }
                if on { spec.attributes.insert(attribute) } else { spec.attributes.remove(attribute) }
            }
        }
        definition.roles[role] = spec
    }

    private static func literalColour(_ value: TOMLValueConvertible) -> TerminalColor? {
        if let s = value.string { return TerminalColor(parsing: s) }
        if let n = value.int, (0...255).contains(n) { return .indexed(n) }
        return nil
    }
}
