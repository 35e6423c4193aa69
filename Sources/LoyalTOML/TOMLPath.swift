/// Where a value sits in a TOML document: `contact_plan.after_purchase[2].days`. Indices
/// count from 1, as a user counts `[[signals]]` blocks; a key is shown as written, dots
/// and all, since it names the key and is never parsed back.
public struct TOMLPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = TOMLPath()

    public func appending(_ key: String) -> TOMLPath { TOMLPath(components + [.key(key)]) }
    public func appending(index: Int) -> TOMLPath { TOMLPath(components + [.index(index)]) }

    public var parent: TOMLPath? { components.isEmpty ? nil : TOMLPath(Array(components.dropLast())) }

    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

/// A problem in a TOML file, in the form editors and terminals turn into a jump:
/// `FILE:LINE: key "signals[3].threshold": expected …`. Config and themes report alike.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem has no line (the file is missing).
    public var line: Int?
    /// The path of the key, as `TOMLPath` prints it; nil for the file as a whole.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let key { s += "key \"\(key)\": " }
        return s + message
    }
}
