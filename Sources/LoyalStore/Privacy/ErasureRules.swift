import GRDB

/// How GDPR erasure treats one text column.
enum ErasureClass {
    /// Codes, days, references, figures: not about the person; kept.
    case keep
    /// The record's name: his own becomes the tombstone ("erased 2026-12-05"), so ids,
    /// purchases and figures keep a record to belong to.
    case name
    /// Identifies him (e-mail, phone, address, birthday): emptied in his record, and
    /// elsewhere where the value names him.
    case personal
    /// Free text people typed about him: emptied in his records and those about him (the
    /// feedback of visits he attended, complaints raised there, his calendar entries);
    /// elsewhere the lines that name him go.
    case text
    /// Free text about the account, such as visit notes: the account's history, not his, even
    /// for a visit he attended — only the lines that name him go. A private customer's are
    /// all about him and are emptied when he is erased.
    case accountNotes
    /// Text Loyal wrote, or a record that must stay (a signal's evidence, a consent's
    /// source): kept, with his name, e-mail and phone replaced by the tombstone (his surname
    /// too in his customer's records).
    case record
    /// Columns an import had no field for, as a JSON object: emptied in his records;
    /// elsewhere the entries that name him go.
    case extra
    /// Folded copies of name and city for search and sorting: computed again.
    case searchKey
}

extension ErasureClass {
    /// Text people typed. Only these are looked at in records that are neither his nor his
    /// customer's: a name there may be a namesake's, and a namesake's record must not change,
    /// but a line naming him by full name, e-mail or phone is taken out.
    var isFreeText: Bool { self == .text || self == .accountNotes || self == .extra }
}

struct ErasureRule {
    var table: String
    /// Every text column. Numbers (ids, figures, scores) are kept and need no entry.
    var columns: [String: ErasureClass]
    /// Rows about him that go entirely (a birthday greeting for him, a merge undo holding his
    /// old record); nil keeps every row.
    var deleteTied: (@Sendable (Row) -> Bool)? = nil
    /// A row that would change is deleted instead: a merge undo or a draft with parts cut out
    /// would restore or offer something wrong.
    var deleteWhenChanged = false
    /// What splits free text into the parts that go when they name him, outermost first.
    var separators = ["\n"]
}

/// Which table holds what, for every table of the schema. A table or text column a migration
/// adds must be placed here before erasure runs again (`gaps`, checked before anything is
/// changed, and by a test).
enum ErasureRules {
    /// Tables that hold nothing about customers or their people.
    static let unrelated: Set<String> = ["grdb_migrations", "meta", "rep", "product", "import_batch", "absence",
                                          "team_user", "team_setting",
                                          "refresh_change"]  // customer ids only, emptied by each refresh

    /// References followed from child to parent because the child makes the parent about the
    /// person: a visit he attended, a complaint raised on that visit.
    static let through: [(table: String, column: String)] = [("interaction_contact", "interaction_id"),
                                                             ("feedback", "complaint_id")]

    static func rule(_ table: String) -> ErasureRule? { all.first { $0.table == table } }

    static let all: [ErasureRule] = [
        ErasureRule(table: "customer", columns: [
            "name": .name, "street": .personal, "postal_code": .personal, "city": .personal, "phone": .personal,
            "email": .personal, "website": .personal, "notes": .text, "preferences": .text,
            "best_call_times": .text, "high_season": .text, "busy_hours": .text, "extra": .extra,
            "search_key": .searchKey, "sort_name": .searchKey, "sort_city": .searchKey,
            "number": .keep, "country": .keep, "industry": .keep, "revenue_band": .keep, "since": .keep,
            "preferred_channel": .keep, "class_override": .keep, "status": .keep, "lost_on": .keep,
            "lost_reason": .keep, "returned_on": .keep, "address_changed_on": .keep, "created_at": .keep,
            "updated_at": .keep, "kind": .keep,
            // The rep's name folded for the rep sort: about the rep, not the customer.
            "rep_sort": .keep,
        ]),
        // left_on stays: "the contact left" is a churn signal of the business, not about him.
        ErasureRule(table: "contact_person", columns: [
            "first_name": .personal, "last_name": .name, "role": .personal, "email": .personal, "phone": .personal,
            "birthday": .personal, "partner_name": .personal, "partner_birthday": .personal, "left_on": .keep,
            "notes": .text, "extra": .extra,
        ]),
        // Further e-mails and phones of a person, each his own.
        ErasureRule(table: "contact_channel", columns: ["medium": .keep, "kind": .keep, "value": .personal],
                    deleteTied: { _ in true }),
        // Consent is proof that must outlive the person's other data (Art. 7 (1) GDPR): purpose
        // (the channel), source, dates, double opt-in and, in its history, withdrawal stay.
        ErasureRule(table: "consent", columns: [
            "channel": .keep, "given_on": .keep, "source": .record, "double_opt_in_on": .keep,
        ]),
        // The answers a consent replaced: a withdrawn consent stays recorded.
        ErasureRule(table: "consent_history", columns: [
            "channel": .keep, "given_on": .keep, "source": .record, "double_opt_in_on": .keep, "replaced_at": .keep,
        ]),
        ErasureRule(table: "purchase", columns: ["day": .keep, "reference": .keep]),
        ErasureRule(table: "interaction", columns: ["kind": .keep, "day": .keep, "created_at": .keep,
                                                    "subject": .accountNotes, "notes": .accountNotes]),
        ErasureRule(table: "interaction_contact", columns: [:]),
        ErasureRule(table: "feedback", columns: ["topics": .text, "next_step": .text, "competitor": .record,
                                                 "cross_sell_category": .keep, "follow_up_on": .keep]),
        ErasureRule(table: "complaint", columns: ["opened_on": .keep, "category": .keep, "resolved_on": .keep,
                                                  "text": .text]),
        ErasureRule(table: "signal", columns: [
            "kind": .keep, "evidence": .record, "evidence_key": .keep, "status": .keep, "opened_on": .keep,
            "updated_on": .keep, "snoozed_until": .keep, "reason": .text,
        ]),
        // A greeting's day gives his birthday away: his birthday entries go, done or not.
        ErasureRule(table: "calendar_entry", columns: [
            "uid": .keep, "due": .keep, "channel": .keep, "reason": .record, "source": .keep, "status": .keep,
            "status_reason": .text, "done_on": .keep, "time": .keep, "blocked": .record, "note": .record,
            "class": .keep,
        ], deleteTied: { row in ["birthday", "partner_birthday"].contains(row["source"] as String? ?? "") }),
        ErasureRule(table: "calendar_unplanned", columns: [
            "uid": .keep, "due": .keep, "channel": .keep, "reason": .record, "source": .keep,
            "window_from": .keep, "window_to": .keep,
        ], deleteTied: { row in ["birthday", "partner_birthday"].contains(row["source"] as String? ?? "") }),
        ErasureRule(table: "contact_plan_override", columns: ["channel": .keep, "cadence": .keep]),
        ErasureRule(table: "winback", columns: [
            "opened_on": .keep, "reason": .keep, "score_class": .keep, "approach": .record, "offer_type": .keep,
            "conditions": .text, "follow_up_on": .keep, "outcome": .keep, "closed_on": .keep, "judgements": .keep,
        ]),
        ErasureRule(table: "retention_stage", columns: ["stage": .keep, "since": .keep, "event": .record]),
        ErasureRule(table: "risk_snapshot", columns: ["month": .keep]),
        ErasureRule(table: "customer_stats", columns: [
            "as_of": .keep, "first_purchase": .keep, "last_purchase": .keep, "computed_class": .keep, "class": .keep,
            "value_as_of": .keep, "rfm": .keep, "risk_band": .keep, "oldest_signal": .keep, "stage": .keep,
            "stage_since": .keep,
        ]),
        // The log tables name records by id, not by a foreign key (see SubjectRecords). An
        // audit entry about him keeps who did what when, without the detail.
        ErasureRule(table: "audit", columns: ["at": .keep, "actor": .keep, "entity": .keep, "action": .keep,
                                              "detail": .text, "changes": .text],
                    separators: ["\n", "; "]),
        ErasureRule(table: "merge_undo", columns: ["at": .keep, "kind": .keep, "payload": .text, "user": .keep],
                    deleteTied: { _ in true }, deleteWhenChanged: true),
        ErasureRule(table: "draft", columns: ["user": .keep, "kind": .keep, "subject": .keep, "payload": .text,
                                              "updated_at": .keep],
                    deleteTied: { _ in true }, deleteWhenChanged: true),
    ]

    /// What the schema has that these rules do not place: a table neither related nor ruled,
    /// a related table listed as unrelated, a text column without a class. Erasure refuses to
    /// run while there is any, so a new column is never silently left with his data.
    static func gaps(_ schema: SchemaLinks) -> [String] {
        var out: [String] = []
        let related = relatedTables(schema)
        for table in schema.tables {
            if unrelated.contains(table.name) {
                if related.contains(table.name) { out.append("table \(table.name) refers to customers or contacts") }
                continue
            }
            guard let rule = rule(table.name) else { out.append("table \(table.name)"); continue }
            for column in table.textColumns where rule.columns[column] == nil {
                out.append("column \(table.name).\(column)")
            }
        }
        return out
    }

    /// Tables whose rows can refer to a customer or contact person, directly or through others.
    static func relatedTables(_ schema: SchemaLinks) -> Set<String> {
        var related: Set<String> = ["customer", "contact_person"]
        var grew = true
        while grew {
            grew = false
            for ref in schema.references where related.contains(ref.parent) && !related.contains(ref.table) {
                related.insert(ref.table)
                grew = true
            }
        }
        return related
    }
}
