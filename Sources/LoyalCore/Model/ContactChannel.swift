/// What a phone number or e-mail address is for, as vCard's TYPE or a CRM's column
/// ("Person - Phone - Mobile") says.
public enum ContactChannelKind: String, Sendable, CaseIterable {
    case work, home, mobile, fax, pager, other

    /// vCard types to one kind; fax and pager win over work/home (a work fax is no phone to call).
    init(types: Set<String>) {
        if types.contains("fax") { self = .fax } else if types.contains("pager") { self = .pager }
        else if types.contains("cell") || types.contains("mobile") || types.contains("iphone") { self = .mobile }
        else if types.contains("work") { self = .work } else if types.contains("home") { self = .home }
        else { self = .other }
    }

    /// The word in a cell's `(…)` suffix, English or German: `0170 1234 (mobil)`, `a@b.de (privat)`.
    public init?(label: some StringProtocol) {
        switch label.lowercased() {
        case "work", "business", "office", "geschäftlich", "dienstlich", "büro", "arbeit": self = .work
        case "home", "private", "privat": self = .home
        case "mobile", "cell", "mobil", "handy": self = .mobile
        case "fax", "telefax": self = .fax
        case "pager": self = .pager
        case "other", "weitere", "sonstige", "andere": self = .other
        default: return nil
        }
    }
}

public enum ContactMedium: String, Sendable, CaseIterable {
    case email, phone
}

/// A further e-mail address or phone number of a contact person. The person's own
/// `email` and `phone` fields hold the first work one (else the first); every other one
/// is kept as a channel with its kind, so no address an export or a card carried is lost.
public struct ContactChannel: Hashable, Sendable {
    public var medium: ContactMedium
    public var kind: ContactChannelKind
    public var value: String

    public init(_ medium: ContactMedium, _ kind: ContactChannelKind, _ value: String) {
        self.medium = medium; self.kind = kind; self.value = value
    }

    /// The one a person's own e-mail or phone field holds: the first work one, else the
    /// first of the next kind in this order (a fax or pager number is nobody's phone).
    public static func primary(_ channels: [ContactChannel], _ medium: ContactMedium) -> ContactChannel? {
        let order: [ContactChannelKind] = medium == .email ? [.work, .other, .home, .mobile] : [.work, .mobile, .other, .home]
        for kind in order { if let c = channels.first(where: { $0.medium == medium && $0.kind == kind }) { return c } }
        return nil
    }

    /// One address written twice (in the work and the other column, in another case) is one.
    public var key: String {
        medium == .email ? "e" + value.lowercased() : "p" + (DuplicateKeys.phone(value) ?? value)
    }
}
