/// A card as a Loyal contact person, and back. `contact_person` has one e-mail and one
/// phone: the first work one goes there (else the first mobile, else the first other);
/// every further one is a `ContactChannel` with its kind (kept in `contact_channel`), and
/// the addresses are lines `address (home): …` at the end of the notes. The export writes
/// the channels as TEL and EMAIL again, so a person keeps every number through an export
/// and re-import.
public enum VCardPerson {
    public static func person(_ c: VCardContact, customerID: Int64) -> (person: ContactPerson, channels: [ContactChannel]) {
        var p = ContactPerson(customerID: customerID, firstName: c.firstName, lastName: c.lastName)
        p.role = c.jobRole
        p.birthday = c.birthday
        let phone = primary(c.phones, order: [.work, .mobile, .other, .home])
        let email = primary(c.emails, order: [.work, .other, .home, .mobile])
        p.phone = phone.map { c.phones[$0].value } ?? ""
        p.email = email.map { c.emails[$0].value } ?? ""
        let lines: [String] = c.addresses.map { label("address", $0.kind) + ": " + $0.oneLine }
        p.notes = ([c.note] + lines).filter { !$0.isEmpty }.joined(separator: "\n")
        var channels: [ContactChannel] = []
        for (i, e) in c.emails.enumerated() where i != email { channels.append(ContactChannel(.email, e.kind, e.value)) }
        for (i, t) in c.phones.enumerated() where i != phone { channels.append(ContactChannel(.phone, t.kind, t.value)) }
        return (p, channels)
    }

    /// Index of the first channel of the first kind in `order` that has one.
    static func primary(_ channels: [VCardChannel], order: [ContactChannelKind]) -> Int? {
        for kind in order { if let i = channels.firstIndex(where: { $0.kind == kind }) { return i } }
        return nil
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
