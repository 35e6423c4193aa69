import Foundation
import GRDB
import LoyalCore

/// Who opened the store and what they may see and change. Resolved once when the store
/// opens (`AccessScope.resolve`) and enforced in one place: `ScopeGuard` installs it on
/// every SQLite connection, so lists, search, reports, exports and every write path of
/// the CLI and the interface obey it without checks of their own.
public struct AccessScope: Sendable, Equatable {
    /// The user the audit names.
    public var user: String
    public var role: TeamRole
    /// The rep record whose customers are this user's (reps only); nil sees nothing of a rep's.
    public var repID: Int64?
    public var repsSee: RepsSee
    /// False when no users are defined: Loyal is a single-user tool and everyone is admin.
    public var isTeam: Bool

    /// No users defined (or a tool inside Loyal): everything is allowed.
    public static func single(user: String) -> AccessScope {
        AccessScope(user: user, role: .admin, repID: nil, repsSee: .all, isTeam: false)
    }

    /// A rep with `reps_see = own` sees only their own customers.
    public var filtersReads: Bool { role == .rep && repsSee == .own }
    /// A rep changes only their own customers, whatever they see.
    public var guardsWrites: Bool { role == .rep }

    /// Refuses with one line unless the user has at least `role`.
    public func require(_ needed: TeamRole, to what: String) throws {
        guard role >= needed else {
            throw StoreError.denied(Text.tr("store_error.role_refused", user, Text.tr("store_error.role_\(role.rawValue)"),
                                            Text.tr(needed == .admin ? "store_error.only_admin" : "store_error.only_manager"), what))
        }
    }
}

/// The person at the keyboard: the OS login name and, if set, the LOYAL_USER they ask to act as.
public struct UserIdentity: Sendable, Equatable {
    public var login: String
    public var requested: String?

    public init(login: String, requested: String? = nil) {
        self.login = login
        self.requested = requested.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The real user id's login name (getuid, so a setgid binary still knows who runs it).
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> UserIdentity {
        var login = environment["USER"] ?? "unknown"
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { login = String(cString: name) }
        return UserIdentity(login: login, requested: environment["LOYAL_USER"])
    }
}

extension AccessScope {
    /// `groupShared`: the database file is shared through a group (the install script's
    /// boundary). There LOYAL_USER is honoured only when the login user is an admin;
    /// otherwise anyone could name themselves admin.
    static func resolve(_ db: Database, _ who: UserIdentity, groupShared: Bool) throws -> AccessScope {
        let users = try TeamUsers.all(db)
        guard !users.isEmpty else { return .single(user: who.requested ?? who.login) }
        let byName = Dictionary(users.map { ($0.user.name, $0) }, uniquingKeysWith: { a, _ in a })
        var name = who.login
        if let requested = who.requested, requested != who.login {
            guard !groupShared || byName[who.login]?.user.role == .admin else {
                throw StoreError.denied(Text.tr("store_error.loyal_user_admin_only", requested, who.login))
            }
            name = requested
        }
        guard let found = byName[name] else { throw StoreError.unknownUser(name) }
        let repsSee = try TeamSettings.repsSee(db)
        return AccessScope(user: name, role: found.user.role, repID: found.repID, repsSee: repsSee, isTeam: true)
    }
}
