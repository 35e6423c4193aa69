import LoyalCore
import LoyalStore

/// The forms of an account: its soft facts and its contact persons.
extension FormScreen {
    static func softFacts(_ c: Customer, env: Environment) -> FormScreen {
        let money = env.display.money
        return FormScreen(title: Text.tr("form.soft_facts_title", c.name), purpose: .softFacts(c), fields: [
            FormField("preferences", Text.tr("form.preferences"), .text, value: c.preferences),
            FormField("channel", Text.tr("form.preferred_channel"), .choice([""] + Channel.allCases.map(\.rawValue)),
                      value: c.preferredChannel?.rawValue ?? "").showing { Words.named("channel", $0) },
            FormField("call_times", Text.tr("form.call_times"), .text, value: c.bestCallTimes),
            FormField("high_season", Text.tr("form.high_season"), .months, value: c.highSeason),
            FormField("busy_hours", Text.tr("form.busy_hours"), .text, value: c.busyHours),
            FormField("potential", Text.tr("form.potential"), .money,
                      value: c.potential.map { money.format($0, withCents: $0.cents % 100 != 0)
                          .replacing(" " + money.currencySymbol, with: "") } ?? ""),
            FormField("class", Text.tr("form.class_override"), .choice(["", "A", "B", "C"]), value: c.classOverride?.rawValue ?? ""),
            FormField("notes", Text.tr("visit.notes"), .longText, value: c.notes),
            // Business customers may be called on presumed consent, consumers only with express consent.
            FormField("kind", Text.tr("form.kind"), .choice(CustomerKind.allCases.map(\.rawValue)), value: c.kind.rawValue),
        ])
    }

    static func contact(_ p: ContactPerson, customerName: String) -> FormScreen {
        FormScreen(title: p.id == nil ? Text.tr("form.new_contact_title", customerName) : Text.tr("form.contact_title", p.fullName, customerName),
                   purpose: .contact(p), fields: [
            FormField("first_name", Text.tr("form.first_name"), .text, value: p.firstName),
            FormField("last_name", Text.tr("form.last_name"), .text, value: p.lastName),
            FormField("role", Text.tr("form.role"), .text, value: p.role),
            FormField("email", Text.tr("form.email"), .email, value: p.email),
            FormField("phone", Text.tr("form.phone"), .phone, value: p.phone),
            FormField("birthday", Text.tr("form.birthday"), .birthday, value: p.birthday.map(Self.birthdayText) ?? ""),
            FormField("partner", Text.tr("form.partner"), .text, value: p.partnerName),
            FormField("partner_birthday", Text.tr("form.partner_birthday"), .birthday, value: p.partnerBirthday.map(Self.birthdayText) ?? ""),
            FormField("left_on", Text.tr("form.left_on"), .day, value: p.leftOn?.german ?? ""),
            FormField("primary", Text.tr("form.main_contact"), .choice(["no", "yes"]), value: p.isPrimary ? "yes" : "no"),
            FormField("notes", Text.tr("visit.notes"), .longText, value: p.notes),
        ])
    }

    static func birthdayText(_ b: Birthday) -> String {
        let dm = (b.day < 10 ? "0" : "") + "\(b.day)." + (b.month < 10 ? "0" : "") + "\(b.month)."
        return dm + (b.year.map(String.init) ?? "")
    }
}

/// Turns a valid form into domain values and saves them in one transaction.
enum FormSaving {
    static func save(_ form: FormScreen, env: Environment) throws {
        switch form.purpose {
        case .softFacts(var c):
            c.preferences = form.value("preferences")
            c.preferredChannel = Channel(rawValue: form.value("channel"))
            c.bestCallTimes = form.value("call_times")
            c.highSeason = form.value("high_season")
            c.busyHours = form.value("busy_hours")
            c.potential = Money(parsing: form.value("potential"))
            c.classOverride = CustomerClass(rawValue: form.value("class"))
            c.notes = form.value("notes")
            c.kind = CustomerKind(rawValue: form.value("kind")) ?? .business
            try env.store.saveSoftFacts(c, actor: env.actor)
        case .contact(var p):
            guard !form.value("last_name").isEmpty else { throw FormError(Text.tr("form.error_last_name")) }
            p.firstName = form.value("first_name"); p.lastName = form.value("last_name")
            p.role = form.value("role"); p.email = form.value("email"); p.phone = form.value("phone")
            p.birthday = Birthday(parsing: form.value("birthday"))
            p.partnerName = form.value("partner")
            p.partnerBirthday = Birthday(parsing: form.value("partner_birthday"))
            p.leftOn = Day(typed: form.value("left_on"), today: env.today)
            p.isPrimary = form.value("primary") == "yes"
            p.notes = form.value("notes")
            try env.store.saveContact(p, actor: env.actor)
        case .triage, .winback, .calendar, .customer:
            break
        }
    }
}

struct FormError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
