/// A problem in a theme file, worded for the person who edits it.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based; nil when the problem is not tied to a line (file missing).
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `themes/x.toml:7: role "risk_hgh" is not a known role (known: …)`,
    /// the form editors and terminals turn into a jump to the line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
