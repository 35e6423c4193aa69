import LoyalCore
import LoyalStore

/// Small forms for the triage actions that need a date or a reason.
enum TriageForms {
    static func schedule(customerID: Int64, label: String, env: Environment) -> FormScreen {
        FormScreen(title: Text.tr("triage.schedule_title", label), purpose: .triage(.schedule(customerID: customerID)), fields: [
            FormField("channel", Text.tr("triage.channel"), .choice(["phone", "visit", "email", "letter"]), value: "phone").showing { Words.named("channel", $0) },
            FormField("due", Text.tr("triage.due"), .day, value: env.store.nextWorkingDay(onOrAfter: env.today.adding(days: 2),
                                                                          customerID: customerID, settings: env.settings).german),
            FormField("reason", Text.tr("calendar.reason"), .text, value: Text.tr("triage.talk")),
        ])
    }

    static func snooze(signalIDs: [Int64], label: String, env: Environment) -> FormScreen {
        FormScreen(title: Text.tr("triage.snooze_title", signalIDs.count, Text.tr(signalIDs.count == 1 ? "triage.signal_one" : "triage.signal_many"), label),
                   purpose: .triage(.snooze(signalIDs: signalIDs)), fields: [
            FormField("until", Text.tr("triage.until"), .day, value: env.today.adding(days: 30).german),
            FormField("reason", Text.tr("calendar.reason"), .text, value: ""),
        ])
    }

    static func dismiss(signalIDs: [Int64], label: String) -> FormScreen {
        FormScreen(title: Text.tr("triage.dismiss_title", signalIDs.count, Text.tr(signalIDs.count == 1 ? "triage.signal_one" : "triage.signal_many"), label),
                   purpose: .triage(.dismiss(signalIDs: signalIDs)), fields: [
            FormField("reason", Text.tr("triage.why_false"), .text, value: ""),
        ])
    }

    static func lost(customerID: Int64, label: String, env: Environment) -> FormScreen {
        FormScreen(title: Text.tr("triage.lost_title", label), purpose: .triage(.lost(customerID: customerID)), fields: [
            FormField("reason", Text.tr("calendar.reason"), .choice(LostReason.allCases.map(\.rawValue)), value: LostReason.price.rawValue).showing { Words.named("lost_reason", $0) },
            FormField("on", Text.tr("lost.col_lost_on"), .day, value: env.today.german),
            FormField("note", Text.tr("triage.note"), .text, value: ""),
        ])
    }

    /// The action a filled-in triage form stands for.
    static func action(_ kind: FormScreen.TriageForm, form: FormScreen, today: Day) throws -> TriageAction {
        func day(_ key: String) throws -> Day {
            guard let d = Day(typed: form.value(key), today: today, pastBias: false) else { throw FormError(Text.tr("triage.not_a_date", key)) }
            return d
        }
        switch kind {
        case .schedule(let id):
            return .schedule(customerID: id, channel: Channel(rawValue: form.value("channel")) ?? .phone,
                             due: try day("due"), reason: form.value("reason").ifEmpty(Text.tr("triage.contact")))
        case .snooze(let ids):
            guard !form.value("reason").isEmpty else { throw FormError(Text.tr("triage.reason_needed")) }
            let until = try day("until")
            guard until > today else { throw FormError(Text.tr("triage.after_today")) }
            return .snooze(signalIDs: ids, until: until, reason: form.value("reason"))
        case .dismiss(let ids):
            guard !form.value("reason").isEmpty else { throw FormError(Text.tr("triage.reason_needed")) }
            return .dismiss(signalIDs: ids, reason: form.value("reason"))
        case .lost(let id):
            return .markLost(customerID: id, on: try day("on"), reason: LostReason(rawValue: form.value("reason")) ?? .other,
                             note: form.value("note"))
        }
    }
}
