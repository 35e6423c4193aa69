import GRDB

/// The schema and its migrations. `user_version` holds the schema version so an
/// older Loyal can refuse a newer file before touching it.
enum Schema {
    static let version = 1
    /// "LOYA" — marks the file as a Loyal database.
    static let applicationID = 0x4C4F_5941

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: SchemaV1.sql)
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        // Indexes only (no change of shape, so user_version stays): the accounts list
        // filtered by class and sorted by a figure pages through one of these instead
        // of collecting and sorting every account of the class. Immediate foreign key
        // checks: the deferred ones would check every purchase row of a large file.
        m.registerMigration("v1-class-sort-indexes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS customer_stats_class_revenue ON customer_stats(class, revenue_12m_cents, customer_id);
                CREATE INDEX IF NOT EXISTS customer_stats_class_value ON customer_stats(class, value_cents, customer_id);
                CREATE INDEX IF NOT EXISTS customer_stats_class_last ON customer_stats(class, last_purchase, customer_id);
                CREATE INDEX IF NOT EXISTS customer_stats_class_risk ON customer_stats(class, risk, customer_id);
                PRAGMA analysis_limit = 2000;
                ANALYZE customer_stats;
                """)
        }
        // The week grid shows each day's first entries in a fixed order (open before
        // done, unblocked before blocked, A customers first, then by time): with the
        // customer's class kept beside the entry, one index gives that order, and a day
        // reads only the entries it shows instead of ranking a whole week of all reps.
        // The two new indexes start as the old (due, rep) and (rep, due) ones did, which go.
        m.registerMigration("v1-calendar-day-order", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE calendar_entry ADD COLUMN class TEXT NOT NULL DEFAULT 'C';
                UPDATE calendar_entry SET class = ifnull((SELECT class FROM customer_stats s
                                                          WHERE s.customer_id = calendar_entry.customer_id), 'C');
                \(SchemaV1.calendarDayOrderIndexes)
                DROP INDEX IF EXISTS calendar_entry_rep;
                DROP INDEX IF EXISTS calendar_entry_due;
                """)
        }
        // Text stored before imports and forms refused control characters and bidi
        // overrides (issue 11) is cleaned by the same rule; the audit lists each change.
        m.registerMigration("v1-clean-control-characters", foreignKeyChecks: .immediate) { db in
            try CleanControlCharacters.run(db)
        }
        // The churn risk became a probability from a model over purchase figures: the
        // value step keeps each customer's distinct purchase days and the purchase model's
        // P(no purchase in the horizon) beside the other figures, and the panel (a capped
        // share of the customers at risk) is a flag with its own index.
        m.registerMigration("v1-churn-model", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE customer_stats ADD COLUMN purchase_days INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE customer_stats ADD COLUMN p_no_purchase REAL;
                ALTER TABLE customer_stats ADD COLUMN on_panel INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX IF NOT EXISTS customer_stats_on_panel ON customer_stats(risk_priority, customer_id)
                    WHERE on_panel = 1;
                """)
        }
        // A merge of two customers or contacts can be undone later, from another process:
        // what it moved and deleted is kept here until then.
        m.registerMigration("v1-merge-undo", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE merge_undo (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('customer', 'contact')),
                    keep_id INTEGER NOT NULL,
                    other_id INTEGER NOT NULL,
                    payload TEXT NOT NULL
                );
                """)
        }
        // Imports from other CRMs keep the columns Loyal has no field for, per record, as JSON.
        m.registerMigration("v1-import-extra", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN extra TEXT NOT NULL DEFAULT '';
                ALTER TABLE contact_person ADD COLUMN extra TEXT NOT NULL DEFAULT '';
                """)
        }
        // Reps away (vacation, sickness, trade fairs): the working-day calendar plans
        // nothing for a rep on these days (issue 14).
        m.registerMigration("v1-absence", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE absence (
                    id INTEGER PRIMARY KEY,
                    rep_id INTEGER NOT NULL REFERENCES rep(id) ON DELETE CASCADE,
                    from_day TEXT NOT NULL,
                    to_day TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    CHECK (from_day <= to_day)
                );
                CREATE INDEX absence_rep ON absence(rep_id, from_day);
                """)
        }
        // Business or consumer: German law lets a business be called on presumed consent,
        // a consumer only with express consent (UWG § 7). Existing customers are businesses.
        m.registerMigration("v1-customer-kind", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN kind TEXT NOT NULL DEFAULT 'business'
                    CHECK (kind IN ('business', 'consumer'));
                """)
        }
        // The levelling pass (issue 14) leaves out what does not fit a rep's days: listed
        // here, per planned entry, with the window it had, for `loyal agenda --unplanned`.
        m.registerMigration("v1-calendar-unplanned", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: SchemaV1.calendarUnplanned)
        }
        // A person has more e-mails and phones than its two fields (CRM exports, vCards): the
        // further ones, each with its kind, get their own rows. An earlier vCard import kept
        // them as `phone (mobile): …` lines in the notes; they move here.
        m.registerMigration("v1-contact-channel", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE contact_channel (
                    id INTEGER PRIMARY KEY,
                    contact_person_id INTEGER NOT NULL REFERENCES contact_person(id) ON DELETE CASCADE,
                    medium TEXT NOT NULL CHECK (medium IN ('email', 'phone')),
                    kind TEXT NOT NULL CHECK (kind IN ('work', 'home', 'mobile', 'fax', 'pager', 'other')),
                    value TEXT NOT NULL
                );
                CREATE INDEX contact_channel_person ON contact_channel(contact_person_id);
                """)
            try ContactChannelMigration.moveFromNotes(db)
        }
        // Consent is proof (GDPR Art. 7 (1)): a withdrawal or a new answer must not overwrite
        // the consent it replaces, and double opt-in confirmation has its day (issue 18).
        m.registerMigration("v1-consent-history", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: SchemaV1.consentHistory)
        }
        // Indexes only, for the manager's overview (issue 18): each figure group reads one
        // range of one of these instead of a whole table (see TeamQueries). The customer
        // index leads with the id on purpose: one leading with rep_id would draw the
        // accounts list filtered by rep away from its sort index into sorting every page.
        m.registerMigration("v1-team-overview", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: SchemaV1.teamOverviewIndexes)
        }
        // The value step reads every purchase's day, amount and margin on each refresh:
        // with the margin in the index that is one pass down the index instead of a
        // second query looking up each of millions of rows in the table.
        m.registerMigration("v1-purchase-margin-index", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS purchase_customer_day;
                CREATE INDEX purchase_customer_day ON purchase(customer_id, day, amount_cents, margin_cents);
                """)
        }
        // A team on one host (issue 18): who may use the database and in what role, the
        // settings the team shares, an audit naming the user with the before/after of each
        // changed field, and drafts and merge undo kept per user.
        m.registerMigration("v1-users-audit-drafts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: SchemaV1.usersAuditDrafts)
        }
        // Incremental refresh (issue 17): triggers note which customers' inputs changed, so
        // a refresh recomputes those (and what the passing of days changes) instead of all,
        // and skips when nothing changed. Which tables are watched: ChangeTracking.
        m.registerMigration("v1-refresh-change", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: ChangeTracking.migrationSQL)
        }
        // Signal evidence is kept as a catalogue key with arguments and read in the viewer's
        // language (issue 15); the English text stored before becomes keys.
        m.registerMigration("v1-stored-text-keys", foreignKeyChecks: .immediate) { db in
            try StoredTextMigration.run(db)
        }
        // Calendar entries a playbook made (issue 15): the signal's name and the default step
        // as keys, read in the viewer's language; UIDs unchanged.
        m.registerMigration("v1-stored-text-calendar", foreignKeyChecks: .immediate) { db in
            try StoredTextMigration.playbookReasons(db)
        }
        // One main contact per customer (issue 12): duplicates repaired, then a unique index.
        m.registerMigration("v1-one-main-contact", foreignKeyChecks: .immediate) { db in
            try OneMainContactMigration.run(db)
        }
        // The rep sort goes by the rep's name through a kept sort key and its index (issue 12).
        m.registerMigration("v1-rep-sort-name", foreignKeyChecks: .immediate) { db in
            try RepSortMigration.run(db)
        }
        // Saving a visit re-plans the customer against what the rep already has on each day
        // (PlanLoad.otherCustomers). Of a rep's 35,000 entries in the horizon at 200,000 customers
        // only the open, unblocked calls and visits count: this index holds just those, so the
        // save reads about 1,200 index rows instead of 35,000 table rows.
        m.registerMigration("v1-calendar-rep-load-index") { db in
            try db.execute(sql: """
                CREATE INDEX calendar_entry_rep_load ON calendar_entry(rep_id, due, customer_id, channel)
                WHERE status = 'open' AND blocked IS NULL AND channel IN ('phone', 'visit')
                """)
        }
        // The contact planner's reasons and notes (issue 15) as keys, read in the viewer's
        // language; the English text stored before becomes keys, days as days.
        m.registerMigration("v1-stored-text-plan", foreignKeyChecks: .immediate) { db in
            try StoredTextMigration.planTexts(db)
        }
        return m
    }
}
