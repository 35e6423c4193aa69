/// A content line: `NAME;PARAM=VALUE;PARAM="quoted:value":value`.
public struct ICalProperty: Hashable, Sendable {
    public var name: String
    public var parameters: [Parameter]
    /// The raw value, still escaped (its meaning depends on the value type).
    public var value: String

    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var values: [String]
    }

    /// The first value of a parameter, by case-insensitive name.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.caseInsensitiveEquals(name) }?.values.first
    }

    /// The value read as TEXT (unescaped).
    public var text: String { ICalendarText.unescape(value) }
    /// The value read as a list of TEXT (CATEGORIES).
    public var textList: [String] { ICalendarText.splitList(value) }
}

/// `BEGIN:NAME` … `END:NAME` with its properties and nested components.
public struct ICalComponent: Hashable, Sendable {
    public var name: String
    public var properties: [ICalProperty] = []
    public var components: [ICalComponent] = []

    public func property(_ name: String) -> ICalProperty? { properties.first { $0.name.caseInsensitiveEquals(name) } }
    public func properties(_ name: String) -> [ICalProperty] { properties.filter { $0.name.caseInsensitiveEquals(name) } }
    public func components(_ name: String) -> [ICalComponent] { components.filter { $0.name.caseInsensitiveEquals(name) } }
}

public struct ICalParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// Reads iCalendar text back: unfolds, splits content lines into name,
/// parameters and value, and nests components. Small and strict about structure
/// (every BEGIN needs its END), lenient about line ends (LF alone is accepted).
public enum ICalendarReader {
    /// The outermost component (normally `VCALENDAR`).
    public static func parse(_ text: String) throws(ICalParseError) -> ICalComponent {
        var stack: [ICalComponent] = []
        var root: ICalComponent?
        for (number, line) in ICalendarText.unfold(text) {
            let p = try property(line, line: number)
            if p.name.caseInsensitiveEquals("BEGIN") {
                guard root == nil else { throw ICalParseError(line: number, message: "content after the end of \(root!.name)") }
                stack.append(ICalComponent(name: p.value.uppercased()))
            } else if p.name.caseInsensitiveEquals("END") {
                guard let top = stack.popLast(), top.name == p.value.uppercased() else {
                    throw ICalParseError(line: number, message: "END:\(p.value) does not close \(stack.last?.name ?? "anything")")
                }
                if stack.isEmpty { root = top } else { stack[stack.count - 1].components.append(top) }
            } else {
                guard !stack.isEmpty else { throw ICalParseError(line: number, message: "\(p.name) outside of any component") }
                stack[stack.count - 1].properties.append(p)
            }
        }
        if let open = stack.last { throw ICalParseError(line: 0, message: "BEGIN:\(open.name) is never closed") }
        guard let root else { throw ICalParseError(line: 0, message: "no component") }
        return root
    }

    /// One unfolded content line. Parameter values may be quoted, and then may hold `:;,`.
    public static func property(_ line: String, line number: Int = 0) throws(ICalParseError) -> ICalProperty {
        let chars = Array(line.unicodeScalars)
        var i = 0
        func name() -> String {
            var s = ""
            while i < chars.count, chars[i] != ";", chars[i] != ":", chars[i] != "=", chars[i] != "," {
                s.unicodeScalars.append(chars[i]); i += 1
            }
            return s
        }
        let propertyName = name()
        guard !propertyName.isEmpty, propertyName.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0) })
        else { throw ICalParseError(line: number, message: "no property name in \"\(line.prefix(40))\"") }
        var parameters: [ICalProperty.Parameter] = []
        while i < chars.count, chars[i] == ";" {
            i += 1
            let paramName = name()
            guard i < chars.count, chars[i] == "=", !paramName.isEmpty else {
                throw ICalParseError(line: number, message: "parameter without a value in \(propertyName)")
            }
            var values: [String] = []
            repeat {
                i += 1
                var v = ""
                if i < chars.count, chars[i] == "\"" {
                    i += 1
                    while i < chars.count, chars[i] != "\"" { v.unicodeScalars.append(chars[i]); i += 1 }
                    guard i < chars.count else { throw ICalParseError(line: number, message: "unclosed quote in \(propertyName)") }
                    i += 1
                } else {
                    while i < chars.count, chars[i] != ";", chars[i] != ":", chars[i] != "," { v.unicodeScalars.append(chars[i]); i += 1 }
                }
                values.append(v)
            } while i < chars.count && chars[i] == ","
            parameters.append(.init(name: paramName, values: values))
        }
        guard i < chars.count, chars[i] == ":" else { throw ICalParseError(line: number, message: "no \":\" after \(propertyName)") }
        var value = ""
        value.unicodeScalars.append(contentsOf: chars[(i + 1)...])
        return ICalProperty(name: propertyName.uppercased(), parameters: parameters, value: value)
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
