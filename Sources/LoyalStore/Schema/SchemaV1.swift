/// Days are ISO `YYYY-MM-DD` text (no time zone), timestamps ISO 8601 UTC text,
/// money integer cents. Derived figures live in `customer_stats`, kept current by
/// the store, so lists never aggregate purchases.
enum SchemaV1 {
    static let sql = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    CREATE TABLE rep (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1
    );

    CREATE TABLE customer (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        street TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT 'DE',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        industry TEXT NOT NULL DEFAULT '',
        employees INTEGER CHECK (employees >= 0),
        revenue_band TEXT NOT NULL DEFAULT '',
        rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL,
        since TEXT,
        preferences TEXT NOT NULL DEFAULT '',
        preferred_channel TEXT,
        best_call_times TEXT NOT NULL DEFAULT '',
        high_season TEXT NOT NULL DEFAULT '',
        busy_hours TEXT NOT NULL DEFAULT '',
        potential_cents INTEGER,
        class_override TEXT CHECK (class_override IN ('A', 'B', 'C')),
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lost')),
        lost_on TEXT,
        lost_reason TEXT,
        returned_on TEXT,
        -- Day the postal address last changed (a churn signal: the customer may be moving).
        address_changed_on TEXT,
        search_key TEXT NOT NULL DEFAULT '',
        -- Folded copies for ordering lists (Ä with A, case-insensitive).
        sort_name TEXT NOT NULL DEFAULT '',
        sort_city TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    -- One index per sort order of the accounts list, each ending in the id so
    -- pages continue from a (key, id) row value.
    CREATE INDEX customer_sort_name ON customer(sort_name, id);
    CREATE INDEX customer_sort_city ON customer(sort_city, id);
    CREATE INDEX customer_sort_rep ON customer(ifnull(rep_id, 0), sort_name, id);

    -- Substring search over number, name and city (folded), 3+ characters.
    CREATE VIRTUAL TABLE customer_search USING fts5(
        search_key, content='customer', content_rowid='id', tokenize='trigram');
    CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
        INSERT INTO customer_search(rowid, search_key) VALUES (new.id, new.search_key);
    END;
    CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
        INSERT INTO customer_search(customer_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
    END;
    CREATE TRIGGER customer_search_update AFTER UPDATE OF search_key ON customer BEGIN
        INSERT INTO customer_search(customer_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
        INSERT INTO customer_search(rowid, search_key) VALUES (new.id, new.search_key);
    END;

    CREATE TABLE consent (
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        granted INTEGER NOT NULL,
        given_on TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (customer_id, channel)
    ) WITHOUT ROWID;

    CREATE TABLE contact_person (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        birthday TEXT,
        partner_name TEXT NOT NULL DEFAULT '',
        partner_birthday TEXT,
        left_on TEXT,
        is_primary INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX contact_person_customer ON contact_person(customer_id);

    CREATE TABLE product (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        price_cents INTEGER NOT NULL DEFAULT 0,
        margin_cents INTEGER
    );

    CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        rows INTEGER NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX import_batch_hash ON import_batch(entity, content_hash);

    CREATE TABLE purchase (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        margin_cents INTEGER,
        discount_cents INTEGER,
        product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,
        quantity INTEGER NOT NULL DEFAULT 1,
        reference TEXT NOT NULL DEFAULT '',
        import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL
    );
    -- Covering index: statistics and the value model stream (customer, day, amount) from it alone.
    CREATE INDEX purchase_customer_day ON purchase(customer_id, day, amount_cents);
    CREATE UNIQUE INDEX purchase_reference ON purchase(customer_id, reference, ifnull(product_id, 0))
        WHERE reference <> '';

    CREATE TABLE interaction (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'letter', 'event', 'gift')),
        day TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX interaction_customer_day ON interaction(customer_id, day);
    -- The calendar's "last contact per channel" (max(day) per customer and kind) from the index alone.
    CREATE INDEX interaction_customer_kind ON interaction(customer_id, kind, day);

    CREATE TABLE interaction_contact (
        interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
        contact_person_id INTEGER NOT NULL REFERENCES contact_person(id) ON DELETE CASCADE,
        PRIMARY KEY (interaction_id, contact_person_id)
    ) WITHOUT ROWID;

    CREATE TABLE complaint (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        opened_on TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        resolved_on TEXT,
        goodwill_cents INTEGER
    );
    CREATE INDEX complaint_customer ON complaint(customer_id, opened_on);

    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        interaction_id INTEGER NOT NULL UNIQUE REFERENCES interaction(id) ON DELETE CASCADE,
        nps INTEGER CHECK (nps BETWEEN 0 AND 10),
        csat INTEGER CHECK (csat BETWEEN 1 AND 5),
        ces INTEGER CHECK (ces BETWEEN 1 AND 7),
        product_satisfaction INTEGER CHECK (product_satisfaction BETWEEN 1 AND 5),
        advice_satisfaction INTEGER CHECK (advice_satisfaction BETWEEN 1 AND 5),
        rep_sentiment INTEGER CHECK (rep_sentiment BETWEEN 1 AND 5),
        topics TEXT NOT NULL DEFAULT '',
        price_pressure INTEGER NOT NULL DEFAULT 0,
        competitor TEXT NOT NULL DEFAULT '',
        cross_sell_category TEXT NOT NULL DEFAULT '',
        complaint_id INTEGER REFERENCES complaint(id) ON DELETE SET NULL,
        next_step TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        cancellation INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE signal (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        evidence TEXT NOT NULL,
        evidence_key TEXT NOT NULL,
        weight REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'snoozed', 'dismissed', 'resolved')),
        opened_on TEXT NOT NULL,
        updated_on TEXT NOT NULL,
        snoozed_until TEXT,
        reason TEXT NOT NULL DEFAULT '',
        assigned_rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL
    );
    -- One open signal per customer and kind: new evidence updates it.
    CREATE UNIQUE INDEX signal_open_kind ON signal(customer_id, kind) WHERE status IN ('open', 'snoozed');
    CREATE INDEX signal_status ON signal(status, customer_id);

    CREATE TABLE calendar_entry (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        contact_person_id INTEGER REFERENCES contact_person(id) ON DELETE SET NULL,
        rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL,
        due TEXT NOT NULL,
        channel TEXT NOT NULL,
        reason TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),
        status_reason TEXT NOT NULL DEFAULT '',
        done_on TEXT,
        -- A time of day (HH:MM) when the entry has one.
        time TEXT,
        -- Why it cannot happen as planned (no consent), and the planner's notes (moved, busy hours).
        blocked TEXT,
        note TEXT NOT NULL DEFAULT '',
        -- Moved by a person: re-planning keeps the day.
        user_moved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX calendar_entry_due ON calendar_entry(due, rep_id);
    CREATE INDEX calendar_entry_customer ON calendar_entry(customer_id, due);

    -- A customer's own contact cadence instead of his class's ("visit every 60 days", "no newsletter").
    CREATE TABLE contact_plan_override (
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        cadence TEXT NOT NULL,
        PRIMARY KEY (customer_id, channel)
    ) WITHOUT ROWID;

    CREATE TABLE winback (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        opened_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        score INTEGER NOT NULL DEFAULT 0,
        score_class TEXT NOT NULL DEFAULT '',
        approach TEXT NOT NULL DEFAULT '',
        offer_type TEXT CHECK (offer_type IN ('financial', 'emotional', 'material')),
        conditions TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'declined', 'abandoned')),
        closed_on TEXT,
        judgements TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX winback_customer ON winback(customer_id);

    -- Every stage a customer at risk went through, for "days in each stage".
    CREATE TABLE retention_stage (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        since TEXT NOT NULL,
        event TEXT NOT NULL
    );
    CREATE INDEX retention_stage_customer ON retention_stage(customer_id, id);

    -- Risk score per customer and month, for the trend against last month.
    CREATE TABLE risk_snapshot (
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        score INTEGER NOT NULL,
        PRIMARY KEY (customer_id, month)
    ) WITHOUT ROWID;

    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_entity ON audit(entity, entity_id);

    -- An unsaved form, kept while typing so nothing is lost on a crash or a dropped SSH session.
    CREATE TABLE draft (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, subject)
    );

    CREATE TABLE customer_stats (
        customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
        as_of TEXT NOT NULL,
        revenue_12m_cents INTEGER NOT NULL DEFAULT 0,
        revenue_prev_12m_cents INTEGER NOT NULL DEFAULT 0,
        first_purchase TEXT,
        last_purchase TEXT NOT NULL DEFAULT '',
        purchase_count INTEGER NOT NULL DEFAULT 0,
        computed_class TEXT NOT NULL DEFAULT 'C',
        -- Effective class: the manual override if any, else the computed one.
        class TEXT NOT NULL DEFAULT 'C',
        -- Sorting by class lists A before B before C, each by revenue, largest first.
        class_rank INTEGER NOT NULL DEFAULT 0,
        -- Sort keys are never NULL so pages can continue from a row value;
        -- value_as_of tells whether value, p_alive and rfm have been computed.
        value_cents INTEGER NOT NULL DEFAULT 0,
        value_as_of TEXT,
        p_alive REAL,
        expected_purchases REAL,
        rfm TEXT,
        -- Risk 0–1 (score / 100), its band, and the panel's priority (risk × value).
        risk REAL NOT NULL DEFAULT 0,
        risk_band TEXT NOT NULL DEFAULT 'green',
        risk_priority INTEGER NOT NULL DEFAULT 0,
        open_signals INTEGER NOT NULL DEFAULT 0,
        oldest_signal TEXT,
        -- Where a customer at risk stands: at_risk, plan_in_place, saving, recovered, lost.
        stage TEXT,
        stage_since TEXT
    );
    -- The early-warning panel pages through customers with open signals, most to lose first.
    CREATE INDEX customer_stats_panel ON customer_stats(risk_priority, customer_id) WHERE open_signals > 0;
    CREATE INDEX customer_stats_revenue ON customer_stats(revenue_12m_cents, customer_id);
    CREATE INDEX customer_stats_class ON customer_stats(class, class_rank, customer_id);
    CREATE INDEX customer_stats_class_rank ON customer_stats(class_rank, customer_id);
    CREATE INDEX customer_stats_value ON customer_stats(value_cents, customer_id);
    CREATE INDEX customer_stats_last ON customer_stats(last_purchase, customer_id);
    CREATE INDEX customer_stats_risk ON customer_stats(risk, customer_id);
    """

    /// See the migration "v1-calendar-day-order".
    static let calendarDayOrderIndexes = """
        CREATE INDEX IF NOT EXISTS calendar_entry_day_order ON calendar_entry(
            due, status <> 'open', blocked IS NOT NULL, class, time IS NULL, time, customer_id);
        CREATE INDEX IF NOT EXISTS calendar_entry_rep_day_order ON calendar_entry(
            rep_id, due, status <> 'open', blocked IS NOT NULL, class, time IS NULL, time, customer_id);
        """

    /// See the migration "v1-team-overview": contacts by day, the scores beside each contact's
    /// id, each customer's rep beside his id, and the (few) lost customers by the day they
    /// were lost. The contacts' index holds every row (`id > 0`), but only statements that
    /// say so can use it (`TeamQueries.everyContact`): offered to all, SQLite took it for the
    /// early warning's year of feedback in day order, which then read the interaction table
    /// at random, five times slower on the 200000-customer demo.
    static let teamOverviewIndexes = """
        CREATE INDEX IF NOT EXISTS interaction_day_kind ON interaction(day, kind, rep_id) WHERE id > 0;
        CREATE INDEX IF NOT EXISTS feedback_scores ON feedback(interaction_id, nps, csat);
        CREATE INDEX IF NOT EXISTS customer_id_rep ON customer(id, rep_id);
        CREATE INDEX IF NOT EXISTS customer_lost ON customer(lost_on, rep_id) WHERE lost_on IS NOT NULL;
        """

    /// See the migration "v1-calendar-unplanned": planned calls and visits that found no
    /// room on the rep's days in their window (`due` is the planner's day, `stake` the
    /// expected loss in cents that ranked them).
    static let calendarUnplanned = """
        CREATE TABLE IF NOT EXISTS calendar_unplanned (
            uid TEXT PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            rep_id INTEGER REFERENCES rep(id) ON DELETE SET NULL,
            due TEXT NOT NULL,
            channel TEXT NOT NULL,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            stake INTEGER NOT NULL DEFAULT 0,
            window_from TEXT,
            window_to TEXT
        );
        CREATE INDEX IF NOT EXISTS calendar_unplanned_customer ON calendar_unplanned(customer_id);
        CREATE INDEX IF NOT EXISTS calendar_unplanned_rep ON calendar_unplanned(rep_id, stake);
        """

    /// See the migration "v1-consent-history". `consent` holds each channel's current answer;
    /// every answer it replaced (a withdrawn consent, an earlier refusal) is kept here by
    /// triggers, whoever changes it (import, merge, a later form), with when it was replaced.
    /// A consent moved to another customer by a merge takes its history along. The purpose of
    /// a consent is its channel (advertising by e-mail, phone, newsletter, …).
    static let consentHistory = """
        ALTER TABLE consent ADD COLUMN double_opt_in_on TEXT;
        CREATE TABLE consent_history (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            channel TEXT NOT NULL,
            granted INTEGER NOT NULL,
            given_on TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            double_opt_in_on TEXT,
            replaced_at TEXT NOT NULL
        );
        CREATE INDEX consent_history_customer ON consent_history(customer_id, channel, id);
        CREATE TRIGGER consent_history_update AFTER UPDATE ON consent
        WHEN old.granted IS NOT new.granted OR old.given_on IS NOT new.given_on OR old.source IS NOT new.source
            OR old.double_opt_in_on IS NOT new.double_opt_in_on
        BEGIN
            INSERT INTO consent_history (customer_id, channel, granted, given_on, source, double_opt_in_on, replaced_at)
            VALUES (new.customer_id, old.channel, old.granted, old.given_on, old.source, old.double_opt_in_on,
                    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END;
        CREATE TRIGGER consent_history_move AFTER UPDATE OF customer_id ON consent
        WHEN old.customer_id IS NOT new.customer_id
        BEGIN
            UPDATE consent_history SET customer_id = new.customer_id
            WHERE customer_id = old.customer_id AND channel = old.channel;
        END;
        -- A customer deleted takes his consents with him (nothing to prove any more).
        CREATE TRIGGER consent_history_delete AFTER DELETE ON consent
        WHEN EXISTS (SELECT 1 FROM customer WHERE id = old.customer_id)
        BEGIN
            INSERT INTO consent_history (customer_id, channel, granted, given_on, source, double_opt_in_on, replaced_at)
            VALUES (old.customer_id, old.channel, old.granted, old.given_on, old.source, old.double_opt_in_on,
                    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END;
        """
}
