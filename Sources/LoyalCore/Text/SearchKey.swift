/// Folds text for search so `müller` finds "Müller", `muller` and `mueller` too,
/// and `strasse` finds "Straße".
public enum SearchKey {
    public static func fold(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.lowercased() {
            switch ch {
            case "ä": out += "a"
            case "ö": out += "o"
            case "ü": out += "u"
            case "ß": out += "ss"
            default:
                // Drop combining marks so é → e; keep everything else.
                for s in String(ch).decomposedScalars where s.properties.generalCategory != .nonspacingMark {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// The alternative German spelling (`mueller` for "Müller") is indexed too.
    public static func foldGerman(_ text: some StringProtocol) -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default: out.append(ch)
            }
        }
        return fold(out)
    }

    /// What a customer is found by: number, name and city, in both foldings.
    public static func forCustomer(number: String, name: String, city: String) -> String {
        let base = fold("\(number) \(name) \(city)")
        let german = foldGerman("\(name) \(city)")
        return german == fold("\(name) \(city)") ? base : base + " " + german
    }
}

extension String {
    var decomposedScalars: [Unicode.Scalar] {
        // Canonical decomposition is not in the standard library without Foundation;
        // Latin letters with diacritics are the case that matters for names.
        var out: [Unicode.Scalar] = []
        for s in unicodeScalars {
            if let base = LatinFold.base[s.value] { out.append(Unicode.Scalar(base)!) } else { out.append(s) }
        }
        return out
    }
}

enum LatinFold {
    static let base: [UInt32: UInt32] = {
        var m: [UInt32: UInt32] = [:]
        let groups: [(String, Character)] = [
            ("àáâãåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
            ("ìíîïĩīĭįı", "i"), ("ñńņňŉ", "n"), ("òóôõøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"),
            ("ţťŧț", "t"), ("ùúûũūŭůűų", "u"), ("ýÿŷ", "y"), ("źżž", "z"), ("ł", "l"),
        ]
        for (chars, b) in groups {
            for c in chars { m[c.unicodeScalars.first!.value] = b.unicodeScalars.first!.value }
        }
        return m
    }()
}
