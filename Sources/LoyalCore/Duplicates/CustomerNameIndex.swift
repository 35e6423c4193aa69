/// Customers by name as another file writes the company: folded as `loyal duplicates` folds
/// names (case, spaces, punctuation, umlauts, ß/ss), and with the legal form optional, so
/// "Bäckerei Groß" finds "BAECKEREI GROSS GmbH". Two different legal forms ("Müller GmbH",
/// "Müller AG") are two companies.
public struct CustomerNameIndex: Sendable {
    struct Entry: Sendable {
        var id: Int64
        var full: String
        var hasLegalForm: Bool
    }

    private var byCore: [String: [Entry]] = [:]

    public init() {}

    /// The first customer added under a name wins (the oldest, when added in id order).
    public mutating func add(id: Int64, name: String) {
        let (core, legal) = DuplicateKeys.company(name)
        guard !core.isEmpty else { return }
        byCore[core, default: []].append(Entry(id: id, full: DuplicateKeys.name(name), hasLegalForm: legal))
    }

    public func find(_ name: String) -> Int64? {
        let (core, legal) = DuplicateKeys.company(name)
        guard let entries = byCore[core] else { return nil }
        let full = DuplicateKeys.name(name)
        if let same = entries.first(where: { $0.full == full }) { return same.id }
        return entries.first { !legal || !$0.hasLegalForm }?.id
    }
}
