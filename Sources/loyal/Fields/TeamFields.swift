import LoyalCore
import LoyalStore

/// `loyal report team`: the manager's overview, one line per rep and one for the team.
enum TeamFields {
    /// A satisfaction mean or change in tenths: `4.1` for machines, with the decimal comma for people.
    static func tenths(_ key: String, _ header: String, signed: Bool, _ meaning: String,
                       _ get: @escaping @Sendable (TeamRow) -> Int?) -> OutputField<TeamRow> {
        OutputField(key, .decimal, header, meaning, cell: { row, d in
            get(row).map { Tenths.text($0, decimalSeparator: d.money.decimalSeparator, plus: signed) } ?? "–"
        }) { .number(get($0).map { Tenths.text($0) }) }
    }

    static let done = "on the 30 days before today (by the rep on the contact, so a customer who changed reps keeps "
        + "his old ones with the old rep)"
    static let planned = "calendar entries of that channel in the rep's calendar due on those 30 days, done, skipped or open"

    static let output = OutputTable<TeamRow>("team", command: "loyal report team", fields: [
        .text("row", nil, "`rep`, `unassigned` (customers, entries and contacts without a rep) or `team`") { $0.kind.rawValue },
        .text("rep", Heading.rep, "the rep's code (`null` for the unassigned and team lines)") { $0.repCode },
        .text("name", Heading.name, "the rep's name, `(no rep)` or `Team`") { $0.repName },
        .integer("accounts_a", Heading.a, "class A customers the rep owns now, lost ones included: what the accounts list "
                 + "shows for `--rep`") { $0.accounts(.a) },
        .integer("accounts_b", Heading.b, "the same for class B") { $0.accounts(.b) },
        .integer("accounts_c", Heading.c, "the same for class C") { $0.accounts(.c) },
        .money("revenue_12m", Heading.revenue12m, "those customers' revenue of the last 12 months (as of the last refresh)") {
            $0.revenue12m
        },
        .money("revenue_previous_12m", Heading.previous12m, "their revenue of the 12 months before") { $0.revenuePrevious12m },
        .text("revenue_trend", Heading.trend, "`up`, `down`, `flat` (within ±10 %), `new` (nothing before), `none`, of the two sums") {
            $0.revenueTrend.rawValue
        },
        .integer("at_risk", Heading.atRisk, "those customers on the early-warning panel (less the customers only assigned to the rep)") {
            $0.atRisk
        },
        .money("at_stake", Heading.atStake, "what is at stake with them: risk × the value the customer brings if he stays") {
            $0.atStake
        },
        .integer("plan_open", Heading.open, "open calendar entries in the rep's calendar due today or later") { $0.planOpen },
        .integer("plan_overdue", Heading.overdue, "open calendar entries in the rep's calendar due before today") { $0.planOverdue },
        .integer("visits_done", Heading.visits, "visits the rep recorded " + done) { $0.visitsDone },
        .integer("visits_planned", Heading.planned, "visits: " + planned) { $0.visitsPlanned },
        .integer("calls_done", Heading.calls, "calls the rep recorded " + done) { $0.callsDone },
        .integer("calls_planned", Heading.planned, "calls (channel phone): " + planned) { $0.callsPlanned },
        .integer("nps", Heading.nps, "Net Promoter Score of the feedback on the rep's contacts of the 90 days before today: "
                 + "promoters (9–10) minus detractors (0–6) in percent of the answers, −100 to 100") { $0.nps.now },
        .integer("nps_previous", Heading.before, "the same of the 90 days before those") { $0.nps.before },
        .integer("nps_change", Heading.change, "`nps` − `nps_previous`, `null` unless both have answers") { $0.nps.change },
        .integer("nps_answers", Heading.answers, "NPS answers in the last 90 days") { $0.feedbackRecent.npsAnswers },
        tenths("satisfaction", Heading.satisfaction, signed: false,
               "mean of the satisfaction question (CSAT, 1–5) to one decimal, the same 90 days") { $0.satisfaction.now },
        tenths("satisfaction_previous", Heading.before, signed: false, "the same of the 90 days before") {
            $0.satisfaction.before
        },
        tenths("satisfaction_change", Heading.change, signed: true, "the change of the two means as shown") {
            $0.satisfaction.change
        },
        .integer("satisfaction_answers", Heading.answers, "satisfaction answers in the last 90 days") {
            $0.feedbackRecent.csatAnswers
        },
        .integer("lost", Heading.lost, "the rep's customers marked lost in the last 12 months") { $0.lost },
        .integer("won_back", Heading.wonBack, "win-back cases of the rep's customers closed won in the last 12 months") { $0.wonBack },
    ], none: "–")
}
