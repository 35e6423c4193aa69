import LoyalCore
import LoyalStore

/// Done, skip and move for a calendar entry.
enum CalendarEntryActions {
    static func effect(_ action: CalendarViewAction, row: CalendarRow, id: Int64, env: Environment) -> ScreenEffect {
        let label = "\(row.customerNumber) \(row.customerName)"
        switch action {
        case .done:
            if row.entry.channel == .visit {
                // The full summary, so the form names the city like when opened from an account.
                let customer = (try? env.store.customerSummary(id: row.entry.customerID))
                    ?? CustomerSummary(id: row.entry.customerID, number: row.customerNumber, name: row.customerName, city: "")
                var form = VisitForm(customer: customer, env: env)
                form.calendarEntryID = id
                return .push(form)
            }
            return run(.done(entryID: id, on: env.today), env: env, text: Text.tr("calendar.done_text", row.entry.reason, label))
        case .skip:
            return .push(FormScreen(title: Text.tr("calendar.skip_title", row.entry.reason, label), purpose: .calendar(.skip(entryID: id)),
                                          fields: [FormField("reason", Text.tr("calendar.why"), .text, value: "")]))
        case .move:
            let next = env.store.nextWorkingDay(onOrAfter: row.entry.due < env.today ? env.today : row.entry.due.adding(days: 1),
                                                repID: row.entry.repID, settings: env.settings)
            return .push(FormScreen(title: Text.tr("calendar.move_title", row.entry.reason, label), purpose: .calendar(.move(entryID: id)),
                                          fields: [FormField("day", Text.tr("calendar.to"), .day, value: next.german)]))
        default:
            return .stay
        }
    }

    static func run(_ action: LoyalStore.CalendarAction, env: Environment, text: String) -> ScreenEffect {
        do {
            try env.store.calendarAction(action, actor: env.actor, today: env.today, settings: env.settings)
            return .both(.reloadTop, .message(text, .info))
        } catch {
            return .message(Text.tr("calendar.not_done", StoreError.message(for: error)), .error)
        }
    }

    static func save(_ form: FormScreen, _ kind: FormScreen.CalendarForm, env: Environment) throws {
        switch kind {
        case .skip(let id):
            guard !form.value("reason").isEmpty else { throw FormError(Text.tr("calendar.say_why")) }
            try env.store.calendarAction(.skip(entryID: id, reason: form.value("reason")), actor: env.actor,
                                         today: env.today, settings: env.settings)
        case .move(let id):
            guard let day = Day(typed: form.value("day"), today: env.today, pastBias: false) else { throw FormError(Text.tr("calendar.not_a_date")) }
            try env.store.calendarAction(.move(entryID: id, to: day), actor: env.actor, today: env.today, settings: env.settings)
        case .absence:
            try AbsenceForm.save(form, env: env)
        }
    }
}
