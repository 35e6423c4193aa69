/// Folds text for search so `müller` finds "Müller", `muller` and `mueller` too,
/// and `strasse` finds "Straße". Works on scalars with a table for Latin letters:
/// it runs for every imported customer, so it must be cheap.
public enum SearchKey {
    public static func fold(_ text: some StringProtocol) -> String {
        fold(text, german: false)
    }

    /// The alternative German spelling (`mueller` for "Müller").
    public static func foldGerman(_ text: some StringProtocol) -> String {
        fold(text, german: true)
    }

    // Builds UTF-8 bytes, not a String.UnicodeScalarView: appending to the view costs
    // time proportional to what is already there, which made a 400,000-character name
    // take seconds (issue 11). Bytes keep the fold linear in the input.
    static func fold(_ text: some StringProtocol, german: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(UInt8(truncatingIfNeeded: (65...90).contains(v) ? v + 32 : v))
            } else if german, let umlaut = LatinFold.germanUmlaut[v] {
                out.append(contentsOf: umlaut.utf8)
            } else if let mapped = LatinFold.base[v] {
                out.append(contentsOf: mapped.utf8)
            } else if s.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                for lower in s.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What a customer is found by: number, name and city, in both foldings.
    public static func forCustomer(number: String, name: String, city: String) -> String {
        let base = fold("\(number) \(name) \(city)")
        let german = foldGerman("\(name) \(city)")
        return german == fold("\(name) \(city)") ? base : base + " " + german
    }
}

enum LatinFold {
    /// Lower- and uppercase Latin letters with diacritics → their base letters.
    static let base: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
            ("ìíîïĩīĭįı", "i"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšș", "s"),
            ("ß", "ss"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ýÿŷ", "y"), ("źżž", "z"), ("ł", "l"),
        ]
        for (chars, b) in groups {
            for c in chars {
                for form in [String(c), String(c).uppercased()] where form.unicodeScalars.count == 1 {
                    m[form.unicodeScalars.first!.value] = b
                }
            }
        }
        m[0x1E9E] = "ss"  // capital sharp s
        return m
    }()

    static let germanUmlaut: [UInt32: String] = [
        0xE4: "ae", 0xC4: "ae", 0xF6: "oe", 0xD6: "oe", 0xFC: "ue", 0xDC: "ue",
    ]
}
