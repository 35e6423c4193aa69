import LoyalCore
import LoyalStore

/// `loyal absence list`: reps' absences.
enum AbsenceFields {
    static let output = OutputTable<Absence>("absences", command: "loyal absence list", fields: [
        .integer("id", Heading.id, "the absence's id (`loyal absence remove ID`)") { $0.id.map(Int.init) ?? 0 },
        .text("rep", Heading.rep, "rep code") { $0.repCode },
        .day("from", Heading.from, "first day away") { $0.from },
        .day("to", Heading.to, "last day away") { $0.to },
        .integer("days", Heading.days, "days from the first to the last, both included") { $0.to - $0.from + 1 },
        .text("reason", Heading.reason, "why (Urlaub, krank, Messe …)") { $0.reason },
    ])
}
