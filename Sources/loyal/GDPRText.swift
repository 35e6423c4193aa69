import Foundation
import LoyalStore

/// GDPR output for people: the export as a readable report, what an erasure would do, and
/// what it did. Text from the database reaches a terminal through OutputSink or printLine,
/// which sanitise it.
enum GDPRText {
    static let titles: [String: String] = [
        "customer": "Customer", "contact_person": "Contact person", "contact_channel": "Further e-mails and phones",
        "consent": "Consent", "purchase": "Purchases", "interaction": "Visits, calls and other contacts",
        "interaction_contact": "Attended by", "feedback": "Feedback", "complaint": "Complaints",
        "signal": "Early-warning signals", "calendar_entry": "Calendar entries",
        "calendar_unplanned": "Calendar entries without a day", "contact_plan_override": "Contact plan",
        "winback": "Win-back cases", "retention_stage": "Retention stages", "risk_snapshot": "Risk by month",
        "customer_stats": "Figures", "audit": "Audit log", "merge_undo": "Merges that can be undone",
        "draft": "Unsaved forms",
    ]

    static func title(_ table: String) -> String { titles[table] ?? table }

    static func report(_ e: PersonalDataExport) -> String {
        var out = "GDPR export (Art. 15) of \(e.subject): \(e.personName)\n"
        out += "Customer \(e.customerNumber) \(e.customerName) (\(e.isPrivateCustomer ? "private" : "business"))\n"
        out += "Exported \(e.exportedAt): every field Loyal holds, as stored.\n"
        for t in e.tables {
            out += "\n\(title(t.name)) (\(t.rows.count))\n"
            let width = t.columns.map(\.count).max() ?? 0
            for (i, row) in t.rows.enumerated() {
                if i > 0 { out += "\n" }
                for (column, v) in zip(t.columns, row) {
                    out += "  " + column.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + text(v, indent: width + 4) + "\n"
                }
            }
        }
        if !e.mentions.isEmpty {
            out += "\nNamed elsewhere (\(e.mentions.count))\n"
            for m in e.mentions {
                let head = "  \(title(m.table)) \(m.key), \(m.column): "
                out += head + text(.text(m.text), indent: head.count) + "\n"
            }
        }
        return out
    }

    /// A value on one line, or its lines indented under the first.
    static func text(_ v: StoredValue, indent: Int) -> String {
        switch v {
        case .null: return "(none)"
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .blob(let b): return "(\(b.count) bytes)"
        case .text(let s):
            return s.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + String(repeating: " ", count: indent))
        }
    }

    /// "contact 41 of customer K1", or "customer P1".
    static func who(_ s: ErasureSummary) -> String {
        if case .contact = s.subject { return "\(s.subject) of customer \(s.customerNumber)" }
        return "\(s.subject)"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func preview(_ s: ErasureSummary) -> String {
        var out = "Would erase \(s.subject) (\(s.personName))"
            + (s.subject == .customer(s.customerNumber) ? ":\n" : " of customer \(s.customerNumber):\n")
        for c in s.changes {
            out += "  \(c.table) \(ids(c.rows)): \(c.deleted ? "deleted" : c.columns.joined(separator: ", "))\n"
        }
        if s.changes.isEmpty { out += "  nothing to change\n" }
        out += "Kept: the ids, with the name \"\(s.tombstone)\"; \(count(s.keptPurchases, "purchase")), "
            + "\(count(s.keptConsents, "consent record")), dates, scores and figures.\n"
        if let note = privateCustomerNote(s) { out += note + "\n" }
        return out + "Nothing was changed; add --yes to erase.\n"
    }

    /// One line: what happened, without his name.
    static func erased(_ s: ErasureSummary) -> String {
        "erased \(who(s)): \(count(s.changedRows, "row")) emptied or rewritten, \(s.deletedRows) deleted, "
            + "name now \"\(s.tombstone)\"; \(count(s.keptPurchases, "purchase")) and "
            + "\(count(s.keptConsents, "consent record")) kept"
            + (s.checkpointed && s.identifiersLeft + s.nameLeft == 0 ? "; the file and its WAL hold no copy" : "")
    }

    static func warnings(_ s: ErasureSummary, path: String) -> [String] {
        var out: [String] = []
        if !s.checkpointed {
            out.append("another Loyal kept the WAL in use: \(path)-wal holds the erased values until the next "
                       + "checkpoint (Loyal makes one when the last session closes)")
        }
        if s.namesakeRecords > 0 {
            out.append("\(count(s.namesakeRecords, "other record")) carry his full name: someone of the same name, "
                       + "not erased (\(s.nameLeft) copies of the name in the file)")
        }
        if s.leftInFreeSpace {
            out.append("\(path) still holds his e-mail, phone or name \(s.identifiersLeft + s.nameLeft) times in free space "
                       + "written before secure delete was on. `sqlite3 \(path) VACUUM` rewrites the file without it, "
                       + "while nobody works (it locks everyone out)")
        }
        if let note = privateCustomerNote(s) { out.append(note) }
        return out
    }

    static func privateCustomerNote(_ s: ErasureSummary) -> String? {
        guard case .contact = s.subject, s.isPrivateCustomer else { return nil }
        return "customer \(s.customerNumber) is a private customer: `loyal gdpr erase --customer \(s.customerNumber)` "
            + "erases the customer's own record too"
    }

    /// "3, 4, 7", or the first ten and how many in all.
    static func ids(_ rows: [String]) -> String {
        rows.count <= 10 ? rows.joined(separator: ", ") : rows.prefix(10).joined(separator: ", ") + ", … (\(rows.count) rows)"
    }
}
