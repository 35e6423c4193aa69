/// A phone number or e-mail address and what kind it is.
public struct VCardChannel: Hashable, Sendable {
    public var value: String
    public var kind: ContactChannelKind

    public init(value: String, kind: ContactChannelKind) { self.value = value; self.kind = kind }
}

public struct VCardAddress: Hashable, Sendable {
    public var kind: ContactChannelKind
    public var street = "", city = "", region = "", postalCode = "", country = ""

    /// `Street 1, 12345 City, Region, Country` without the empty parts.
    public var oneLine: String {
        [street, [postalCode, city].filter { !$0.isEmpty }.joined(separator: " "), region, country]
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// What Loyal takes from a card: the person, the company, how to reach them, the birthday.
public struct VCardContact: Sendable {
    public var card: Int
    public var line: Int
    public var formattedName = ""
    public var familyName = ""
    public var givenName = ""
    /// ORG's first component: the company.
    public var organization = ""
    public var title = ""
    public var role = ""
    public var emails: [VCardChannel] = []
    public var phones: [VCardChannel] = []
    public var birthday: Birthday?
    public var addresses: [VCardAddress] = []
    public var note = ""
    public var uid = ""

    /// From N when it has a family or given name, else FN split as a CSV import splits a
    /// whole name (`PersonName`: titles off, "van" with the last name, "Schulz, Anna").
    public var firstName: String {
        if !familyName.isEmpty || !givenName.isEmpty { return givenName }
        return PersonName(splitting: formattedName).first
    }

    public var lastName: String {
        if !familyName.isEmpty || !givenName.isEmpty { return familyName }
        return PersonName(splitting: formattedName).last
    }

    public var hasName: Bool { !firstName.isEmpty || !lastName.isEmpty }

    /// The title, and the role when it says something else.
    public var jobRole: String {
        if title.isEmpty { return role }
        if role.isEmpty || role == title { return title }
        return title + ", " + role
    }

    /// Reads the fields of one card; what could not be used is a warning, never an error.
    public static func from(_ card: VCard) -> (contact: VCardContact, warnings: [VCardWarning]) {
        var c = VCardContact(card: card.index, line: card.line)
        var warnings: [VCardWarning] = []
        var noted = Set<String>()
        func warn(_ line: Int, _ message: String) {
            guard noted.insert(message).inserted else { return }
            warnings.append(VCardWarning(line: line, card: card.index, message: message))
        }
        func text(_ p: VCardProperty) -> String {
            let (raw, decoding) = p.decodedText()
            switch decoding {
            case .clean: break
            case .windows1252Fallback: warn(p.line, "not UTF-8 and no CHARSET named: read as Windows-1252")
            case .brokenUTF8: warn(p.line, "\(p.name) is not valid UTF-8 although CHARSET says so: unreadable bytes replaced by �")
            }
            return raw
        }
        func clean(_ s: String, _ line: Int, field: TextSafety.Field = .oneLine) -> String {
            let t = String(s.trimmingSpaces)
            let stripped = TextSafety.stripped(t, field: field)
            if stripped != t { warn(line, "control characters removed") }
            return stripped
        }
        for p in card.properties where !p.isBinary {
            switch p.name {
            case "FN" where c.formattedName.isEmpty:
                c.formattedName = clean(VCardEscaping.unescaped(text(p)), p.line)
            case "N" where c.familyName.isEmpty && c.givenName.isEmpty:
                let parts = VCardEscaping.components(text(p))
                c.familyName = clean(parts[0], p.line)
                if parts.count > 1 { c.givenName = clean(parts[1], p.line) }
            case "ORG" where c.organization.isEmpty:
                c.organization = clean(VCardEscaping.components(text(p))[0], p.line)
            case "TITLE" where c.title.isEmpty: c.title = clean(VCardEscaping.unescaped(text(p)), p.line)
            case "ROLE" where c.role.isEmpty: c.role = clean(VCardEscaping.unescaped(text(p)), p.line)
            case "UID" where c.uid.isEmpty: c.uid = clean(VCardEscaping.unescaped(text(p)), p.line)
            case "EMAIL":
                let value = clean(VCardEscaping.unescaped(text(p)), p.line)
                if !value.isEmpty { c.emails.append(VCardChannel(value: value, kind: ContactChannelKind(types: p.types))) }
            case "TEL":
                var value = clean(VCardEscaping.unescaped(text(p)), p.line)
                if value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
                if !value.isEmpty { c.phones.append(VCardChannel(value: value, kind: ContactChannelKind(types: p.types))) }
            case "BDAY" where c.birthday == nil:
                let value = VCardEscaping.unescaped(text(p)).trimmingSpaces
                if let b = VCardBirthday.parse(value) { c.birthday = b } else if !value.isEmpty {
                    warn(p.line, "BDAY \"\(clean(String(value), p.line))\" is not a possible date: no birthday stored")
                }
            case "ADR":
                // Gmail writes line breaks inside the street; an address is one line in Loyal.
                let parts = VCardEscaping.components(text(p)).map {
                    clean($0.split(separator: "\n").map { $0.trimmingSpaces }.joined(separator: ", "), p.line)
                }
                func part(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
                var a = VCardAddress(kind: ContactChannelKind(types: p.types))
                a.street = [part(2), part(1), part(0)].filter { !$0.isEmpty }.joined(separator: ", ")
                a.city = part(3); a.region = part(4); a.postalCode = part(5); a.country = part(6)
                if !a.oneLine.isEmpty { c.addresses.append(a) }
            case "NOTE":
                let value = clean(VCardEscaping.unescaped(text(p)), p.line, field: .freeText)
                if !value.isEmpty { c.note = c.note.isEmpty ? value : c.note + "\n" + value }
            default: break
            }
        }
        if !c.hasName {
            warn(card.line, "no name (FN or N): skipped")
        }
        return (c, warnings)
    }
}
