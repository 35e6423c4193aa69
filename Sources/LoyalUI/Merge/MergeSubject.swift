import LoyalStore

/// A record the user wants to merge: the one `m` was pressed on, or the one marked.
struct MergeSubject: Equatable, Sendable {
    var kind: MergeKind
    var id: Int64
    /// Short, for the status bar: a customer number or a person's name.
    var label: String
    /// Long, for titles: "T1 Bäckerei Groß GmbH", "Eva Groß at Bäckerei Groß GmbH".
    var name: String
}

extension Screen {
    /// The record `m` merges on this screen: the selected account, the open account or
    /// the selected contact person. One place, so the key and the late picker agree.
    var mergeSubject: MergeSubject? {
        switch self {
        case .accounts(let a):
            return a.window.selected.map { MergeSubject(kind: .customer, id: $0.id, label: $0.number, name: "\($0.number) \($0.name)") }
        case .detail(let d):
            let c = d.detail.customer
            return MergeSubject(kind: .customer, id: d.customerID, label: c.number, name: "\(c.number) \(c.name)")
        case .contacts(let c):
            guard c.contacts.indices.contains(c.cursor), let id = c.contacts[c.cursor].id else { return nil }
            let person = c.contacts[c.cursor].fullName
            return MergeSubject(kind: .contact, id: id, label: person, name: "\(person) at \(c.customerName)")
        default:
            return nil
        }
    }
}

/// The help of the merge keys, the same words on every screen that has them.
enum MergeKeys {
    static let customerHelp = "Merge with a likely duplicate or a marked account, choosing field by field"
    static let contactHelp = "Merge with a likely duplicate or a marked person, choosing field by field"
    static let undoHelp = "Take back the last merge or triage action (later: loyal merge --undo)"
}
