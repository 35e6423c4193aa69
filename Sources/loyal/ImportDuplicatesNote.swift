import LoyalCore
import LoyalStore
import LoyalTerminal

/// After an import: the likely duplicates it created (records it added or changed that look
/// like another), so they are merged before anyone works with two records of one customer.
/// The first few are named with the record they resemble, the rest counted.
enum ImportDuplicatesNote {
    static func print(_ duplicates: ImportDuplicates, dryRun: Bool, file: String) {
        let n = duplicates.count
        guard n > 0 else { return }
        let list = duplicates.examples.map(describe).joined(separator: "; ")
        let more = n > duplicates.examples.count ? "; and \(n - duplicates.examples.count) more" : ""
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
