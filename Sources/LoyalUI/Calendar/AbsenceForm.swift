import LoyalCore
import LoyalStore

/// The Calendar tab's `U`: a rep away (Urlaub, krank, Messe) from one day to another.
/// Saved like `loyal absence add`: one transaction with an audit entry.
enum AbsenceForm {
    static func open(repCode: String?, env: Environment) -> ScreenEffect {
        let codes = ((try? env.store.reps()) ?? []).map(\.code)
        guard !codes.isEmpty else { return .message(Text.tr("calendar.no_reps"), .info) }
        let rep = repCode.flatMap { code in codes.first { $0.uppercased() == code.uppercased() } } ?? codes[0]
        let first = env.today.adding(days: 1)
        return .push(FormScreen(title: Text.tr("calendar.absence_title"), purpose: .calendar(.absence), fields: [
            FormField("rep", Text.tr("detail.rep"), .choice(codes), value: rep),
            FormField("from", Text.tr("calendar.from"), .day, value: first.german),
            FormField("to", Text.tr("calendar.until"), .day, value: first.german),
            FormField("reason", Text.tr("calendar.reason"), .text, value: ""),
        ]))
    }

    static func save(_ form: FormScreen, env: Environment) throws {
        guard let from = Day(typed: form.value("from"), today: env.today, pastBias: false) else { throw FormError(Text.tr("calendar.from_bad")) }
        guard let to = Day(typed: form.value("to"), today: env.today, pastBias: false) else { throw FormError(Text.tr("calendar.to_bad")) }
        try env.store.addAbsence(repCode: form.value("rep"), from: from, to: to, reason: form.value("reason"), actor: env.actor)
    }
}
