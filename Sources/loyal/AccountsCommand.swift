import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

extension CustomerClass: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
extension AccountSort: ExpressibleByArgument {}

enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}

struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List accounts as the UI's accounts list does, for scripts.",
        discussion: "JSON fields: " + AccountFields.names.joined(separator: ", ") + " (see README).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("class"), help: "Only class A, B or C.")
    var customerClass: CustomerClass?

    @Option(help: "Only accounts of this rep (rep code).")
    var rep: String?

    @Option(help: "Only accounts whose number, name or city contains this text.")
    var search: String?

    @Option(help: "Sort by: \(AccountSort.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: AccountSort = .revenue

    @Flag(name: .customLong("asc"), help: "Ascending (default depends on the column).")
    var ascending = false

    @Flag(name: .customLong("desc"), help: "Descending.")
    var descending = false

    @Option(help: "At most this many accounts (0 = all).")
    var limit: Int = 50

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    func validate() throws {
        try Limits.check(limit, in: Limits.rows, option: "--limit")
    }

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(.read)
        let query = AccountQuery(filter: AccountFilter(customerClass: customerClass, repCode: rep, search: search ?? ""),
                                 sort: sort, descending: descending ? true : ascending ? false : nil)
        let sink = try OutputSink(path: nil)
        var written = 0, cursor: AccountCursor?
        var tableRows: [[String]] = []
        if format == .json { try sink.write("[") }
        if format == .csv { try sink.write(AccountFields.names.joined(separator: ",") + "\r\n") }
        pages: while true {
            let want = limit > 0 ? min(1000, limit - written) : 1000
            if want <= 0 { break }
            let page = try store.accounts(query, from: cursor, limit: want)
            for row in page {
                switch format {
                case .json: try sink.write((written == 0 ? "\n" : ",\n") + AccountFields.json(row))
                case .csv: try sink.write(CSVWriter.line(AccountFields.plain(row)))
                case .table: tableRows.append(AccountFields.table(row, settings.display))
                }
                written += 1
            }
            if page.count < want { break pages }
            cursor = page.last?.cursor
        }
        switch format {
        case .json: try sink.write("\n]\n")
        case .csv: break
        case .table:
            try sink.write(TextTable.render(header: AccountFields.tableHeader, rows: tableRows, rightAligned: [4, 5, 8]))
            let totals = try store.accountTotals(query)
            try sink.write("\(written) of \(totals.count) accounts shown; revenue 12 months \(settings.display.money.format(totals.revenue12m, withCents: false))\n")
        }
        try sink.finish()
    }
}

/// The stable field names of `loyal accounts --format json|csv`.
enum AccountFields {
    static let names = ["number", "name", "city", "class", "class_overridden", "value", "p_alive", "potential", "revenue_12m",
                        "revenue_previous_12m", "trend", "last_purchase", "risk", "rep", "status", "returnee"]

    static func plain(_ r: AccountRow) -> [(String, Bool)] {
        [(r.number, true), (r.name, true), (r.city, true), (r.customerClass.rawValue, true),
         (r.classOverridden ? "1" : "0", false), (r.value?.plain ?? "", false),
         (r.pAlive.map { String(format: "%.4f", $0) } ?? "", false), (r.potential?.plain ?? "", false),
         (r.revenue12m.plain, false),
         (r.revenuePrevious12m.plain, false), (r.trend.rawValue, true), (r.lastPurchase?.iso ?? "", true),
         (String(format: "%.4f", r.risk), false), (r.repCode ?? "", true), (r.status.rawValue, true),
         (r.isReturnee ? "1" : "0", false)]
    }

    static func json(_ r: AccountRow) -> String {
        func s(_ v: String?) -> String { v.map(JSONText.string) ?? "null" }
        let fields: [String] = [
            s(r.number), s(r.name), s(r.city), s(r.customerClass.rawValue), r.classOverridden ? "true" : "false",
            r.value?.plain ?? "null", r.pAlive.map { String(format: "%.4f", $0) } ?? "null", r.potential?.plain ?? "null",
            r.revenue12m.plain,
            r.revenuePrevious12m.plain, s(r.trend.rawValue), s(r.lastPurchase?.iso), String(format: "%.4f", r.risk),
            s(r.repCode), s(r.status.rawValue), r.isReturnee ? "true" : "false",
        ]
        return "{" + zip(names, fields).map { "\"\($0)\":\($1)" }.joined(separator: ",") + "}"
    }

    static let tableHeader = ["NUMBER", "NAME", "CITY", "CL", "VALUE", "REVENUE 12M", "LAST BUY", "RISK", "REP"]

    static func table(_ r: AccountRow, _ d: DisplaySettings) -> [String] {
        [r.number, r.name, r.city, r.customerClass.rawValue + (r.classOverridden ? "*" : ""),
         r.value.map { d.money.format($0, withCents: false) } ?? "–",
         d.money.format(r.revenue12m, withCents: false) + " " + r.trend.mark,
         r.lastPurchase.map(d.dateStyle.format) ?? "–", String(format: "%.0f", r.risk * 100), r.repCode ?? ""]
    }
}
