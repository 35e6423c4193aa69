import LoyalCore
import LoyalStore

/// `loyal agenda`: open calendar entries, overdue first.
enum AgendaFields {
    /// An entry as of the day the agenda is for: that day decides its group.
    struct Line: Sendable {
        let row: CalendarRow
        let today: Day

        var group: String { row.entry.due < today ? "overdue" : row.entry.due == today ? "today" : row.entry.due.iso }
    }

    static let output = OutputTable<Line>("agenda", command: "loyal agenda", fields: [
        .text("group", Heading.when, "`overdue`, `today`, or the day `YYYY-MM-DD`", cell: { l, d in
            l.group == "overdue" ? OutputWords.overdue : l.group == "today" ? OutputWords.today : d.dateStyle.format(l.row.entry.due)
        }) { $0.group },
        .day("due", nil, "day it is due") { $0.row.entry.due },
        .text("time", "", "`HH:MM` or `null` (the table shows an overdue entry's day here)", cell: { l, d in
            l.row.entry.due < l.today ? d.dateStyle.format(l.row.entry.due) : l.row.time?.description ?? ""
        }) { $0.row.time?.description },
        .channel("channel", Heading.channel, "how: the stored channel (the table writes it as a word)") { $0.row.entry.channel },
        .text("customer", Heading.customer, "customer number (the table adds the name)",
              cell: { l, _ in "\(l.row.customerNumber) \(l.row.customerName)" }) { $0.row.customerNumber },
        .text("name", nil, "customer name") { $0.row.customerName },
        .text("class", nil, "A, B or C") { $0.row.customerClass.rawValue },
        .text("reason", Heading.what, "why: \"Visit (every 90 days; last visit 27.08.2026)\"") { $0.row.entry.reason },
        .text("source", nil, "plan, birthday, partner_birthday, post_purchase, follow_up, triage, winback, manual") {
            $0.row.entry.source.rawValue
        },
        .text("contact", nil, "contact person's name or `null`") { $0.row.contactName },
        .text("rep", Heading.rep, "rep code or `null`") { $0.row.repCode },
        .text("blocked", nil, "why it must not be done as planned (\"no phone consent\") or `null`") { $0.row.blocked },
        .text("note", Heading.note, "what the plan noticed: moved out of a quiet time, busy hours, \"overdue since …\" "
              + "(the table adds the block)", cell: { l, _ in l.row.notes }) { $0.row.note },
        .text("uid", nil, "the entry's stable UID, as in the .ics (where a birthday series drops the year)") { $0.row.entry.uid },
    ], groupedTable: true)

    /// `loyal agenda --unplanned`: what the last refresh could not fit into the reps' days.
    static let unplanned = OutputTable<UnplannedRow>("unplanned", command: "loyal agenda --unplanned", fields: [
        .text("rep", Heading.rep, "rep code or `null`") { $0.repCode },
        .day("due", Heading.due, "the planner's day") { $0.due },
        .day("window_from", Heading.window, "first day it could move to, or `null` (the table shows the window)", cell: { r, d in
            r.window.map { "\(d.dateStyle.format($0.lowerBound)) – \(d.dateStyle.format($0.upperBound))" } ?? ""
        }) { $0.window?.lowerBound },
        .day("window_to", nil, "last day it could move to, or `null`") { $0.window?.upperBound },
        .channel("channel", Heading.channel, "how: the stored channel (the table writes it as a word)") { $0.channel },
        .text("customer", Heading.customer, "customer number (the table adds the name)",
              cell: { r, _ in "\(r.customerNumber) \(r.customerName)" }) { $0.customerNumber },
        .text("name", nil, "customer name") { $0.customerName },
        .text("reason", Heading.what, "why it was planned") { $0.reason },
        OutputField("stake_cents", .integer, Heading.atStake, "expected loss in cents that ranked it (the table: money)",
                    cell: { r, d in d.money.format(Money(cents: r.stake), withCents: false) }) { .integer($0.stake) },
        .text("uid", nil, "the entry's stable UID") { $0.uid },
    ])
}
