/// One contact person as Loyal exports it.
public struct VCardExportEntry: Sendable {
    public var uid: String
    public var person: ContactPerson
    /// The customer's name; nil for a private customer (named after the person), so no ORG is written.
    public var organization: String?
    /// The person's e-mails and phones with their kinds (its own two are written as work ones
    /// when no channel has them).
    public var channels: [ContactChannel]

    public init(uid: String, person: ContactPerson, organization: String?, channels: [ContactChannel] = []) {
        self.uid = uid; self.person = person; self.organization = organization; self.channels = channels
    }
}

/// vCard 4.0 (RFC 6350): CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// character), text escaped.
public enum VCardWriter {
    public static func card(_ entry: VCardExportEntry) -> String {
        let p = entry.person
        var lines = ["BEGIN:VCARD", "VERSION:4.0", "PRODID:-//Loyal//Loyal CRM//EN"]
        lines.append("UID:" + VCardEscaping.escaped(entry.uid))
        let name = p.fullName.isEmpty ? (entry.organization ?? "") : p.fullName
        lines.append("FN:" + VCardEscaping.escaped(name))
        lines.append("N:" + VCardEscaping.escaped(p.lastName) + ";" + VCardEscaping.escaped(p.firstName) + ";;;")
        if let org = entry.organization, !org.isEmpty { lines.append("ORG:" + VCardEscaping.escaped(org)) }
        if !p.role.isEmpty { lines.append("ROLE:" + VCardEscaping.escaped(p.role)) }
        for e in ownFirst(entry.channels, .email, p.email) {
            lines.append("EMAIL" + type(e.kind) + ":" + VCardEscaping.escaped(e.value))
        }
        for t in ownFirst(entry.channels, .phone, p.phone) {
            lines.append("TEL;VALUE=text" + (t.kind == .work ? ";TYPE=work,voice" : type(t.kind)) + ":" + VCardEscaping.escaped(t.value))
        }
        if let b = p.birthday { lines.append("BDAY:" + birthday(b)) }
        let note = p.notes.trimmingSpaces
        if !note.isEmpty { lines.append("NOTE:" + VCardEscaping.escaped(String(note))) }
        lines.append("END:VCARD")
        return lines.map(folded).joined()
    }

    /// A medium's channels with the person's own one first (a work one when no channel has it),
    /// so an address book and a re-import take the same one as the person's.
    static func ownFirst(_ channels: [ContactChannel], _ medium: ContactMedium, _ own: String) -> [ContactChannel] {
        var list = channels.filter { $0.medium == medium }
        guard !own.isEmpty else { return list }
        if let i = list.firstIndex(where: { $0.value == own }) { list.insert(list.remove(at: i), at: 0) }
        else { list.insert(ContactChannel(medium, .work, own), at: 0) }
        return list
    }

    private static func type(_ kind: ContactChannelKind) -> String {
        switch kind {
        case .work: return ";TYPE=work"
        case .home: return ";TYPE=home"
        case .mobile: return ";TYPE=cell"
        case .fax: return ";TYPE=fax"
        case .pager: return ";TYPE=pager"
        case .other: return ""
        }
    }

    /// `19800517`, or `--0517` without a year (RFC 6350 4.3.1).
    static func birthday(_ b: Birthday) -> String {
        let md = pad(b.month, 2) + pad(b.day, 2)
        return b.year.map { pad($0, 4) + md } ?? "--" + md
    }

    /// The line with CRLF, folded so no line is longer than 75 octets (continuations start with a space).
    static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 37 + 2)
        var start = 0, limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
            out.append(contentsOf: bytes[start..<end])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = end
            limit = 74
        }
        out.append(contentsOf: bytes[start...])
        out.append(contentsOf: [0x0D, 0x0A])
        return String(decoding: out, as: UTF8.self)
    }
}
