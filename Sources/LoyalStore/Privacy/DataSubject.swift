import LoyalCore

/// Whose data a GDPR request is about: a contact person (by id, as `loyal duplicates` and
/// the exports show it) or a customer (by number). A private customer is a person; a
/// business customer's record is the company's, and its contact persons are the people.
public enum DataSubject: Sendable, Hashable, CustomStringConvertible {
    case contact(Int64)
    case customer(String)

    public var description: String {
        switch self {
        case .contact(let id): return "contact \(id)"
        case .customer(let number): return "customer \(number)"
        }
    }
}

extension DataSubject {
    /// As a message names it, in the language in use (`description` stays English for files).
    public var shownText: String {
        switch self {
        case .contact(let id): return Text.tr("store_error.subject_contact", id)
        case .customer(let number): return Text.tr("store_error.subject_customer", number)
        }
    }
}
