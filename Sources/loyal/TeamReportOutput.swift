import LoyalCore
import LoyalStore

/// The overview's fields, the same in the table, CSV and JSON: each with its machine
/// name (CSV header, JSON key), a short table heading and its value in a row.
enum TeamReportOutput {
    enum Value: Sendable {
        case text(String?), count(Int?), money(Money), tenths(Int?, signed: Bool)
    }

    struct Field: Sendable {
        let name: String
        let heading: String
        let value: @Sendable (TeamRow) -> Value
    }

    static let fields: [Field] = [
        Field(name: "row", heading: "") { .text($0.kind.rawValue) },
        Field(name: "rep", heading: "REP") { .text($0.repCode) },
        Field(name: "name", heading: "NAME") { .text($0.repName) },
        Field(name: "accounts_a", heading: "A") { .count($0.accounts(.a)) },
        Field(name: "accounts_b", heading: "B") { .count($0.accounts(.b)) },
        Field(name: "accounts_c", heading: "C") { .count($0.accounts(.c)) },
        Field(name: "revenue_12m", heading: "REVENUE 12M") { .money($0.revenue12m) },
        Field(name: "revenue_previous_12m", heading: "12M BEFORE") { .money($0.revenuePrevious12m) },
        Field(name: "revenue_trend", heading: "TREND") { .text($0.revenueTrend.rawValue) },
        Field(name: "at_risk", heading: "AT RISK") { .count($0.atRisk) },
        Field(name: "at_stake", heading: "AT STAKE") { .money($0.atStake) },
        Field(name: "plan_open", heading: "OPEN") { .count($0.planOpen) },
        Field(name: "plan_overdue", heading: "OVERDUE") { .count($0.planOverdue) },
        Field(name: "visits_done", heading: "VISITS") { .count($0.visitsDone) },
        Field(name: "visits_planned", heading: "PLANNED") { .count($0.visitsPlanned) },
        Field(name: "calls_done", heading: "CALLS") { .count($0.callsDone) },
        Field(name: "calls_planned", heading: "PLANNED") { .count($0.callsPlanned) },
        Field(name: "nps", heading: "NPS") { .count($0.nps.now) },
        Field(name: "nps_previous", heading: "BEFORE") { .count($0.nps.before) },
        Field(name: "nps_change", heading: "CHANGE") { .count($0.nps.change) },
        Field(name: "nps_answers", heading: "ANSWERS") { .count($0.feedbackRecent.npsAnswers) },
        Field(name: "satisfaction", heading: "SAT") { .tenths($0.satisfaction.now, signed: false) },
        Field(name: "satisfaction_previous", heading: "BEFORE") { .tenths($0.satisfaction.before, signed: false) },
        Field(name: "satisfaction_change", heading: "CHANGE") { .tenths($0.satisfaction.change, signed: true) },
        Field(name: "satisfaction_answers", heading: "ANSWERS") { .count($0.feedbackRecent.csatAnswers) },
        Field(name: "lost", heading: "LOST") { .count($0.lost) },
        Field(name: "won_back", heading: "WON BACK") { .count($0.wonBack) },
    ]

    static func write(_ overview: TeamOverview, format: ListFormat, display: DisplaySettings) throws {
        let sink = try OutputSink(path: nil)
        let rows = overview.rows + [overview.team]
        switch format {
        case .json:
            try sink.write("[")
            for (i, row) in rows.enumerated() {
                let pairs = fields.map { JSONText.string($0.name) + ":" + json($0.value(row)) }
                try sink.write((i == 0 ? "\n" : ",\n") + "{" + pairs.joined(separator: ",") + "}")
            }
            try sink.write("\n]\n")
        case .csv:
            try sink.write(fields.map(\.name).joined(separator: ",") + "\r\n")
            for row in rows {
                try sink.write(CSVWriter.line(fields.map { csv($0.value(row)) }))
            }
        case .table:
            // `row` is what the REP and NAME columns already say: a code, "(no rep)" or "Team".
            let shown = fields.filter { !$0.heading.isEmpty }
            let table = rows.map { row in shown.map { cell($0.value(row), display) } }
            let right = Set(shown.indices.filter { i in
                if case .text = shown[i].value(overview.team) { return false }
                return true
            })
            try sink.write(TextTable.render(header: shown.map(\.heading), rows: table, rightAligned: right))
            let w = overview.windows
            try sink.write("as of \(w.today.iso); visits and calls \(w.activity.lowerBound.iso) to "
                + "\(w.activity.upperBound.adding(days: -1).iso); NPS and satisfaction of the 90 days before today "
                + "against the 90 before; lost and won back since \(w.year.lowerBound.iso)\n")
        }
        try sink.finish()
    }

    static func json(_ v: Value) -> String {
        switch v {
        case .text(let s): return s.map(JSONText.string) ?? "null"
        case .count(let n): return n.map(String.init) ?? "null"
        case .money(let m): return m.plain
        case .tenths(let t, _): return t.map { Tenths.text($0) } ?? "null"
        }
    }

    static func csv(_ v: Value) -> (String, Bool) {
        switch v {
        case .text(let s): return (s ?? "", true)
        case .count(let n): return (n.map(String.init) ?? "", false)
        case .money(let m): return (m.plain, false)
        case .tenths(let t, _): return (t.map { Tenths.text($0) } ?? "", false)
        }
    }

    static func cell(_ v: Value, _ display: DisplaySettings) -> String {
        let separator = display.money.decimalSeparator
        switch v {
        case .text(let s): return s ?? "–"
        case .count(let n): return n.map(String.init) ?? "–"
        case .money(let m): return display.money.format(m, withCents: false)
        case .tenths(let t, let signed): return t.map { Tenths.text($0, decimalSeparator: separator, plus: signed) } ?? "–"
        }
    }
}
