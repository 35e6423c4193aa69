import GRDB
import LoyalCore

/// Only one main contact per customer (issue 12). Before, two could be set; the repair keeps
/// the one changed most recently (the audit's last edit, else the newest row) and the
/// audit lists each contact that stopped being main. A partial unique index then refuses a
/// second main contact in any write; `CustomerRecords` demotes the old one when a new one
/// is set (interface and imports alike), so saving never runs into the index.
enum OneMainContactMigration {
    static let index = "CREATE UNIQUE INDEX contact_person_one_main ON contact_person(customer_id) WHERE is_primary = 1;"

    static func run(_ db: Database) throws {
        let demoted = try Row.fetchAll(db, sql: """
            SELECT id, customer_id FROM (
                SELECT p.id, p.customer_id, row_number() OVER (
                    PARTITION BY p.customer_id
                    ORDER BY (SELECT max(a.at) FROM main.audit a WHERE a.entity = 'contact_person' AND a.entity_id = p.id)
                             DESC NULLS LAST, p.id DESC) AS n
                FROM main.contact_person p WHERE p.is_primary = 1)
            WHERE n > 1
            """)
        for row in demoted {
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE main.contact_person SET is_primary = 0 WHERE id = ?", arguments: [id])
            try Audit.record(db, actor: "migration", entity: "contact_person", id: id, action: "one main contact",
                             detail: "no longer the main contact: customer \(row["customer_id"] as Int64) had another one",
                             changes: [AuditChange("isPrimary", "true", "false")], customerID: row["customer_id"])
        }
        try db.execute(sql: index)
    }
}

/// The accounts list sorted by rep goes by the rep's name, A→Z (it went by an internal id).
/// Each rep keeps its name folded for sorting (`rep.sort_name`, written with the rep) and
/// each customer a copy of its rep's (`customer.rep_sort`), kept by triggers whichever way
/// the rep or the customer's rep changes, so one index (rep name, customer name, id) pages
/// the list by keyset like every other order. Customers without a rep come first.
enum RepSortMigration {
    static let sql = """
        ALTER TABLE rep ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE customer ADD COLUMN rep_sort TEXT NOT NULL DEFAULT '';
        DROP INDEX IF EXISTS customer_sort_rep;
        CREATE INDEX customer_rep_sort ON customer(rep_sort, sort_name, id);
        CREATE TRIGGER customer_rep_sort_insert AFTER INSERT ON customer
        WHEN new.rep_sort IS NOT ifnull((SELECT sort_name FROM rep WHERE id = new.rep_id), '')
        BEGIN UPDATE customer SET rep_sort = ifnull((SELECT sort_name FROM rep WHERE id = new.rep_id), '') WHERE id = new.id; END;
        CREATE TRIGGER customer_rep_sort_update AFTER UPDATE OF rep_id, rep_sort ON customer
        WHEN new.rep_sort IS NOT ifnull((SELECT sort_name FROM rep WHERE id = new.rep_id), '')
        BEGIN UPDATE customer SET rep_sort = ifnull((SELECT sort_name FROM rep WHERE id = new.rep_id), '') WHERE id = new.id; END;
        CREATE TRIGGER rep_sort_name_update AFTER UPDATE OF sort_name ON rep
        BEGIN UPDATE customer SET rep_sort = new.sort_name WHERE rep_id = new.id; END;
        """

    /// The key a rep sorts by: the name folded as customer names are, then the code (two
    /// reps of one name stay apart).
    static func sortName(name: String, code: String) -> String {
        SearchKey.fold(name) + " " + SearchKey.fold(code)
    }

    static func run(_ db: Database) throws {
        try db.execute(sql: sql)
        // Sort keys, not changes: no customer's figures depend on them.
        try ChangeTracking.paused(db) {
            for row in try Row.fetchAll(db, sql: "SELECT id, code, name FROM rep") {
                try db.execute(sql: "UPDATE rep SET sort_name = ? WHERE id = ?",
                               arguments: [sortName(name: row["name"], code: row["code"]), row["id"] as Int64])
            }
        }
    }
}
