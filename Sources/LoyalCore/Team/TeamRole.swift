/// What a user of a shared database may do (issue 18). A rep works on their own
/// customers, a manager on everyone's (and reassigns them), an admin also manages users,
/// team settings and GDPR erasure.
public enum TeamRole: String, Sendable, CaseIterable, Comparable {
    case rep, manager, admin

    private var rank: Int { TeamRole.allCases.firstIndex(of: self)! }
    public static func < (a: TeamRole, b: TeamRole) -> Bool { a.rank < b.rank }
}

/// Whose customers a rep sees: only their own (the default) or everyone's, read-only.
public enum RepsSee: String, Sendable, CaseIterable {
    case own, all
}

/// One person who may use a shared database: their OS login name, role and, for a rep,
/// the rep record whose customers are theirs.
public struct TeamUser: Sendable, Hashable {
    public var name: String
    public var role: TeamRole
    public var repCode: String?

    public init(name: String, role: TeamRole, repCode: String? = nil) {
        self.name = name; self.role = role; self.repCode = repCode
    }
}
