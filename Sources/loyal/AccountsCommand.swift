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
        discussion: "JSON and CSV fields: " + AccountFields.output.csvKeys.joined(separator: ", ") + " (`loyal fields accounts`).")

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
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        let query = AccountQuery(filter: AccountFilter(customerClass: customerClass, repCode: rep, search: search ?? ""),
                                 sort: sort, descending: descending ? true : ascending ? false : nil)
        var writer = try OutputWriter(AccountFields.output, format: format, sink: try OutputSink(path: nil),
                                      display: settings.display)
        var cursor: AccountCursor?
        while true {
            let want = limit > 0 ? min(1000, limit - writer.count) : 1000
            if want <= 0 { break }
            let page = try store.accounts(query, from: cursor, limit: want)
            try writer.write(all: page)
            if page.count < want { break }
            cursor = page.last?.cursor
        }
        var footer = ""
        if format == .table {
            let totals = try store.accountTotals(query)
            footer = "\(writer.count) of \(totals.count) accounts shown; revenue 12 months "
                + "\(settings.display.money.format(totals.revenue12m, withCents: false))\n"
        }
        try writer.finish(footer: footer)
    }
}
