/// A card as a Loyal contact person, and back. Every EMAIL and TEL is a `ContactChannel`
/// with its kind (kept in `contact_channel`); the person's own e-mail and phone fields hold
/// the first work one (else see `ContactChannel.primary`); the addresses are lines
/// `address (home): …` at the end of the notes. The export writes the channels as TEL and
/// EMAIL again, so a person keeps every number through an export and re-import.
public enum VCardPerson {
    public static func person(_ c: VCardContact, customerID: Int64) -> (person: ContactPerson, channels: [ContactChannel]) {
        var p = ContactPerson(customerID: customerID, firstName: c.firstName, lastName: c.lastName)
        p.role = c.jobRole
        p.birthday = c.birthday
        let lines: [String] = c.addresses.map { label("address", $0.kind) + ": " + $0.oneLine }
        p.notes = ([c.note] + lines).filter { !$0.isEmpty }.joined(separator: "\n")
        let channels = c.emails.map { ContactChannel(.email, $0.kind, $0.value) } + c.phones.map { ContactChannel(.phone, $0.kind, $0.value) }
        p.email = ContactChannel.primary(channels, .email)?.value ?? ""
        p.phone = ContactChannel.primary(channels, .phone)?.value ?? ""
        return (p, channels)
    }

    static func label(_ what: String, _ kind: ContactChannelKind) -> String {
        kind == .other ? what : "\(what) (\(kind.rawValue))"
    }

    /// The notes without the `phone (…)` / `e-mail (…)` lines an earlier vCard import wrote
    /// there, and those lines as channels (the migration to `contact_channel` reads them).
    public static func split(notes: String) -> (note: String, emails: [VCardChannel], phones: [VCardChannel]) {
        var kept: [Substring] = []
        var emails: [VCardChannel] = [], phones: [VCardChannel] = []
        for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (what, kind, value) = channelLine(line) {
                if what == "e-mail" { emails.append(VCardChannel(value: value, kind: kind)) }
                else { phones.append(VCardChannel(value: value, kind: kind)) }
            } else {
                kept.append(line)
            }
        }
        return (kept.joined(separator: "\n"), emails, phones)
    }

    private static func channelLine(_ line: Substring) -> (String, ContactChannelKind, String)? {
        guard let colon = line.range(of: ": ") else { return nil }
        let head = line[..<colon.lowerBound], value = String(line[colon.upperBound...])
        guard !value.isEmpty else { return nil }
        for what in ["e-mail", "phone"] {
            if head == what { return (what, .other, value) }
            for kind in ContactChannelKind.allCases where head == label(what, kind) { return (what, kind, value) }
        }
        return nil
    }
}
