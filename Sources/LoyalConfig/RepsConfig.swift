import LoyalCore
import LoyalTOML

/// `[reps.CODE]`: one table per rep who differs from the team (`state`, `visits_per_day`,
/// `calls_per_day`). A table per rep code, since reps are named by their code everywhere
/// else (`--rep MK`); which codes exist is the database's business, not the file's.
enum RepsConfig {
    static let section = "reps"

    static func defaultText() -> String {
        """

        # Per rep, by code, where he differs from the [calendar] figures, e.g.
        # [reps.MK]
        # state = "BY"
        # visits_per_day = 3
        # calls_per_day = 20

        """
    }

    /// One rep's table, with the kinds of the team-wide [calendar] keys it overrides.
    static let schema = TableSchema<RepWorkSettings>([
        .value("state", ConfigSchema.stateKind) { $0.state = $1.text },
        .value("visits_per_day", ConfigSchema.visitsKind) { $0.visitsPerDay = $1.integer },
        .value("calls_per_day", ConfigSchema.callsKind) { $0.callsPerDay = $1.integer },
    ], known: "known in [reps.CODE]: state, visits_per_day, calls_per_day")

    static func parse(_ node: TOMLNode) throws(ConfigError) -> [String: RepWorkSettings] {
        var out: [String: RepWorkSettings] = [:]
        for (code, rep) in try node.entries() {
            guard !code.isEmpty, code.unicodeScalars.allSatisfy({ !ConfigFile.isControl($0) }) else {
                throw rep.error("is not a rep code")
            }
            guard out[code.uppercased()] == nil else { throw rep.error("is given twice (codes match without regard to case)") }
            out[code.uppercased()] = try schema.read(rep, from: RepWorkSettings())
        }
        return out
    }
}
