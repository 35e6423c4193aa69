import LoyalCore
import LoyalStore

/// Small forms for the triage actions that need a date or a reason.
enum TriageForms {
    static func schedule(customerID: Int64, label: String, env: Environment) -> FormScreen {
        FormScreen(title: "Schedule a contact with \(label)", purpose: .triage(.schedule(customerID: customerID)), fields: [
            FormField("channel", "Channel", .choice(["phone", "visit", "email", "letter"]), value: "phone"),
            FormField("due", "Due", .day, value: env.store.nextWorkingDay(onOrAfter: env.today.adding(days: 2),
                                                                          customerID: customerID, settings: env.settings).german),
            FormField("reason", "Reason", .text, value: "Talk about the warning signs"),
        ])
    }

    static func snooze(signalIDs: [Int64], label: String, env: Environment) -> FormScreen {
        FormScreen(title: "Snooze \(signalIDs.count) signal\(signalIDs.count == 1 ? "" : "s") of \(label)",
                   purpose: .triage(.snooze(signalIDs: signalIDs)), fields: [
            FormField("until", "Until", .day, value: env.today.adding(days: 30).german),
            FormField("reason", "Reason", .text, value: ""),
        ])
    }

    static func dismiss(signalIDs: [Int64], label: String) -> FormScreen {
        FormScreen(title: "Dismiss \(signalIDs.count) signal\(signalIDs.count == 1 ? "" : "s") of \(label) as false alarm",
                   purpose: .triage(.dismiss(signalIDs: signalIDs)), fields: [
            FormField("reason", "Why it is a false alarm", .text, value: ""),
        ])
    }

    static func lost(customerID: Int64, label: String, env: Environment) -> FormScreen {
        FormScreen(title: "Mark \(label) lost", purpose: .triage(.lost(customerID: customerID)), fields: [
            FormField("reason", "Reason", .choice(LostReason.allCases.map(\.rawValue)), value: LostReason.price.rawValue),
            FormField("on", "Lost on", .day, value: env.today.german),
            FormField("note", "Note", .text, value: ""),
        ])
    }

    /// The action a filled-in triage form stands for.
    static func action(_ kind: FormScreen.TriageForm, form: FormScreen, today: Day) throws -> TriageAction {
        func day(_ key: String) throws -> Day {
            guard let d = Day(typed: form.value(key), today: today, pastBias: false) else { throw FormError("\(key): not a date") }
            return d
        }
        switch kind {
        case .schedule(let id):
            return .schedule(customerID: id, channel: Channel(rawValue: form.value("channel")) ?? .phone,
                             due: try day("due"), reason: form.value("reason").ifEmpty("Contact"))
        case .snooze(let ids):
            guard !form.value("reason").isEmpty else { throw FormError("a reason is needed, so others know why") }
            let until = try day("until")
            guard until > today else { throw FormError("snooze until a day after today") }
            return .snooze(signalIDs: ids, until: until, reason: form.value("reason"))
        case .dismiss(let ids):
            guard !form.value("reason").isEmpty else { throw FormError("a reason is needed, so others know why") }
            return .dismiss(signalIDs: ids, reason: form.value("reason"))
        case .lost(let id):
            return .markLost(customerID: id, on: try day("on"), reason: LostReason(rawValue: form.value("reason")) ?? .other,
                             note: form.value("note"))
        }
    }
}
