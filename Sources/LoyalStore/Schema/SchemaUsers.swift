extension SchemaV1 {
    /// Users are OS login names; a rep user's customers are those of their rep record.
    /// The draft table is rebuilt for its new key (a user's draft of a form and subject).
    static let usersAuditDrafts = """
        CREATE TABLE team_user (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'admin')),
            rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE team_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        ALTER TABLE audit ADD COLUMN changes TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN customer_id INTEGER;
        CREATE INDEX audit_actor ON audit(actor, id);
        CREATE INDEX audit_customer ON audit(customer_id, id) WHERE customer_id IS NOT NULL;
        CREATE INDEX audit_at ON audit(at, id);

        CREATE TABLE draft_by_user (
            id INTEGER PRIMARY KEY,
            user TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (user, kind, subject)
        );
        INSERT INTO draft_by_user (id, kind, subject, payload, updated_at)
            SELECT id, kind, subject, payload, updated_at FROM draft;
        DROP TABLE draft;
        ALTER TABLE draft_by_user RENAME TO draft;

        ALTER TABLE merge_undo ADD COLUMN user TEXT NOT NULL DEFAULT '';
        """
}
