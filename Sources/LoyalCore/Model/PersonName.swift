/// A person's name given in one piece ("Name", "Person - Name", a vCard's FN) split into
/// first and last name. "Dr. Anna Maria Schulz" is Anna Maria Schulz with the title Dr.;
/// "Schulz, Anna" is Anna Schulz; "Ludwig van Beethoven" keeps "van" with the last name.
/// Salutations and academic titles never become part of a name (a greeting would read
/// "Liebe Dr. Anna"): they are returned apart, for the caller to keep where it keeps them.
public struct PersonName: Equatable, Sendable {
    public var first: String
    public var last: String
    /// "Dr.", "Prof. Dr.", "Herr": what was taken off, in the order written; "" when nothing.
    public var title: String

    public init(first: String, last: String, title: String = "") {
        self.first = first; self.last = last; self.title = title
    }

    public init(splitting text: some StringProtocol) {
        var titles: [Substring] = []
        func words(_ s: Substring) -> [Substring] {
            s.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { word in
                if Self.isTitle(word) { titles.append(word); return false }
                return true
            }
        }
        let trimmed = Substring(text.trimmingSpaces)
        if let comma = trimmed.firstIndex(of: ",") {
            // "Schulz, Anna": last name first, as lists sorted by name write it.
            let last = words(trimmed[..<comma]), first = words(trimmed[trimmed.index(after: comma)...])
            self.init(first: first.joined(separator: " "), last: last.joined(separator: " "),
                      title: titles.joined(separator: " "))
            return
        }
        let parts = words(trimmed)
        guard parts.count > 1 else {
            self.init(first: "", last: parts.first.map(String.init) ?? "", title: titles.joined(separator: " "))
            return
        }
        // The last name starts at a particle ("van", "von der") that is not the first or last word.
        let cut = parts.indices.dropFirst().dropLast().first { Self.particles.contains(parts[$0].lowercased()) }
            ?? parts.count - 1
        self.init(first: parts[..<cut].joined(separator: " "), last: parts[cut...].joined(separator: " "),
                  title: titles.joined(separator: " "))
    }

    static let particles: Set<String> = ["von", "van", "de", "der", "den", "da", "di", "del", "della", "du", "zu", "zur",
                                         "zum", "vom", "ten", "ter", "la", "le"]

    static let titles: Set<String> = ["herr", "frau", "hr.", "fr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss",
                                      "dr", "dr.", "prof", "prof.", "dr.-ing.", "dipl.-ing.", "dipl.-kfm.", "dipl.-kffr.",
                                      "ing.", "mag.", "med.", "rer.", "nat.", "phil.", "jur.", "dr.med.", "univ.-prof."]

    static func isTitle(_ word: Substring) -> Bool { titles.contains(word.lowercased()) }
}
