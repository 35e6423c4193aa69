import GRDB
import LoyalCore

public enum ExportFormat: String, CaseIterable, Sendable {
    /// iCalendar (RFC 5545), for the calendar only; vCard 4.0 (RFC 6350), for contacts only.
    case csv, json, ics, vcf
}

public enum ExportEntity: String, CaseIterable, Sendable {
    case customers, contacts, products, purchases, interactions, feedback, complaints, calendar
}

/// How a column is written: text is guarded against formula injection in CSV and
/// quoted in JSON; numbers and money are written bare; null is empty / `null`.
enum ExportKind { case text, number, money, day }

struct ExportColumn {
    var name: String
    var kind: ExportKind
    var sql: String
}

extension Store {
    /// Streams an entity as CSV or JSON through `write`, row by row, so millions of
    /// purchases export without being held in memory. Column names are the import
    /// names, so an export can be imported again.
    public func export(_ entity: ExportEntity, format: ExportFormat, write: (String) throws -> Void) throws {
        let (columns, from) = ExportColumns.of(entity)
        let sql = "SELECT " + columns.map(\.sql).joined(separator: ", ") + " FROM " + from
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: sql)
            switch format {
            case .csv:
                try write(columns.map(\.name).joined(separator: ",") + "\r\n")
                while let row = try cursor.next() {
                    try write(CSVWriter.line(columns.indices.map { i in
                        (ExportColumns.plain(row[i] as DatabaseValue, columns[i].kind), columns[i].kind == .text)
                    }))
                }
            case .ics:
                throw StoreError.invalid(Text.tr("store_error.ics_calendar_only"))
            case .vcf:
                throw StoreError.invalid(Text.tr("store_error.vcf_contacts_only"))
            case .json:
                try write("[")
                var first = true
                while let row = try cursor.next() {
                    var parts: [String] = []
                    for (i, c) in columns.enumerated() {
                        parts.append(JSONText.string(c.name) + ":" + ExportColumns.json(row[i] as DatabaseValue, c.kind))
                    }
                    try write((first ? "\n" : ",\n") + "{" + parts.joined(separator: ",") + "}")
                    first = false
                }
                try write("\n]\n")
            }
        }
    }
}

enum ExportColumns {
    static func plain(_ v: DatabaseValue, _ kind: ExportKind) -> String {
        switch v.storage {
        case .null: return ""
        case .int64(let i): return kind == .money ? Money(cents: i).plain : String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .blob: return ""
        }
    }

    static func json(_ v: DatabaseValue, _ kind: ExportKind) -> String {
        switch v.storage {
        case .null: return "null"
        case .int64(let i):
            switch kind {
            case .money: return Money(cents: i).plain
            case .text, .day: return JSONText.string(String(i))
            case .number: return String(i)
            }
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .string(let s): return kind == .number ? s : JSONText.string(s)
        case .blob: return "null"
        }
    }

    /// A person's e-mails or phones of one column (`ContactChannelCells.columns`) as one cell,
    /// `a@x.de; b@x.de`, as the import reads them back: the person's own address first. The
    /// work column starts with the person's own one when no row has it (typed by hand, or
    /// stored before channels); the other column adds the kinds no column has, with their kind.
    static func channels(_ column: String) -> String {
        let c = ContactChannelCells.columns.first { $0.key == column }!
        let medium = c.medium.rawValue, own = "p." + medium
        let named = ContactChannelCells.columns.filter { $0.medium == c.medium }.map { "'\($0.kind.rawValue)'" }.joined(separator: ", ")
        let which = "kind = '\(c.kind.rawValue)'" + (c.kind == .other ? " OR kind NOT IN (\(named))" : "")
        let list = """
            (SELECT group_concat(v, '; ') FROM (SELECT CASE WHEN kind = '\(c.kind.rawValue)' THEN value \
            ELSE value || ' (' || kind || ')' END AS v, value = \(own) AS own FROM contact_channel \
            WHERE contact_person_id = p.id AND medium = '\(medium)' AND (\(which)) ORDER BY own DESC, id))
            """
        guard c.kind == .work else { return list }
        let unlisted = """
            CASE WHEN \(own) <> '' AND NOT EXISTS (SELECT 1 FROM contact_channel WHERE contact_person_id = p.id \
            AND medium = '\(medium)' AND value = \(own)) THEN \(own) ELSE '' END
            """
        return "ltrim(\(unlisted) || ifnull('; ' || \(list), ''), '; ')"
    }

    static func of(_ entity: ExportEntity) -> ([ExportColumn], String) {
        func t(_ n: String, _ s: String? = nil) -> ExportColumn { ExportColumn(name: n, kind: .text, sql: s ?? n) }
        func n(_ n: String, _ s: String? = nil) -> ExportColumn { ExportColumn(name: n, kind: .number, sql: s ?? n) }
        func m(_ n: String, _ s: String) -> ExportColumn { ExportColumn(name: n, kind: .money, sql: s) }
        func d(_ n: String, _ s: String? = nil) -> ExportColumn { ExportColumn(name: n, kind: .day, sql: s ?? n) }
        func consent(_ ch: String) -> ExportColumn {
            ExportColumn(name: "consent_\(ch)", kind: .number,
                         sql: "(SELECT granted FROM consent WHERE customer_id = c.id AND channel = '\(ch)')")
        }
        switch entity {
        case .customers:
            return ([t("number", "c.number"), t("name", "c.name"), t("street"), t("postal_code"), t("city"),
                     t("country"), t("phone", "c.phone"), t("email", "c.email"), t("website"), t("industry"),
                     n("employees"), t("revenue_band"), t("rep", "r.code"), d("since"), t("preferences"),
                     t("preferred_channel"), t("best_call_times"), t("high_season"), t("busy_hours"),
                     m("potential", "potential_cents"), t("class", "class_override"), t("kind", "c.kind"), t("notes", "c.notes"),
                     t("status"), d("lost_on"), t("lost_reason"), d("returned_on"),
                     consent("email"), consent("phone"), consent("newsletter"),
                     t("computed_class", "s.computed_class"), m("revenue_12m", "s.revenue_12m_cents"),
                     m("revenue_previous_12m", "s.revenue_prev_12m_cents"), d("last_purchase", "s.last_purchase")],
                    "customer c LEFT JOIN rep r ON r.id = c.rep_id LEFT JOIN customer_stats s ON s.customer_id = c.id ORDER BY c.number")
        case .contacts:
            return ([t("customer", "c.number"), t("first_name"), t("last_name"), t("role"),
                     t("email", channels("email")), t("email_other", channels("email_other")),
                     t("email_home", channels("email_home")), t("phone", channels("phone")), t("mobile", channels("mobile")),
                     t("phone_other", channels("phone_other")), t("phone_home", channels("phone_home")),
                     t("fax", channels("fax")), t("birthday"), t("partner_name"), t("partner_birthday"),
                     d("left_on"), n("primary", "is_primary"), t("notes", "p.notes")],
                    "contact_person p JOIN customer c ON c.id = p.customer_id ORDER BY c.number, p.id")
        case .products:
            return ([t("sku"), t("name"), t("category"), m("price", "price_cents"), m("margin", "margin_cents")],
                    "product ORDER BY sku")
        case .purchases:
            return ([t("customer", "c.number"), d("date", "p.day"), m("amount", "p.amount_cents"),
                     m("margin", "p.margin_cents"), m("discount", "p.discount_cents"), t("product", "pr.sku"),
                     n("quantity"), t("reference")],
                    "purchase p JOIN customer c ON c.id = p.customer_id LEFT JOIN product pr ON pr.id = p.product_id ORDER BY p.id")
        case .interactions:
            return ([n("id", "i.id"), t("customer", "c.number"), t("rep", "r.code"), t("kind", "i.kind"), d("date", "i.day"),
                     t("subject"), t("notes", "i.notes")],
                    "interaction i JOIN customer c ON c.id = i.customer_id LEFT JOIN rep r ON r.id = i.rep_id ORDER BY i.id")
        case .feedback:
            return ([n("interaction", "f.interaction_id"), t("customer", "c.number"), d("date", "i.day"),
                     t("channel", "i.kind"), n("nps"), n("csat"), n("ces"), n("product_satisfaction"),
                     n("advice_satisfaction"), n("rep_sentiment"), t("topics"), n("price_pressure"), t("competitor"),
                     t("cross_sell", "cross_sell_category"), n("complaint", "complaint_id"), t("next_step"),
                     d("follow_up", "follow_up_on"), n("cancellation")],
                    "feedback f JOIN interaction i ON i.id = f.interaction_id JOIN customer c ON c.id = i.customer_id ORDER BY f.id")
        case .calendar:
            return ([t("uid"), t("customer", "c.number"), t("rep", "r.code"), d("due"), t("time", "e.time"),
                     t("channel", "e.channel"), t("reason"), t("source"), t("status", "e.status"), t("status_reason"), d("done_on"),
                     t("blocked"), t("note")],
                    "calendar_entry e JOIN customer c ON c.id = e.customer_id LEFT JOIN rep r ON r.id = e.rep_id ORDER BY e.due, e.id")
        case .complaints:
            return ([n("id", "k.id"), t("customer", "c.number"), d("opened_on"), t("category"), t("text"),
                     d("resolved_on"), m("goodwill", "goodwill_cents")],
                    "complaint k JOIN customer c ON c.id = k.customer_id ORDER BY k.id")
        }
    }
}
