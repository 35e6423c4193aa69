import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

/// `loyal audit`: who changed what, newest first, read page by page from the store.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log: who changed what and when, with each changed field's before and after.",
        discussion: "A rep sees only their own entries.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this user's entries.") var user: String?
    @Option(help: "Only entries about this customer (number), its contacts and visits included.") var customer: String?
    @Option(help: "Only entries from this day on (YYYY-MM-DD, DD.MM.YYYY, -7 …).") var since: String?
    @Option(help: "At most this many entries (default: all).") var limit: Int?
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let today = try global.todayDay()
        let filter = AuditFilter(user: user, customerNumber: customer,
                                 since: try global.typedDay(since, option: "since", today: today, pastBias: true))
        let store = try global.openStore(.read)
        let dates: DateStyle = try format == .json ? .iso : global.settings().display.dateStyle
        let sink = try OutputSink(path: nil)
        var before: Int64?, shown = 0
        if format == .json { try sink.write("[") }
        var rows: [[String]] = []
        while true {
            let wanted = min(500, (limit ?? Int.max) - shown)
            guard wanted > 0 else { break }
            let page = try store.auditPage(filter, before: before, limit: wanted)
            for e in page {
                if format == .json {
                    try sink.write((shown == 0 ? "\n" : ",\n") + Self.json(e))
                } else {
                    // The table in the reader's language and date style; JSON keeps the stored action and ISO UTC time.
                    rows.append([e.atText(dates), e.user, e.actionText, e.recordText, e.customerNumber ?? "",
                                 e.changes.isEmpty ? e.detail : Self.changesText(e.changes)])
                }
                shown += 1
            }
            guard page.count == wanted, let last = page.last else { break }
            before = last.id
        }
        if format == .json {
            try sink.write("\n]\n")
        } else {
            let header = ["audit_view.table_at", "audit_view.table_user", "audit_view.table_action", "audit_view.table_record",
                          "audit_view.table_customer", "audit_view.table_changes"].map { Text.tr($0) }
            try sink.write(TextTable.render(header: header, rows: rows))
            try sink.write((shown == 1 ? Text.tr("audit_view.entries_one") : Text.tr("audit_view.entries", shown)) + "\n")
        }
        try sink.finish()
    }

    static func json(_ e: AuditEntry) -> String {
        "{\"id\":\(e.id),\"at\":\(JSONText.string(e.at)),\"user\":\(JSONText.string(e.user)),"
            + "\"action\":\(JSONText.string(e.action)),\"entity\":\(JSONText.string(e.entity)),"
            + "\"entity_id\":\(e.entityID.map(String.init) ?? "null"),"
            + "\"customer\":\(e.customerNumber.map(JSONText.string) ?? "null"),"
            + "\"detail\":\(JSONText.string(e.detail)),\"changes\":\(e.changes.isEmpty ? "{}" : e.changes)}"
    }

    /// `{"role":{"before":"rep","after":"manager"}}` as "role: rep → manager".
    static func changesText(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]] else {
            return json
        }
        return object.keys.sorted().map { key in
            func text(_ v: Any?) -> String { (v as? String) ?? "–" }
            return "\(key): \(text(object[key]?["before"])) → \(text(object[key]?["after"]))"
        }.joined(separator: "; ")
    }
}
