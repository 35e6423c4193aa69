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

/// The help of the merge keys, the same words on every screen that has them.
enum MergeKeys {
    static let customerHelp = "Merge with a likely duplicate or a marked account, choosing field by field"
    static let contactHelp = "Merge with a likely duplicate or a marked person, choosing field by field"
    static let undoHelp = "Take back the last merge or triage action (later: loyal merge --undo)"
}
