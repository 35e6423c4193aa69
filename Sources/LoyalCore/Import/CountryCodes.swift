import Foundation

/// Country cells to ISO 3166 alpha-2 codes, as Loyal stores them: "Deutschland",
/// "Germany", "germany ", "DE" and "D" are all DE. Names come from the ISO list in
/// German and English (Foundation's region names) plus the names people write that the
/// list does not hold (Holland, England, USA, BRD…).
public enum CountryCodes {
    /// The code for a cell, nil when the cell names no country Loyal knows.
    public static func code(_ cell: String) -> String? {
        let key = fold(cell)
        if key.isEmpty { return nil }
        return table[key]
    }

    static func fold(_ s: String) -> String {
        SearchKey.fold(s).filter { $0.isLetter || $0.isNumber }
    }

    static let aliases: [String: String] = [
        "D": "DE", "BRD": "DE", "Bundesrepublik Deutschland": "DE", "Federal Republic of Germany": "DE",
        "A": "AT", "CH": "CH", "Holland": "NL", "England": "GB", "Schottland": "GB", "Scotland": "GB", "Wales": "GB",
        "UK": "GB", "Great Britain": "GB", "Großbritannien": "GB", "Vereinigtes Königreich": "GB",
        "USA": "US", "U.S.A.": "US", "Vereinigte Staaten": "US", "United States of America": "US",
        "Tschechei": "CZ", "Czech Republic": "CZ", "Türkei": "TR", "Turkey": "TR", "Russland": "RU", "Russia": "RU",
    ]

    static let table: [String: String] = {
        var t: [String: String] = [:]
        let locales = [Locale(identifier: "de_DE"), Locale(identifier: "en_US")]
        for region in Locale.Region.isoRegions where region.identifier.count == 2
            && region.identifier.allSatisfy({ $0.isLetter }) {
            let code = region.identifier.uppercased()
            t[fold(code)] = code
            for locale in locales {
                if let name = locale.localizedString(forRegionCode: code) { t[fold(name)] = code }
            }
        }
        for (name, code) in aliases { t[fold(name)] = code }
        return t
    }()
}
