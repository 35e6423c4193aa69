/// What a plain file holds, read from its header names alone: `Kundennummer;Firma;PLZ;Ort`
/// is customers, `customer,date,amount` purchases, `Kunde;Datum;Notiz` feedback.
public enum ImportEntityDetection: Equatable, Sendable {
    case entity(ImportEntity)
    /// Several entities read the header equally well: the user must say which.
    case ambiguous([ImportEntity])
    case unknown

    /// The entity whose fields take the most columns (at least two), its required columns
    /// present; a tie is ambiguous. `mapping` is `--map`'s, read as the import will read it.
    public static func detect(_ header: CSVRecord, mapping: [String: String] = [:]) -> ImportEntityDetection {
        var scores: [(entity: ImportEntity, columns: Int)] = []
        for entity in ImportEntity.allCases {
            guard let h = try? ImportHeader(entity: entity, header: header, mapping: mapping),
                  entity.namedBy(h.columns) else { continue }
            let n = h.columns.keys.filter { !entity.secondaryFields.contains($0) }.count
            if n >= 2 { scores.append((entity, n)) }
        }
        guard let best = scores.map(\.columns).max() else { return .unknown }
        let top = scores.filter { $0.columns == best }.map(\.entity)
        return top.count == 1 ? .entity(top[0]) : .ambiguous(top)
    }
}

extension ImportEntity {
    /// Fields that do not tell what a file holds: a customer list's person columns are
    /// what a contacts file has too, so `Kundennummer;Vorname;Nachname` reads as contacts.
    var secondaryFields: Set<String> {
        self == .customers ? ["first_name", "last_name", "birthday"] : []
    }

    /// A customer list names its customers (a company or a person): numbers with a city only
    /// are an update Loyal should not guess at, and new customers could not be created from it.
    func namedBy(_ columns: [String: Int]) -> Bool {
        self != .customers || ["name", "first_name", "last_name"].contains { columns[$0] != nil }
    }
}
