import LoyalCore
import LoyalStore

/// The Calendar tab's `U`: a rep away (Urlaub, krank, Messe) from one day to another.
/// Saved like `loyal absence add`: one transaction with an audit entry.
enum AbsenceForm {
    static func open(repCode: String?, env: Environment) -> ScreenEffect {
        let codes = ((try? env.store.reps()) ?? []).map(\.code)
        guard !codes.isEmpty else { return .message("No reps yet: import customers with a rep column first", .info) }
        let rep = repCode.flatMap { code in codes.first { $0.uppercased() == code.uppercased() } } ?? codes[0]
        let first = env.today.adding(days: 1)
        return .push(FormScreen(title: "Absence (Urlaub, krank, Messe)", purpose: .calendar(.absence), fields: [
            FormField("rep", "Rep", .choice(codes), value: rep),
            FormField("from", "From", .day, value: first.german),
            FormField("to", "To", .day, value: first.german),
            FormField("reason", "Reason", .text, value: ""),
        ]))
    }

    static func save(_ form: FormScreen, env: Environment) throws {
        guard let from = Day(typed: form.value("from"), today: env.today, pastBias: false) else { throw FormError("From: not a date") }
        guard let to = Day(typed: form.value("to"), today: env.today, pastBias: false) else { throw FormError("To: not a date") }
        try env.store.addAbsence(repCode: form.value("rep"), from: from, to: to, reason: form.value("reason"), actor: env.actor)
    }
}
