import GRDB
import LoyalCore

/// Settings the whole team shares, kept in the database so one admin sets them for
/// everyone (personal ones such as theme and language stay in each user's config file).
public enum TeamSetting: String, Sendable, CaseIterable {
    case repsSee = "reps_see"

    /// The values accepted, for the error message and the README.
    public var accepted: [String] {
        switch self {
        case .repsSee: return RepsSee.allCases.map(\.rawValue)
        }
    }

    public var defaultValue: String {
        switch self {
        case .repsSee: return RepsSee.own.rawValue
        }
    }
}

enum TeamSettings {
    static func value(_ db: Database, _ key: TeamSetting) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM main.team_setting WHERE key = ?", arguments: [key.rawValue])
            ?? key.defaultValue
    }

    static func repsSee(_ db: Database) throws -> RepsSee {
        RepsSee(rawValue: try value(db, .repsSee)) ?? .own
    }
}

extension Store {
    public func teamSetting(_ key: TeamSetting) throws -> String {
        try pool.read { db in try TeamSettings.value(db, key) }
    }

    /// Only an admin changes team settings; the change is audited with its old value.
    public func setTeamSetting(_ key: TeamSetting, _ value: String) throws {
        try scope.require(.admin, to: "change team settings")
        guard key.accepted.contains(value) else {
            throw StoreError.invalid("\(key.rawValue) must be \(key.accepted.joined(separator: " or ")), not \"\(value)\"")
        }
        try pool.write { db in
            let old = try TeamSettings.value(db, key)
            try db.execute(sql: """
                INSERT INTO main.team_setting (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [key.rawValue, value])
            try Audit.record(db, actor: scope.user, entity: "team_setting", id: nil, action: "set setting",
                             detail: key.rawValue, changes: [AuditChange(key.rawValue, old, value)])
        }
    }
}
