/// One card as read: its properties (photos, logos, sounds and keys left out) in file order.
public struct VCard: Sendable {
    /// 1-based position in the file, and the line of its BEGIN.
    public var index: Int
    public var line: Int
    public var properties: [VCardProperty] = []

    public func all(_ name: String) -> [VCardProperty] { properties.filter { $0.name == name } }
    public func first(_ name: String) -> VCardProperty? { properties.first { $0.name == name } }
}

/// Something the reader or the mapping noticed that did not stop the import.
public struct VCardWarning: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    /// The card's position in the file, nil outside any card.
    public var card: Int?
    public var message: String

    public init(line: Int, card: Int?, message: String) {
        self.line = line; self.card = card; self.message = message
    }

    /// `line 12 (card 3): …`; the caller puts the file name in front.
    public var description: String {
        "line \(line)" + (card.map { " (card \($0))" } ?? "") + ": " + message
    }
}

public struct VCardFile: Sendable {
    public var cards: [VCard] = []
    public var warnings: [VCardWarning] = []
}

/// RFC 2425/2426/6350 and vCard 2.1 content to cards. Never fails: a damaged line or card
/// is a warning, and what could be read is kept. One pass over the bytes, so linear time.
public enum VCardReader {
    /// Binary data Loyal has no use for; skipped before its value is decoded.
    static let skipped: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    public static func read(_ bytes: [UInt8]) -> VCardFile {
        var file = VCardFile()
        var current: VCard?
        for content in VCardLines.unfolded(bytes) {
            guard let property = VCardProperty(content) else {
                let snippet = String(decoding: content.bytes.prefix(40), as: UTF8.self)
                file.warnings.append(VCardWarning(line: content.line, card: current?.index,
                                                  message: "not a vCard line, skipped: \"\(snippet)\""))
                continue
            }
            let value = property.name == "BEGIN" || property.name == "END"
                ? String(decoding: property.rawValue, as: UTF8.self).trimmingSpaces.uppercased() : ""
            if property.name == "BEGIN", value == "VCARD" {
                if let open = current {
                    file.warnings.append(VCardWarning(line: open.line, card: open.index,
                                                      message: "card has no END:VCARD (a new card begins on line \(content.line))"))
                    file.cards.append(open)
                }
                current = VCard(index: file.cards.count + 1, line: content.line)
            } else if property.name == "END", value == "VCARD" {
                if let open = current { file.cards.append(open) } else {
                    file.warnings.append(VCardWarning(line: content.line, card: nil, message: "END:VCARD without BEGIN:VCARD"))
                }
                current = nil
            } else if current == nil {
                file.warnings.append(VCardWarning(line: content.line, card: nil,
                                                  message: "\(property.name) outside any card, skipped"))
            } else if !skipped.contains(property.name) {
                current?.properties.append(property)
            }
        }
        if let open = current {
            file.warnings.append(VCardWarning(line: open.line, card: open.index,
                                              message: "card has no END:VCARD (the file ends inside it)"))
            file.cards.append(open)
        }
        return file
    }

    /// Whether bytes look like a vCard file: the first non-blank line is `BEGIN:VCARD`.
    public static func looksLikeVCard(_ bytes: [UInt8]) -> Bool {
        let head = VCardLines.normalised(Array(bytes.prefix(512)))
        let text = String(decoding: head, as: UTF8.self)
        let first = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .first { !$0.allSatisfy(\.isWhitespace) }
        return first.map { $0.trimmingSpaces.uppercased() == "BEGIN:VCARD" } ?? false
    }
}
