import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

enum VisitAction: Hashable, Sendable { case next, previous, save, cancel }

/// The visit feedback form: everything a rep notes after a visit, keyboard only,
/// kept as a draft in the database with every keystroke.
struct VisitForm {
    var values = VisitFormValues()
    var draftSubject: String
    var customerInput = TextField()
    var suggestions: [CustomerSummary] = []
    var suggestion = 0
    var contacts: [ContactPerson] = []
    var contactCursor = 0
    var categories: [String] = []
    var errors: [VisitField: String] = [:]
    var editors: [VisitField: TextField] = [:]
    /// The calendar entry this visit fulfils; saving marks it done. Kept in the values,
    /// so a resumed draft still marks it; being set is no typing.
    var calendarEntryID: Int64? {
        get { values.calendarEntryID }
        set { values.calendarEntryID = newValue; startValues.calendarEntryID = newValue }
    }
    /// What the form held when opened, to tell whether anything was typed.
    var startValues = VisitFormValues()

    var focus: VisitField {
        get { VisitField(rawValue: values.focus) ?? .customer }
        set { values.focus = newValue.rawValue }
    }

    // Computed: the texts follow the language in use (tests switch it).
    static var actions: [ActionSpec<VisitAction>] { [
        ActionSpec(.next, [.tab], Text.tr("visit.key_next"), Text.tr("visit.key_next_help"), status: true),
        ActionSpec(.previous, [.backTab], Text.tr("visit.key_back"), Text.tr("visit.key_back_help")),
        ActionSpec(.save, [.ctrl("s")], Text.tr("visit.key_save"), Text.tr("visit.key_save_help"), status: true),
        ActionSpec(.cancel, [.escape], Text.tr("visit.key_cancel"), Text.tr("visit.key_cancel_help"), status: true),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("visit.title"), actions + [
        ActionSpec(.next, [.up, .down], Text.tr("visit.key_choose"), Text.tr("visit.key_choose_help")),
        ActionSpec(.next, [.char("0"), .char("9")], Text.tr("visit.key_score"), Text.tr("visit.key_score_help")),
        ActionSpec(.next, [.char(" "), .left, .right], Text.tr("visit.key_toggle"), Text.tr("visit.key_toggle_help")),
        ActionSpec(.next, [.char("t"), .char("-")], Text.tr("visit.key_dates"), Text.tr("visit.key_dates_help")),
    ]) }

    /// A new report, for a customer if one is known (from an account, the calendar, the panel).
    init(customer: CustomerSummary?, env: Environment) {
        draftSubject = "visit-\(Int(Date().timeIntervalSince1970 * 1000))"
        categories = (try? env.store.productCategories()) ?? []
        // The date starts empty, which means today (shown next to it): a typed -1 or
        // 12.3. must not be appended to a prefilled "t".
        if let customer { choose(customer, env: env); focus = .date }
        if customer == nil { refreshSuggestions(env) }
        startValues = values
    }

    /// A report resumed from its draft.
    init(draft: Draft, env: Environment) {
        draftSubject = draft.subject
        values = VisitFormValues.decoded(draft.payload) ?? VisitFormValues()
        categories = (try? env.store.productCategories()) ?? []
        if let id = values.customerID { contacts = (try? env.store.contacts(customerID: id)) ?? [] }
        for field in VisitField.allCases where field != .customer { editors[field] = TextField(values[field]) }
        customerInput = TextField(values.customerID == nil ? values.customerLabel : "")
        if values.customerID == nil { refreshSuggestions(env) }
    }

    /// Something was typed or chosen; moving between fields is no change.
    var isChanged: Bool {
        var now = values
        now.focus = startValues.focus
        return now != startValues
    }
    var title: String { Text.tr("visit.title") + (values.customerLabel.isEmpty ? "" : ": \(values.customerLabel)") }

    mutating func choose(_ c: CustomerSummary, env: Environment) {
        values.customerID = c.id
        values.customerLabel = "\(c.name) (\(c.number), \(c.city))"
        customerInput = TextField()
        suggestions = []
        contacts = (try? env.store.contacts(customerID: c.id)) ?? []
        values.met = contacts.first(where: { $0.isPrimary && $0.leftOn == nil }).flatMap(\.id).map { [$0] } ?? []
        contactCursor = 0
        errors[.customer] = nil
    }

    mutating func refreshSuggestions(_ env: Environment) {
        let text = customerInput.text
        suggestions = text.isEmpty
            ? (try? env.store.recentCustomers(repID: nil, since: env.today.adding(days: -365))) ?? []
            : (try? env.store.customerSuggestions(text)) ?? []
        suggestion = 0
    }

    mutating func handle(_ key: Key, env: Environment) -> ScreenEffect? {
        let before = values
        let effect = dispatch(key, env: env)
        // Save and cancel settle the draft themselves; a key that changed nothing writes nothing.
        if case .stay = effect, values != before { saveDraft(env) }
        return effect
    }

    private mutating func dispatch(_ key: Key, env: Environment) -> ScreenEffect? {
        if let action: VisitAction = Self.actions.action(for: key) {
            switch action {
            case .next: move(1, env)
            case .previous: move(-1, env)
            case .save: return save(env)
            case .cancel:
                return isChanged ? .confirm(Text.tr("visit.discard"), .discardDraft(kind: "visit", subject: draftSubject))
                                 : .discardDraft(kind: "visit", subject: draftSubject)
            }
            return .stay
        }
        return VisitFormInput.handle(&self, key, env: env) ? .stay : nil
    }

    mutating func move(_ delta: Int, _ env: Environment) {
        let all = VisitField.allCases
        let i = all.firstIndex(of: focus)!
        var next = (i + delta + all.count) % all.count
        // The complaint's category only matters when there is a complaint.
        if all[next] == .complaintCategory && values[.complaint].isEmpty { next = (next + delta + all.count) % all.count }
        focus = all[next]
        // After moving: an empty customer is excused only while the user is in that field.
        validate(env)
        if focus == .customer { refreshSuggestions(env) }
    }

    mutating func validate(_ env: Environment) {
        errors = VisitFormValidation.report(values, today: env.today).1
        if values.customerID == nil && focus == .customer && customerInput.text.isEmpty { errors[.customer] = nil }
    }

    mutating func save(_ env: Environment) -> ScreenEffect {
        let customerID = values.customerID
        let (report, problems) = VisitFormValidation.report(values, today: env.today) {
            env.store.nextWorkingDay(onOrAfter: $0, customerID: customerID, settings: env.settings)
        }
        errors = problems
        guard let report else {
            if let first = VisitField.allCases.first(where: { problems[$0] != nil }) {
                focus = first
                return .message(Text.tr("visit.not_saved_field", first.label, problems[first]!), .error)
            }
            return .message(Text.tr("visit.not_saved"), .error)
        }
        do {
            // One transaction: the visit, the draft's removal, the entry marked done, the panel's signals.
            let saved = try env.store.saveVisit(report, VisitSaveContext(
                actor: env.actor, today: env.today, settings: env.settings,
                draftSubject: draftSubject, calendarEntryID: calendarEntryID))
            var text = Text.tr("visit.saved", Words.interaction(report.kind), values.customerLabel)
            if saved.complaintID != nil { text += Text.tr("visit.saved_complaint") }
            if let f = report.followUpOn { text += Text.tr("visit.saved_follow_up", Format(display: env.display).day(f)) }
            return .both(.popAndReload, .message(text, .info))
        } catch {
            return .message(Text.tr("visit.not_saved_because", StoreError.message(for: error)), .error)
        }
    }

    func saveDraft(_ env: Environment) {
        guard isChanged else {
            // Typed back to what it was: no report to resume.
            try? env.store.deleteDraft(kind: "visit", subject: draftSubject)
            return
        }
        try? env.store.saveDraft(kind: "visit", subject: draftSubject, payload: values.encoded())
    }
}

extension VisitForm: LoyalScreen {
    var keyHelp: KeyHelp { Self.keyHelp }
    /// The visit form has no unsaved changes to ask about: its draft is in the database
    /// and offered at the next start.
    var capturesText: Bool { true }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        VisitFormView.render(self, into: &buffer, area: area, env: context.env)
    }
}
