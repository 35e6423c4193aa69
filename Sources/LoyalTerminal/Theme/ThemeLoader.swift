import Foundation

/// The outcome of loading a theme: always a usable theme, plus what went wrong.
public struct ThemeLoadResult: Sendable {
    public let theme: Theme
    /// Every problem found, in file order; empty when the theme loaded cleanly.
    public let diagnostics: [ThemeDiagnostic]
    /// True when the requested theme could not be used and `theme` is the
    /// default theme (or, if that failed too, `Theme.builtin`).
    public let usedFallback: Bool
}

/// Finds and loads `NAME.toml` themes. The first directory holding the file wins, so a
/// user's own copy in ~/.config shadows the shipped one; the themes compiled into the
/// binary come last, so a copied binary still has its colours.
public struct ThemeLoader: Sendable {
    public static let defaultThemeName = "default"
    static let maxInheritanceDepth = 8

    public var searchDirectories: [String]
    /// Name → text of the themes used when no directory has the file.
    public var bundled: [String: String]

    public init(searchDirectories: [String], bundled: [String: String] = BundledThemes.texts) {
        self.searchDirectories = searchDirectories
        self.bundled = bundled
    }

    /// Path of the first `name.toml` in the search directories.
    public func findFile(named name: String) -> String? {
        for dir in searchDirectories {
            let path = dir.hasSuffix("/") ? dir + name + ".toml" : dir + "/" + name + ".toml"
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Where theme `name` would be loaded from: its file, the bundled copy, or nil.
    public func location(of name: String) -> String? {
        guard ThemeLoader.isValidName(name) else { return nil }
        return findFile(named: name) ?? (bundled[name] != nil ? BundledThemes.location(of: name) : nil)
    }

    /// Loads theme `name`. A missing or broken theme is reported and the
    /// default theme is used instead, so a typo never leaves the user without
    /// a working screen.
    public func load(named name: String) -> ThemeLoadResult {
        let (theme, diagnostics) = loadStrict(named: name)
        if let theme, diagnostics.isEmpty {
            return ThemeLoadResult(theme: theme, diagnostics: [], usedFallback: false)
        }
        return fallback(after: diagnostics, requested: name)
    }

    /// Loads the theme in file `path` (its `inherits` are looked up by name).
    public func load(file path: String) -> ThemeLoadResult {
        var visited: Set<String> = []
        let (definition, diagnostics) = definition(file: path, visited: &visited, depth: 0)
        let (theme, resolveDiagnostics) = definition.resolve()
        let all = diagnostics + resolveDiagnostics
        if all.isEmpty { return ThemeLoadResult(theme: theme, diagnostics: [], usedFallback: false) }
        return fallback(after: all, requested: nil)
    }

    private func fallback(after diagnostics: [ThemeDiagnostic], requested: String?) -> ThemeLoadResult {
        if requested != ThemeLoader.defaultThemeName {
            let (theme, defaultDiagnostics) = loadStrict(named: ThemeLoader.defaultThemeName)
            if let theme, defaultDiagnostics.isEmpty {
                return ThemeLoadResult(theme: theme, diagnostics: diagnostics, usedFallback: true)
            }
            return ThemeLoadResult(theme: .builtin, diagnostics: diagnostics + defaultDiagnostics, usedFallback: true)
        }
        return ThemeLoadResult(theme: .builtin, diagnostics: diagnostics, usedFallback: true)
    }

    /// The theme, or nil with diagnostics when it cannot be found.
    private func loadStrict(named name: String) -> (Theme?, [ThemeDiagnostic]) {
        var visited: Set<String> = []
        let (definition, diagnostics) = self.definition(named: name, visited: &visited, depth: 0)
        guard let definition else { return (nil, diagnostics) }
        let (theme, resolveDiagnostics) = definition.resolve()
        return (theme, diagnostics + resolveDiagnostics)
    }

    private func definition(
        named name: String, visited: inout Set<String>, depth: Int
    ) -> (ThemeDefinition?, [ThemeDiagnostic]) {
        guard ThemeLoader.isValidName(name) else {
            return (nil, [ThemeDiagnostic(file: name, line: nil,
                message: "\"\(name)\" is not a theme name (letters, digits, \"-\" and \"_\" only)")])
        }
        guard let location = location(of: name) else {
            let place = (searchDirectories + ["the themes built into loyal"]).joined(separator: ", ")
            return (nil, [ThemeDiagnostic(file: name + ".toml", line: nil, message: "theme not found in \(place)")])
        }
        let (definition, diagnostics) = self.definition(file: location, visited: &visited, depth: depth)
        return (definition, diagnostics)
    }

    /// The text at `location`: a file, or a bundled theme's label.
    private func text(at location: String) -> String? {
        if let name = bundled.keys.first(where: { BundledThemes.location(of: $0) == location }) { return bundled[name] }
        return try? String(contentsOfFile: location, encoding: .utf8)
    }

    private func definition(
        file path: String, visited: inout Set<String>, depth: Int
    ) -> (ThemeDefinition, [ThemeDiagnostic]) {
        guard let text = text(at: path) else {
            return (ThemeDefinition(file: path), [ThemeDiagnostic(file: path, line: nil,
                message: "cannot read the file (missing, unreadable or not UTF-8)")])
        }
        visited.insert(path)
        var (definition, diagnostics) = ThemeParser.parse(text: text, file: path)
        if definition.name == nil {
            definition.name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        guard let parentName = definition.inherits else { return (definition, diagnostics) }
        let parentPath = location(of: parentName)
        guard depth < ThemeLoader.maxInheritanceDepth, let parentPath, !visited.contains(parentPath) else {
            let reason = parentPath == nil ? "was not found" : "inherits back (a cycle)"
            diagnostics.append(ThemeDiagnostic(file: path, line: definition.inheritsLine, key: "inherits",
                message: "\"\(parentName)\": that theme \(reason)"))
            return (definition, diagnostics)
        }
        let (parent, parentDiagnostics) = self.definition(file: parentPath, visited: &visited, depth: depth + 1)
        return (definition.merged(over: parent), diagnostics + parentDiagnostics)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
