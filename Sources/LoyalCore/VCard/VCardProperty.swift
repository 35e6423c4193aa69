/// One property of a card: `group.NAME;PARAM=value;BARE:value`, its value still as bytes.
public struct VCardProperty: Sendable {
    /// `item1` in `item1.TEL` (Apple and Google group a value with its label so), nil without one.
    public var group: String?
    /// Upper case: `TEL`, `EMAIL`, `X-ABLABEL`.
    public var name: String
    /// Lower case, from `TYPE=work,voice`, `TYPE=work;TYPE=voice` and vCard 2.1's bare `;WORK;VOICE`.
    public var types: Set<String> = []
    /// Upper case: `QUOTED-PRINTABLE`, `BASE64`, `B`, or nil.
    public var encoding: String?
    /// Lower case, quotes removed: `utf-8`, `windows-1252`, or nil.
    public var charset: String?
    /// Lower case `VALUE=` (`text`, `uri`, `date`), nil without one.
    public var valueType: String?
    public var rawValue: ArraySlice<UInt8>
    /// Physical line the property starts on.
    public var line: Int

    /// Encodings a vCard 2.1 writer may name as a bare parameter.
    static let encodings: Set<String> = ["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"]

    /// Index of the `:` that starts the value: the first one outside a quoted parameter value.
    static func valueStart(_ line: ArraySlice<UInt8>) -> Int? {
        var quoted = false
        for i in line.indices {
            let b = line[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if b == UInt8(ascii: ":"), !quoted { return i }
        }
        return nil
    }

    /// nil when the line has no `:` or no name (a damaged line).
    init?(_ content: VCardLine) {
        let bytes = content.bytes[...]
        guard let colon = Self.valueStart(bytes) else { return nil }
        line = content.line
        rawValue = content.bytes[(colon + 1)...]
        let head = bytes[..<colon]
        let parts = Self.splitParameters(head)
        guard let first = parts.first else { return nil }
        var nameText = String(String(decoding: first, as: UTF8.self).trimmingSpaces)
        if let dot = nameText.lastIndex(of: ".") {
            group = String(nameText[..<dot]).lowercased()
            nameText = String(nameText[nameText.index(after: dot)...])
        }
        guard !nameText.isEmpty else { return nil }
        name = nameText.uppercased()
        for part in parts.dropFirst() { addParameter(String(String(decoding: part, as: UTF8.self).trimmingSpaces)) }
    }

    private static func splitParameters(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = head.startIndex, quoted = false
        for i in head.indices {
            let b = head[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if b == UInt8(ascii: ";"), !quoted { parts.append(head[start..<i]); start = i + 1 }
        }
        parts.append(head[start..<head.endIndex])
        return parts
    }

    private mutating func addParameter(_ text: String) {
        guard !text.isEmpty else { return }  // `ADR;HOME;PREF;:` (Outlook)
        guard let eq = text.firstIndex(of: "=") else {
            addBare(text)
            return
        }
        let key = text[..<eq].trimmingSpaces.uppercased()
        let value = text[text.index(after: eq)...].trimmingSpaces
        switch key {
        case "TYPE":
            for t in value.split(separator: ",") { types.insert(Self.unquoted(t).lowercased()) }
        case "ENCODING": encoding = Self.unquoted(value).uppercased()
        case "CHARSET": charset = Self.unquoted(value).lowercased()
        case "VALUE": valueType = Self.unquoted(value).lowercased()
        case "PREF": types.insert("pref")
        default: break
        }
    }

    /// vCard 2.1 names types, encodings and (in some Windows exports) charsets bare.
    private mutating func addBare(_ text: String) {
        let upper = text.uppercased()
        if Self.encodings.contains(upper) {
            encoding = upper
        } else if Self.looksLikeCharset(upper) {
            charset = text.lowercased()
        } else {
            types.insert(text.lowercased())
        }
    }

    static func looksLikeCharset(_ upper: String) -> Bool {
        upper.hasPrefix("UTF-") || upper.hasPrefix("ISO-8859") || upper.hasPrefix("WINDOWS-") || upper == "US-ASCII"
            || upper.hasPrefix("CP125") || upper == "LATIN1"
    }

    private static func unquoted(_ s: some StringProtocol) -> String {
        var t = s.trimmingSpaces
        if t.hasPrefix("\"") { t.removeFirst() }
        if t.hasSuffix("\"") { t.removeLast() }
        return String(t)
    }

    /// Whether the value is binary data (a base64 photo, sound or key), which Loyal skips.
    public var isBinary: Bool { encoding == "BASE64" || encoding == "B" }
}
