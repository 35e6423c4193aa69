import LoyalCore
import TOMLKit

/// `[reps.CODE]`: one table per rep who differs from the team (`state`, `visits_per_day`,
/// `calls_per_day`). A table per rep code, since reps are named by their code everywhere
/// else (`--rep MK`); which codes exist is the database's business, not the file's.
enum RepsConfig {
    static let section = "reps"
    static let keys = ["state", "visits_per_day", "calls_per_day"]

    static func defaultText() -> String {
        """

        # Per rep, by code, where he differs from the [calendar] figures, e.g.
        # [reps.MK]
        # state = "BY"
        # visits_per_day = 3
        # calls_per_day = 20

        """
    }

    static func parse(_ value: TOMLValueConvertible, text: String, file: String) throws(ConfigError) -> [String: RepWorkSettings] {
        let reader = ContactPlanConfig.Reader(file: file, lines: TOMLKeyLines(text: text))
        let table = try reader.table(value, section)
        var out: [String: RepWorkSettings] = [:]
        for code in table.keys {
            let path = "\(section).\(code)"
            guard !code.isEmpty, code.unicodeScalars.allSatisfy({ !ConfigFile.isControl($0) }) else {
                throw reader.fail(path, "is not a rep code")
            }
            guard out[code.uppercased()] == nil else { throw reader.fail(path, "is given twice (codes match without regard to case)") }
            let rep = try reader.table(table[code]!, path)
            var settings = RepWorkSettings()
            for key in rep.keys {
                let p = "\(path).\(key)", raw = rep[key]!
                switch key {
                case "state":
                    guard let s = raw.string, s.isEmpty || GermanHolidays.states.contains(s) else {
                        throw reader.fail(p, "expected one of \"\", " + GermanHolidays.states.map { "\"\($0)\"" }.joined(separator: ", ")
                                          + ", found \(ConfigReader.describe(raw))")
                    }
                    settings.state = s
                case "visits_per_day": settings.visitsPerDay = try reader.int(raw, p, 0...50)
                case "calls_per_day": settings.callsPerDay = try reader.int(raw, p, 0...200)
                default: throw reader.fail(p, "is not a known key (known in [reps.CODE]: \(keys.joined(separator: ", ")))")
                }
            }
            out[code.uppercased()] = settings
        }
        return out
    }
}
