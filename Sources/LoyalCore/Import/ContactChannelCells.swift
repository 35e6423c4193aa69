/// A contact's e-mails and phones as exports write them: one column per kind (Pipedrive's
/// "Email - Work/Home/Other", Salesforce's MobilePhone and HomePhone) and several values in
/// one cell (`a@x.de, b@x.de`). Each is kept as a channel with its kind; the person's own
/// field holds the first work one (else see `ContactChannel.primary`).
public enum ContactChannelCells {
    /// Column key → what its values are, in the order a person's own address is chosen.
    public static let columns: [(key: String, medium: ContactMedium, kind: ContactChannelKind)] = [
        ("email", .email, .work), ("email_other", .email, .other), ("email_home", .email, .home),
        ("phone", .phone, .work), ("mobile", .phone, .mobile), ("phone_other", .phone, .other),
        ("phone_home", .phone, .home), ("fax", .phone, .fax),
    ]

    /// The person's e-mail and phone, and every e-mail and phone of the row (those two included).
    public static func read(_ row: ImportRow) -> (email: String, phone: String, all: [ContactChannel]) {
        var all: [ContactChannel] = []
        var seen = Set<String>()
        for column in columns {
            for (value, label) in row.texts(column.key).flatMap(values) {
                let channel = ContactChannel(column.medium, label ?? column.kind, value)
                if seen.insert(channel.key).inserted { all.append(channel) }
            }
        }
        return (ContactChannel.primary(all, .email)?.value ?? "", ContactChannel.primary(all, .phone)?.value ?? "", all)
    }

    /// The values of one cell, split at `,`, `;` and line breaks, each with the kind its
    /// `(…)` suffix names (`0170 1234 (mobile)`); a suffix that names no kind stays (`+49 (0)30 …`).
    public static func values(_ cell: String) -> [(value: String, kind: ContactChannelKind?)] {
        cell.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).compactMap { part in
            var value = part.trimmingSpaces
            guard !value.isEmpty else { return nil }
            var kind: ContactChannelKind?
            if value.hasSuffix(")"), let open = value.lastIndex(of: "("),
               let k = ContactChannelKind(label: value[value.index(after: open)..<value.index(before: value.endIndex)]) {
                kind = k
                value = value[..<open].trimmingSpaces
            }
            return value.isEmpty ? nil : (String(value), kind)
        }
    }
}
