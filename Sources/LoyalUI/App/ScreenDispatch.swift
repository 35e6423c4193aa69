import LoyalCore
import LoyalStore
import LoyalTerminal

/// Sends keys, searches and reloads to whichever screen is on top.
enum ScreenDispatch {
    /// nil when the screen has no use for the key (global keys get it then).
    static func handle(_ screen: inout Screen, _ key: Key, env: Environment) throws -> ScreenEffect? {
        switch screen {
        case .accounts(var s):
            defer { screen = .accounts(s) }
            return try s.handle(key, env: env)
        case .detail(var s):
            defer { screen = .detail(s) }
            return try s.handle(key, env: env)
        case .contacts(var s):
            defer { screen = .contacts(s) }
            return s.handle(key, env: env)
        case .form(var s):
            defer { screen = .form(s) }
            return s.handle(key, env: env)
        case .visit(var s):
            defer { screen = .visit(s) }
            return s.handle(key, env: env)
        case .earlyWarning(var s):
            defer { screen = .earlyWarning(s) }
            return try s.handle(key, env: env)
        case .riskCase(var s):
            defer { screen = .riskCase(s) }
            return try s.handle(key, env: env)
        case .lost(var s):
            defer { screen = .lost(s) }
            return try s.handle(key, env: env)
        case .calendar(var s):
            defer { screen = .calendar(s) }
            return try s.handle(key, env: env)
        case .merge(var s):
            defer { screen = .merge(s) }
            return s.handle(key, env: env)
        case .team(var s):
            defer { screen = .team(s) }
            return s.handle(key, env: env)
        }
    }

    static func reload(_ screen: inout Screen, env: Environment) throws {
        switch screen {
        case .accounts(var s): try s.refresh(env); screen = .accounts(s)
        case .detail(var s): try s.reload(env); screen = .detail(s)
        case .contacts(var s): try s.reload(env); screen = .contacts(s)
        case .earlyWarning(var s): try s.reload(env); screen = .earlyWarning(s)
        case .riskCase(var s): try s.reload(env); screen = .riskCase(s)
        case .lost(var s): try s.reload(env); screen = .lost(s)
        case .calendar(var s): try s.reload(env); screen = .calendar(s)
        case .team(var s): s.reload(env); screen = .team(s)
        case .form, .visit, .merge: break
        }
    }

    static func beginSearch(_ screen: inout Screen) {
        switch screen {
        case .accounts(var s): s.searchOrigin = s.window; screen = .accounts(s)
        case .detail(var s): s.searchOrigin = s.top; screen = .detail(s)
        default: break
        }
    }

    static func restoreSearchOrigin(_ screen: inout Screen) {
        switch screen {
        case .accounts(var s): if let o = s.searchOrigin { s.window = o }; screen = .accounts(s)
        case .detail(var s): if let o = s.searchOrigin { s.top = o }; screen = .detail(s)
        default: break
        }
    }

    static func endSearch(_ screen: inout Screen, keep: Bool) {
        if !keep { restoreSearchOrigin(&screen) }
        switch screen {
        case .accounts(var s): s.searchOrigin = nil; screen = .accounts(s)
        case .detail(var s): s.searchOrigin = nil; screen = .detail(s)
        default: break
        }
    }

    static func search(_ screen: inout Screen, _ pattern: String, forward: Bool, includeCurrent: Bool,
                       env: Environment) throws -> SearchOutcome {
        switch screen {
        case .accounts(var s):
            defer { screen = .accounts(s) }
            return try s.search(pattern, direction: forward ? .forward : .backward, includeCurrent: includeCurrent, env: env)
        case .detail(var s):
            defer { screen = .detail(s) }
            return s.search(pattern, forward: forward, includeCurrent: includeCurrent)
        default:
            return .notFound
        }
    }
}
