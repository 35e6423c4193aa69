/// A card as a Loyal contact person, and back. `contact_person` has one e-mail and one
/// phone: the first work one goes there (else the first mobile, else the first other),
/// every further one becomes a line `phone (home): …` / `e-mail (work): …` at the end of
/// the notes, after the addresses as `address (home): …`. The export turns those lines back
/// into TEL and EMAIL, so a person keeps every number through an export and re-import.
public enum VCardPerson {
    public static func person(_ c: VCardContact, customerID: Int64) -> ContactPerson {
        var p = ContactPerson(customerID: customerID, firstName: c.firstName, lastName: c.lastName)
        p.role = c.jobRole
        p.birthday = c.birthday
        let phone = primary(c.phones, order: [.work, .mobile, .other, .home])
        let email = primary(c.emails, order: [.work, .other, .home, .mobile])
        p.phone = phone.map { c.phones[$0].value } ?? ""
        p.email = email.map { c.emails[$0].value } ?? ""
        // Addresses first: the export keeps them in NOTE, so the lines come back in the same order.
        var lines: [String] = c.addresses.map { label("address", $0.kind) + ": " + $0.oneLine }
        for (i, e) in c.emails.enumerated() where i != email { lines.append(label("e-mail", e.kind) + ": " + e.value) }
        for (i, t) in c.phones.enumerated() where i != phone { lines.append(label("phone", t.kind) + ": " + t.value) }
        p.notes = ([c.note] + lines).filter { !$0.isEmpty }.joined(separator: "\n")
        return p
    }

    /// Index of the first channel of the first kind in `order` that has one.
    static func primary(_ channels: [VCardChannel], order: [VCardChannelKind]) -> Int? {
        for kind in order { if let i = channels.firstIndex(where: { $0.kind == kind }) { return i } }
        return nil
    }

    static func label(_ what: String, _ kind: VCardChannelKind) -> String {
        kind == .other ? what : "\(what) (\(kind.rawValue))"
    }

    /// The notes without the `phone (…)` / `e-mail (…)` lines, and those lines as channels.
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

    private static func channelLine(_ line: Substring) -> (String, VCardChannelKind, String)? {
        guard let colon = line.range(of: ": ") else { return nil }
        let head = line[..<colon.lowerBound], value = String(line[colon.upperBound...])
        guard !value.isEmpty else { return nil }
        for what in ["e-mail", "phone"] {
            if head == what { return (what, .other, value) }
            for kind in VCardChannelKind.allCases where head == label(what, kind) { return (what, kind, value) }
        }
        return nil
    }
}
