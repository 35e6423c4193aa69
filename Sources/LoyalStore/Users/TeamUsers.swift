import GRDB
import LoyalCore

/// The users of a shared database (`loyal users`). Only an admin changes them; with none
/// defined Loyal is a single-user tool, so the first one added must be an admin (or the
/// person adding would lock themselves out), and the last admin cannot go.
enum TeamUsers {
    struct Stored { var user: TeamUser; var repID: Int64? }

    static func all(_ db: Database) throws -> [Stored] {
        try Row.fetchAll(db, sql: """
            SELECT u.name, u.role, u.rep_id, r.code FROM main.team_user u LEFT JOIN main.rep r ON r.id = u.rep_id
            ORDER BY u.name
            """).map {
            Stored(user: TeamUser(name: $0["name"], role: TeamRole(rawValue: $0["role"]) ?? .rep, repCode: $0["code"]),
                   repID: $0["rep_id"])
        }
    }

    static func repID(_ db: Database, code: String?) throws -> Int64? {
        guard let code else { return nil }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM main.rep WHERE code = ?", arguments: [code]) else {
            throw StoreError.notFound(Text.tr("store_error.no_rep_with_code", code))
        }
        return id
    }

    static func checkAdminsRemain(_ db: Database, after change: String) throws {
        let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.team_user") ?? 0
        let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.team_user WHERE role = 'admin'") ?? 0
        if users > 0 && admins == 0 {
            throw StoreError.invalid(Text.tr("store_error.no_admin_left", change))
        }
    }
}

extension Store {
    public func teamUsers() throws -> [TeamUser] {
        try pool.read { db in try TeamUsers.all(db).map(\.user) }
    }

    public func addTeamUser(_ user: TeamUser) throws {
        try scope.require(.admin, to: Text.tr("store_error.may_users"))
        try pool.write { db in
            if try TeamUsers.all(db).contains(where: { $0.user.name == user.name }) {
                throw StoreError.invalid(Text.tr("store_error.already_user", user.name))
            }
            let repID = try TeamUsers.repID(db, code: user.repCode)
            try db.execute(sql: "INSERT INTO main.team_user (name, role, rep_id, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [user.name, user.role.rawValue, repID, Timestamp.now()])
            try TeamUsers.checkAdminsRemain(db, after: Text.tr("store_error.change_first_user", user.name))
            try Audit.record(db, actor: scope.user, entity: "team_user", id: db.lastInsertedRowID, action: "add user",
                             detail: user.name, changes: [AuditChange("role", nil, user.role.rawValue),
                                                          AuditChange("rep", nil, user.repCode)])
        }
    }

    /// Changes a user's role and/or rep (nil keeps it); `clearRep` removes the rep.
    public func setTeamUser(_ name: String, role: TeamRole?, repCode: String?, clearRep: Bool = false) throws {
        try scope.require(.admin, to: Text.tr("store_error.may_users"))
        try pool.write { db in
            guard let old = try TeamUsers.all(db).first(where: { $0.user.name == name }) else {
                throw StoreError.notFound(Text.tr("store_error.not_a_user", name))
            }
            let repID = clearRep ? nil : try repCode.map { try TeamUsers.repID(db, code: $0) } ?? old.repID
            let newRole = role ?? old.user.role
            try db.execute(sql: "UPDATE main.team_user SET role = ?, rep_id = ? WHERE name = ?",
                           arguments: [newRole.rawValue, repID, name])
            try TeamUsers.checkAdminsRemain(db, after: Text.tr("store_error.change_role", name, Text.tr("store_error.role_\(newRole.rawValue)")))
            try Audit.record(db, actor: scope.user, entity: "team_user", id: nil, action: "set user", detail: name,
                             changes: [AuditChange("role", old.user.role.rawValue, newRole.rawValue),
                                       AuditChange("rep", old.user.repCode, clearRep ? nil : repCode ?? old.user.repCode)])
        }
    }

    public func removeTeamUser(_ name: String) throws {
        try scope.require(.admin, to: Text.tr("store_error.may_users"))
        try pool.write { db in
            guard let old = try TeamUsers.all(db).first(where: { $0.user.name == name }) else {
                throw StoreError.notFound(Text.tr("store_error.not_a_user", name))
            }
            try db.execute(sql: "DELETE FROM main.team_user WHERE name = ?", arguments: [name])
            let left = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.team_user") ?? 0
            if left > 0 { try TeamUsers.checkAdminsRemain(db, after: Text.tr("store_error.change_remove", name)) }
            try Audit.record(db, actor: scope.user, entity: "team_user", id: nil, action: "remove user", detail: name,
                             changes: [AuditChange("role", old.user.role.rawValue, nil)])
        }
    }
}
