/// A/B/C account class (Pareto share of revenue).
public enum CustomerClass: String, CaseIterable, Sendable, Codable, Comparable {
    case a = "A", b = "B", c = "C"
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    /// A 0, B 1, C 2: for tables kept per class.
    public var index: Int { self == .a ? 0 : self == .b ? 1 : 2 }
}

/// Ways of reaching a customer. Consent is kept per channel.
public enum Channel: String, CaseIterable, Sendable, Codable {
    case visit, phone, email, letter, newsletter, sms, social

    /// Channels that by law need the customer's consent before we use them
    /// (DSGVO / UWG §7: advertising calls and e-mails need prior consent).
    public var needsConsent: Bool {
        switch self {
        case .phone, .email, .newsletter, .sms: return true
        case .visit, .letter, .social: return false
        }
    }
}

public enum InteractionKind: String, CaseIterable, Sendable, Codable {
    case visit, call, email, letter, event, gift

    /// The consent channel an interaction of this kind uses.
    public var channel: Channel {
        switch self {
        case .visit, .event: return .visit
        case .call: return .phone
        case .email: return .email
        case .letter, .gift: return .letter
        }
    }
}

public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case active, lost
}

/// Why a customer left. The articles keep reasons the company caused apart from
/// reasons in the customer's own life, because the chances of winning back differ.
public enum LostReason: String, CaseIterable, Sendable, Codable {
    case price, service, product, competitor, moved, jobChange = "job_change", insolvency, other

    public var isCompanyRelated: Bool {
        switch self {
        case .price, .service, .product, .competitor: return true
        case .moved, .jobChange, .insolvency, .other: return false
        }
    }

    public var label: String {
        switch self {
        case .jobChange: return "job change"
        default: return rawValue
        }
    }
}

public enum ComplaintCategory: String, CaseIterable, Sendable, Codable {
    case product, delivery, invoice, service, price, other
}
