import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

extension InteractionKind: ExpressibleByArgument {}

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: Text.tr("cli.feedback_abstract"),
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text.tr("cli.feedback_add_abstract"))

        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer number.") var customer: String
        // Unconditional: "-1" (yesterday) is a day here, not an option.
        @Option(parsing: .unconditional,
                help: "Day of the contact: YYYY-MM-DD, DD.MM.YYYY, t (today), -1 (yesterday), 12.3. (default today).")
        var date: String?
        @Option(help: "visit, call, email, letter, event or gift.") var channel: InteractionKind = .visit
        @Option(help: "Net Promoter answer, 0–10.") var nps: Int?
        @Option(help: "Satisfaction, 1–5.") var csat: Int?
        @Option(help: "Customer effort, 1–7 (7 = very hard).") var ces: Int?
        @Option(name: .customLong("product-satisfaction"), help: "Satisfaction with the products, 1–5.") var productSatisfaction: Int?
        @Option(name: .customLong("advice-satisfaction"), help: "Satisfaction with the advice, 1–5.") var adviceSatisfaction: Int?
        @Option(help: "The rep's judgement of the relationship, 1 (at risk) – 5 (very good).") var sentiment: Int?
        @Option(help: "Topics talked about.") var topics: String?
        @Flag(name: .customLong("price-pressure"), help: "The customer pushed on price.") var pricePressure = false
        @Option(help: "A competitor the customer named.") var competitor: String?
        @Option(help: "A complaint the customer raised (recorded as a complaint).") var complaint: String?
        @Option(name: .customLong("complaint-category"), help: "product, delivery, invoice, service, price or other.")
        var complaintCategory: String = "other"
        @Option(name: .customLong("cross-sell"), help: "Product category the customer showed interest in.") var crossSell: String?
        @Flag(help: "The customer announced a cancellation.") var cancellation = false
        @Option(help: "Notes.") var notes: String?
        @Option(name: .customLong("next-step"), help: "What happens next.") var nextStep: String?
        @Option(name: .customLong("follow-up"), parsing: .unconditional,
                help: "Day of the follow-up: a date, +7 (in a week), 4.12. (creates a calendar entry).") var followUp: String?

        func run() throws {
            let today = try global.todayDay()
            let store = try global.openStore(.write)
            guard let found = try store.customerSummary(number: customer) else {
                throw CLIError(Text.tr("cli.no_customer", "\"\(Sanitizer.clean(customer))\""))
            }
            func day(_ text: String?, _ name: String, pastBias: Bool = true) throws -> Day? {
                try global.typedDay(text, option: name, today: today, pastBias: pastBias,
                                    hint: " (YYYY-MM-DD, DD.MM.YYYY, t, -1, 12.3.)")
            }
            var r = VisitReport(customerID: found.id, day: try day(date, "date") ?? today, kind: channel)
            r.nps = nps; r.csat = csat; r.ces = ces; r.productSatisfaction = productSatisfaction
            r.adviceSatisfaction = adviceSatisfaction; r.repSentiment = sentiment; r.topics = topics ?? ""
            r.pricePressure = pricePressure; r.competitor = competitor ?? ""; r.complaint = complaint ?? ""
            guard let category = ComplaintCategory(rawValue: complaintCategory) else {
                throw ValidationError("--complaint-category must be one of " + ComplaintCategory.allCases.map(\.rawValue).joined(separator: ", "))
            }
            r.complaintCategory = category
            r.crossSellCategory = crossSell ?? ""; r.cancellation = cancellation; r.notes = notes ?? ""
            r.nextStep = nextStep ?? ""; r.followUpOn = try day(followUp, "follow-up", pastBias: false)
            let problems = r.problems(today: today)
            if !problems.isEmpty {
                // Named as the option is spelled (the judgement's option is --sentiment).
                let options = ["rep_sentiment": "sentiment"]
                for p in problems { Console.error("--\(options[p.field] ?? p.field.replacing("_", with: "-")): \(p.message)") }
                throw ExitCode(1)
            }
            let saved = try store.saveVisit(r, VisitSaveContext(
                actor: ProcessInfo.processInfo.environment["USER"] ?? "cli", today: today, settings: try global.settings(with: store)))
            var parts = ["recorded \(channel.rawValue) with \(Sanitizer.clean(found.name)) (\(found.number)) on \(r.day.iso)"]
            if let c = saved.complaintID { parts.append("complaint #\(c)") }
            if let e = saved.calendarEntryID, let f = r.followUpOn { parts.append("follow-up on \(f.iso) (entry #\(e))") }
            try printLine(parts.joined(separator: ", "))
        }
    }
}
