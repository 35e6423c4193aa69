import GRDB
import LoyalCore

/// Settings the whole team shares, kept in the database so one admin sets them for
/// everyone: what reps see, the plan's capacity, the holidays and the risk thresholds.
/// Personal ones (theme, language) stay in each user's config file. The names of the
/// figures are those of config.toml (`calendar.visits_per_day`), whose value a stored one
/// replaces; with none stored, the user's config applies (a solo rep needs nothing).
public enum TeamSetting: String, Sendable, CaseIterable {
    case repsSee = "reps_see"
    /// Holidays: the federal state whose public holidays are no working days.
    case holidayState = "calendar.state"
    /// Capacity: what a rep can do on one working day, which fills the plan's week.
    case visitsPerDay = "calendar.visits_per_day"
    case callsPerDay = "calendar.calls_per_day"
    /// Thresholds: the risk bands and who is on the early-warning panel.
    case redFrom = "risk.red_from"
    case amberFrom = "risk.amber_from"
    case panelThreshold = "risk.panel_threshold"
    case panelMaxShare = "risk.panel_max_share"

    /// What a value may be; the same ranges as config.toml.
    public enum Kind: Sendable, Equatable {
        case choice([String]), integer(ClosedRange<Int>), number(ClosedRange<Double>)
    }

    public var kind: Kind {
        switch self {
        case .repsSee: return .choice(RepsSee.allCases.map(\.rawValue))
        case .holidayState: return .choice([""] + GermanHolidays.states)
        case .visitsPerDay: return .integer(0...50)
        case .callsPerDay: return .integer(0...200)
        case .redFrom: return .integer(1...100)
        case .amberFrom: return .integer(0...100)
        case .panelThreshold, .panelMaxShare: return .number(0...1)
        }
    }

    /// The value without a stored one: reps_see's default; for the figures the user's config.
    public var defaultValue: String? { self == .repsSee ? RepsSee.own.rawValue : nil }

    /// Whether the refresh's figures (plan, signals, panel) depend on it.
    public var affectsFigures: Bool { self != .repsSee }

    /// The value as stored (`3`, `0.25`, `BY`), or nil with why it is refused.
    public func normalized(_ text: String) -> Result<String, StoreError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .choice(let options):
            if let found = options.first(where: { $0.caseInsensitiveCompare(t) == .orderedSame }) { return .success(found) }
            return .failure(.invalid(Text.tr("store_error.setting_choice", rawValue, options.map { $0.isEmpty ? "\"\"" : $0 }
                .joined(separator: Text.tr("import_check.or")), text)))
        case .integer(let range):
            if let n = Int(t), range.contains(n) { return .success(String(n)) }
            return .failure(.invalid(Text.tr("store_error.setting_integer", rawValue, range.lowerBound, range.upperBound, text)))
        case .number(let range):
            if let x = Double(t), x.isFinite, range.contains(x) { return .success(String(x)) }
            return .failure(.invalid(Text.tr("store_error.setting_number", rawValue, range.lowerBound, range.upperBound, text)))
        }
    }

    /// The value `settings` holds for it, in the stored form (nil for reps_see, which is no figure).
    public func value(in s: Settings) -> String? {
        switch self {
        case .repsSee: return nil
        case .holidayState: return s.workDays.state
        case .visitsPerDay: return String(s.workDays.visitsPerDay)
        case .callsPerDay: return String(s.workDays.callsPerDay)
        case .redFrom: return String(s.retention.risk.redFrom)
        case .amberFrom: return String(s.retention.risk.amberFrom)
        case .panelThreshold: return String(s.retention.risk.panelThreshold)
        case .panelMaxShare: return String(s.retention.risk.panelMaxShare)
        }
    }

    /// Puts a stored value into `s`. The team's capacity and state hold for every rep: a
    /// rep's own `[reps.CODE]` figure in one user's config would make that user's plan
    /// differ from everyone else's, so it gives way too.
    func apply(_ value: String, to s: inout Settings) {
        switch self {
        case .repsSee: return
        case .holidayState:
            s.workDays.state = value
            for code in s.workDays.reps.keys { s.workDays.reps[code]?.state = nil }
        case .visitsPerDay:
            guard let n = Int(value) else { return }
            s.workDays.visitsPerDay = n
            for code in s.workDays.reps.keys { s.workDays.reps[code]?.visitsPerDay = nil }
        case .callsPerDay:
            guard let n = Int(value) else { return }
            s.workDays.callsPerDay = n
            for code in s.workDays.reps.keys { s.workDays.reps[code]?.callsPerDay = nil }
        case .redFrom: if let n = Int(value) { s.retention.risk.redFrom = n }
        case .amberFrom: if let n = Int(value) { s.retention.risk.amberFrom = n }
        case .panelThreshold: if let x = Double(value) { s.retention.risk.panelThreshold = x }
        case .panelMaxShare: if let x = Double(value) { s.retention.risk.panelMaxShare = x }
        }
    }
}

/// A user's settings with the team's stored values in place, and which values of the
/// user's own the team replaced (to say so once).
public struct TeamAppliedSettings: Sendable {
    public var settings: Settings
    /// (setting, the user's value, the team's value) where they differ.
    public var replaced: [(setting: TeamSetting, mine: String, team: String)]
}

enum TeamSettings {
    static func stored(_ db: Database) throws -> [TeamSetting: String] {
        var out: [TeamSetting: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM main.team_setting") {
            if let key = TeamSetting(rawValue: row["key"]) { out[key] = row["value"] }
        }
        return out
    }

    static func value(_ db: Database, _ key: TeamSetting) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM main.team_setting WHERE key = ?", arguments: [key.rawValue])
            ?? key.defaultValue
    }

    static func repsSee(_ db: Database) throws -> RepsSee {
        RepsSee(rawValue: try value(db, .repsSee) ?? "") ?? .own
    }

    /// `user`'s settings with the stored team values in place.
    static func applied(_ stored: [TeamSetting: String], over user: Settings) -> TeamAppliedSettings {
        var out = user
        var replaced: [(TeamSetting, String, String)] = []
        for key in TeamSetting.allCases {
            guard let team = stored[key], let mine = key.value(in: user) else { continue }
            key.apply(team, to: &out)
            if mine != team { replaced.append((key, mine, team)) }
        }
        return TeamAppliedSettings(settings: out, replaced: replaced)
    }
}

extension Store {
    /// The stored value, else the default (reps_see) or nil (the user's config applies).
    public func teamSetting(_ key: TeamSetting) throws -> String? {
        try pool.read { db in try TeamSettings.value(db, key) }
    }

    /// Every team setting stored in the database.
    public func storedTeamSettings() throws -> [TeamSetting: String] {
        try pool.read { db in try TeamSettings.stored(db) }
    }

    /// `user` (the settings of the user's config) with the team's stored values in place:
    /// what the planner, the refresh and the interface read.
    public func applyingTeamSettings(to user: Settings) throws -> TeamAppliedSettings {
        TeamSettings.applied(try storedTeamSettings(), over: user)
    }

    /// Only an admin changes team settings; the change is audited with its old value, and
    /// a figure the refresh derives from it marks every customer for the next refresh.
    /// nil `value` removes the team's value: each user's config applies again.
    public func setTeamSetting(_ key: TeamSetting, _ value: String?) throws {
        try scope.require(.admin, to: Text.tr("store_error.may_team_settings"))
        let new: String?
        if let value {
            switch key.normalized(value) {
            case .success(let v): new = v
            case .failure(let e): throw e
            }
        } else {
            new = nil
        }
        try pool.write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM main.team_setting WHERE key = ?",
                                          arguments: [key.rawValue])
            if let new {
                try db.execute(sql: """
                    INSERT INTO main.team_setting (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, arguments: [key.rawValue, new])
            } else {
                try db.execute(sql: "DELETE FROM main.team_setting WHERE key = ?", arguments: [key.rawValue])
            }
            guard old != new else { return }
            if key.affectsFigures { try ChangeTracking.mark(db, [ChangeTracking.everyone]) }
            try Audit.record(db, actor: scope.user, entity: "team_setting", id: nil,
                             action: new == nil ? "unset setting" : "set setting",
                             detail: key.rawValue,
                             changes: [AuditChange(key.rawValue, old ?? key.defaultValue, new ?? key.defaultValue)])
        }
    }
}
