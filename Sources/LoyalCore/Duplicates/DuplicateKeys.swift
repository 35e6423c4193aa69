/// The forms two records of the same customer or person take in different files, reduced
/// to one key each: case, spaces, punctuation, umlauts and ß/ss fold away.
public enum DuplicateKeys {
    /// "Bäckerei  Groß GmbH", "BAECKEREI GROSS gmbh" and "Bäckerei Gross GmbH" → "baeckereigrossgmbh".
    public static func name(_ s: String) -> String {
        let folded = SearchKey.foldGerman(s)
        // Most names fold to ASCII: their letters and digits are bytes (a 200,000-row import folds every name).
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: folded.utf8.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }, as: UTF8.self)
        }
        // The fold makes ß ss; a capital ẞ comes out as ß.
        return folded.replacing("ß", with: "ss").filter { $0.isLetter || $0.isNumber }
    }

    /// Lower-case, trimmed; nil without an @.
    public static func email(_ s: String) -> String? {
        let e = s.trimmingSpaces.lowercased()
        return e.contains("@") && e.count > 3 ? e : nil
    }

    /// Digits only, a German +49/0049 prefix as a leading 0; nil below 6 digits.
    public static func phone(_ s: String) -> String? {
        var digits = String(s.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        let international = s.trimmingSpaces.hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("0049") { digits = "0" + digits.dropFirst(4) }
        else if international && digits.hasPrefix("49") { digits = "0" + digits.dropFirst(2) }
        return digits.count >= 6 ? digits : nil
    }

    /// The words of a folded name, for "similar": legal forms and one-letter words left out.
    public static func words(_ s: String) -> Set<String> {
        let legal: Set<String> = ["gmbh", "ag", "kg", "ohg", "gbr", "ug", "eg", "ev", "co", "mbh", "und", "und", "inc", "ltd", "sa"]
        let folded = SearchKey.foldGerman(s).replacing("ß", with: "ss")
        let parts = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(parts.filter { $0.count > 1 && !legal.contains($0) })
    }

    /// Share of words two names have in common (Jaccard), 0…1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(words(a), words(b))
    }

    static func similarity(_ x: Set<String>, _ y: Set<String>) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        let common = x.intersection(y).count
        return Double(common) / Double(x.count + y.count - common)
    }

    /// A company name without its legal form, folded, and whether it had one:
    /// "Bäckerei Groß GmbH & Co. KG" → ("baeckereigross", true). Dots go first, so `e.K.`
    /// and `e.V.` are the legal forms ek and ev.
    public static func company(_ s: String) -> (core: String, hasLegalForm: Bool) {
        let folded = SearchKey.foldGerman(s.replacing(".", with: "")).replacing("ß", with: "ss")
        var core = "", legal = false
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if legalForms.contains(String(word)) { legal = true } else { core += word }
        }
        return (core, legal)
    }

    static let legalForms: Set<String> = ["gmbh", "ag", "kg", "ohg", "gbr", "ug", "haftungsbeschraenkt", "eg", "ev", "ek",
                                          "co", "mbh", "kgaa", "se", "partg", "inc", "ltd", "llc", "sa", "sarl", "bv", "nv",
                                          "plc", "corp", "gesmbh"]
}
