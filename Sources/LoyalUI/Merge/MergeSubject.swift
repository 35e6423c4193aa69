import LoyalCore
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
    static var customerHelp: String { Text.tr("merge.customer_help") }
    static var contactHelp: String { Text.tr("merge.contact_help") }
    static var undoHelp: String { Text.tr("merge.undo_help") }
}
