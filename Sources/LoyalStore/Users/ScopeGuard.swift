import Foundation
import GRDB
import LoyalCore

/// Puts an `AccessScope` on one SQLite connection, the one place it is enforced:
/// - a session row (`temp.loyal_session`) naming the user, which the audit writer reads;
/// - on read connections of a rep who sees only their own customers, TEMP views that
///   shadow every table about customers (SQLite resolves an unqualified name in `temp`
///   before `main`), so every list, search, report and export reads only their customers;
/// - on the write connection of a rep, TEMP triggers that refuse any change to another
///   rep's customer, and a change of a customer's rep (a manager reassigns).
/// Derived figures (customer_stats, risk snapshots) are not guarded: a refresh after a rep's
/// visit recomputes them from data the rep was allowed to write.
enum ScopeGuard {
    /// Tables with a `customer_id`, shadowed for reads.
    static let customerTables = ["consent", "consent_history", "contact_person", "purchase", "interaction", "complaint",
                                 "signal", "calendar_entry", "calendar_unplanned", "contact_plan_override", "winback",
                                 "retention_stage", "risk_snapshot", "customer_stats"]
    /// Tables people write, guarded for reps.
    static let writtenTables = ["consent", "contact_person", "purchase", "interaction", "complaint", "signal",
                                "calendar_entry", "contact_plan_override", "winback"]
    /// Child tables reached through a parent: (table, column, parent).
    static let childTables = [("feedback", "interaction_id", "interaction"),
                              ("interaction_contact", "interaction_id", "interaction"),
                              ("contact_channel", "contact_person_id", "contact_person")]

    static let refusal = "not your customer: it belongs to another rep; nothing was changed"
    static let absenceRefusal = "a rep records only their own absences; nothing was changed"
    static let reassignRefusal = "only a manager or admin may give a customer to another rep; nothing was changed"

    /// A trigger's refusal (always written in English, into SQL) in the language in use.
    static func refusalText(_ message: String) -> String {
        switch message {
        case refusal: return Text.tr("store_error.not_your_customer")
        case absenceRefusal: return Text.tr("store_error.own_absences_only")
        case reassignRefusal: return Text.tr("store_error.reassign_managers_only")
        default: return message
        }
    }

    static func install(_ db: Database, _ scope: AccessScope, reader: Bool) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS loyal_session (user TEXT NOT NULL, role TEXT NOT NULL, owner TEXT NOT NULL);
            DELETE FROM temp.loyal_session;
            INSERT INTO temp.loyal_session (user, role, owner) VALUES (?, ?, ?);
            """, arguments: [scope.user, scope.role.rawValue, scope.isTeam ? scope.user : ""])
        if reader, scope.filtersReads { try db.execute(sql: views(repID: scope.repID ?? -1)) }
        if !reader, scope.guardsWrites { try db.execute(sql: triggers(repID: scope.repID ?? -1)) }
    }

    static func views(repID: Int64) -> String {
        let own = "SELECT id FROM main.customer WHERE rep_id = \(repID)"
        var sql = ["CREATE TEMP VIEW IF NOT EXISTS customer AS SELECT * FROM main.customer WHERE rep_id = \(repID);"]
        for t in customerTables {
            sql.append("CREATE TEMP VIEW IF NOT EXISTS \(t) AS SELECT * FROM main.\(t) WHERE customer_id IN (\(own));")
        }
        for (t, column, parent) in childTables {
            sql.append("""
                CREATE TEMP VIEW IF NOT EXISTS \(t) AS SELECT * FROM main.\(t)
                WHERE \(column) IN (SELECT id FROM main.\(parent) WHERE customer_id IN (\(own)));
                """)
        }
        return sql.joined(separator: "\n")
    }

    static func triggers(repID: Int64) -> String {
        func notOwn(_ customer: String) -> String {
            "(SELECT rep_id FROM main.customer WHERE id = \(customer)) IS NOT \(repID)"
        }
        func guarded(_ table: String, _ name: String, _ test: (String) -> String) -> [String] {
            [("INSERT", test("new")), ("UPDATE", "\(test("old")) OR \(test("new"))"), ("DELETE", test("old"))].map { op, when in
                """
                CREATE TEMP TRIGGER IF NOT EXISTS loyal_scope_\(name)_\(op.lowercased()) BEFORE \(op) ON main.\(table)
                WHEN \(when) BEGIN SELECT RAISE(ABORT, '\(refusal)'); END;
                """
            }
        }
        var sql = guarded("customer", "customer") { "\($0).rep_id IS NOT \(repID)" }
        sql.append("""
            CREATE TEMP TRIGGER IF NOT EXISTS loyal_scope_customer_reassign BEFORE UPDATE OF rep_id ON main.customer
            WHEN old.rep_id IS NOT new.rep_id BEGIN SELECT RAISE(ABORT, '\(reassignRefusal)'); END;
            """)
        for t in writtenTables { sql += guarded(t, t) { notOwn("\($0).customer_id") } }
        for (t, column, parent) in childTables {
            sql += guarded(t, t) { notOwn("(SELECT customer_id FROM main.\(parent) WHERE id = \($0).\(column))") }
        }
        // A rep's absences are their own to record; the team's are the manager's.
        sql += guarded("absence", "absence") { "\($0).rep_id IS NOT \(repID)" }.map {
            $0.replacingOccurrences(of: refusal, with: absenceRefusal)
        }
        return sql.joined(separator: "\n")
    }

    /// Index hints name indexes of tables; on a rep's shadowing views they would be an
    /// error, and the planner picks well on the smaller set anyway.
    static func unhinted(_ sql: String, _ db: Database) throws -> String {
        let shadowed = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM temp.sqlite_master WHERE type = 'view'") ?? false
        guard shadowed else { return sql }
        return sql.replacingOccurrences(of: #"\s+(INDEXED BY\s+\w+|NOT INDEXED)"#, with: "", options: .regularExpression)
    }
}
