import LoyalCore
import LoyalStore
import LoyalTerminal

/// After an import: the likely duplicates it created, so they are merged before anyone
/// works with two records of one customer. The first few are named, the rest counted.
enum ImportDuplicatesNote {
    static let shown = 3

    static func print(_ duplicates: [ImportDuplicate], dryRun: Bool, file: String) {
        guard !duplicates.isEmpty else { return }
        let n = duplicates.count
        let list = duplicates.prefix(shown).map(describe).joined(separator: "; ")
        let more = n > shown ? "; and \(n - shown) more" : ""
        Console.error(Sanitizer.clean("\(file): \(n) likely duplicate\(n == 1 ? "" : "s") "
                                      + (dryRun ? "this import would create" : "created by this import")
                                      + " (loyal duplicates lists them): \(list)\(more)"))
    }

    /// `K100245 "BAECKEREI GROSS gmbh" ~ K100017 "Bäckerei Groß GmbH" (same name)`; people
    /// are named with their customer's number: `contact K1 "Anna Schulz" ~ …`.
    static func describe(_ d: ImportDuplicate) -> String {
        let p = d.pair
        return (d.contacts ? "contact " : "") + "\(p.a.label) \"\(p.a.name)\" ~ \(p.b.label) \"\(p.b.name)\" ("
            + p.reasons.joined(separator: ", ") + ")"
    }
}
