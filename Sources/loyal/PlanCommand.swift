import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: Text.tr("cli.plan_abstract"))

    @OptionGroup var global: GlobalOptions
    @Option(help: "Explain why each of this customer's entries is on its day.") var explain: String?
    @Flag(help: "Each rep's visit days and the postal regions they go to.") var tours = false
    @Option(help: "With --tours: only this rep.") var rep: String?
    @Option(help: "With --tours: days ahead, today included (1 to \(Limits.days.upperBound)).") var days = 7

    func validate() throws {
        try Limits.check(days, in: Limits.days, option: "--days")
        guard (explain != nil) != tours else { throw ValidationError("give --explain CUSTOMER or --tours") }
    }

    func run() throws {
        let today = try global.todayDay()
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        let sink = try OutputSink(path: nil)
        if let number = explain {
            guard let x = try store.explainPlan(customerNumber: number, today: today, settings: settings) else {
                throw ValidationError(Text.tr("cli.no_customer", number))
            }
            try sink.write(PlanExplainText.render(x, display: settings.display, today: today))
        } else {
            try sink.write(try TourDaysText.render(store, rep: rep, from: today, to: today.adding(days: days - 1),
                                                   style: settings.display.dateStyle))
        }
        try sink.finish()
    }
}

/// The text of `loyal plan --explain`.
enum PlanExplainText {
    static func render(_ x: PlanExplanation, display: DisplaySettings, today: Day) -> String {
        let style = display.dateStyle
        func money(_ cents: Int64) -> String { display.money.format(Money(cents: cents), withCents: false) }
        var out = "\(x.customerNumber) \(x.customerName): class \(x.customerClass.rawValue), rep \(x.repCode ?? "none"), "
            + "expected loss \(money(x.stake)); \(x.queueSize) calls and visits in the rep's queue\n"
        if x.entries.isEmpty { return out + "nothing planned in the horizon\n" }
        for e in x.entries {
            guard let l = e.levelled else { continue }
            let day = l.placement.day.map(style.format) ?? "not planned"
            out += "\n\(day)  \(e.channel.rawValue)  \(e.reason)\n"
            var rule = "rule: \(ruleName(l.rule, e))"
            if l.placement.rank > 0 { rule += "; window \(l.rule.windowText)" }
            if l.placement.rank > 0, let w = l.placement.window, w.lowerBound != w.upperBound {
                rule += ": \(style.format(w.lowerBound)) – \(style.format(w.upperBound))"
            }
            out += "  \(rule)\n"
            if l.placement.rank > 0 {
                out += "  priority: \(l.placement.rank) of \(x.queueSize) in the rep's queue "
                    + "(\(l.rule == .given || l.rule == .birthday ? "a fixed day goes first" : "expected loss \(money(l.stake)), class \(x.customerClass.rawValue)"))\n"
            } else if e.blocked != nil {
                out += "  takes no capacity: blocked (\(e.blocked!))\n"
            } else if !e.channel.respectsQuietTimes {
                out += "  takes no capacity: \(e.channel.rawValue) is not a call or visit\n"
            }
            var moves: [String] = []
            if let m = e.moved { moves.append("moved from \(style.format(m.from)) (\(m.because))") }
            if let since = e.overdueSince { moves.append("overdue since \(style.format(since)): rolled to the next free day") }
            switch l.placement.outcome {
            case .noRoom: moves.append("does not fit: every day of its window is full with more at stake (planned \(style.format(l.planned)))")
            case .pastHorizon: moves.append("its window lies past the horizon: the next plan has it")
            case .placed:
                if let d = l.placement.day, d != l.planned, e.overdueSince == nil, e.moved?.from != l.planned {
                    moves.append("planned \(style.format(l.planned)), levelled to \(style.format(d)): "
                                 + (e.channel == .visit ? "the day with room that keeps the rep in one postal region, least loaded"
                                    : "the least loaded day with room in its window, nearest the planned day"))
                }
            }
            if x.given.contains(e.uid) { moves.append("dated by a person: the calendar keeps that day") }
            out += "  " + (moves.isEmpty ? "on its planned day" : moves.joined(separator: "; ")) + "\n"
        }
        return out
    }

    static func ruleName(_ rule: LevelRule, _ e: PlannedEntry) -> String {
        switch rule {
        case .given: return "dated by a person (\(e.source.rawValue))"
        case .birthday: return "birthday"
        case .afterPurchase: return "call after a purchase"
        case .aVisit: return "an A customer's regular visit"
        case .cadence: return "regular contact"
        case .overdue: return "missed contact, rolled forward"
        case .fixedLoad: return "fixed"
        }
    }
}

/// The text of `loyal plan --tours`: which area is on which day, per rep.
enum TourDaysText {
    static func render(_ store: Store, rep: String?, from: Day, to: Day, style: DateStyle) throws -> String {
        let days = try store.tourDays(from: from, to: to, repCode: rep)
        let rows = days.map { t in
            [t.repCode, "\(DayWords.narrowWeekday(t.day.weekday)) \(style.format(t.day))", String(t.visits),
             t.regions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")]
        }
        let mean = days.isEmpty ? 0 : Double(days.map(\.regions.count).reduce(0, +)) / Double(days.count)
        return TextTable.render(header: ["REP", "DAY", "VISITS", "POSTAL REGIONS"], rows: rows)
            + String(format: "%d visit days, mean postal regions per visit day %.2f\n", days.count, mean)
    }
}
