import LoyalCore
import LoyalStore
import LoyalTerminal

/// Creates a customer (`+` on Accounts) or edits one's master data (`E` on the account):
/// number, name, address, rep and class override. The fields are a `FormScreen` (Tab, typing,
/// Esc asks before discarding); what is typed is checked by the customer import's rules
/// (`CustomerEntry`) as each field is left and on saving, and the store refuses a number
/// another customer has. A rep's own code is preset and cannot be changed.
struct CustomerForm: LoyalScreen {
    var form: FormScreen
    /// The customer being edited; nil for a new one.
    let existing: Customer?
    /// The rep code of a rep at the keyboard: the only one they may give a customer.
    let lockedRep: String?
    /// Fields the user has left (or tried to save): their import problems show.
    var visited: Set<String> = []

    init(existing: Customer?, env: Environment) {
        self.existing = existing
        let reps = (try? env.store.reps()) ?? []
        let scope = env.store.scope
        lockedRep = scope.guardsWrites ? reps.first { $0.id == scope.repID }?.code : nil
        let repCode = existing?.repID.flatMap { id in reps.first { $0.id == id }?.code }
        let c = existing ?? Customer(number: "", name: "")
        let title = existing.map { Text.tr("customer_form.edit_title", $0.name) } ?? Text.tr("customer_form.new_title")
        let repOptions = lockedRep.map { [$0] } ?? [""] + reps.map(\.code)
        form = FormScreen(title: title, purpose: .customer, fields: [
            FormField("number", Text.tr("customer_form.number"), .text, value: c.number),
            FormField("name", Text.tr("customer_form.name"), .text, value: c.name),
            FormField("street", Text.tr("customer_form.street"), .text, value: c.street),
            FormField("postal_code", Text.tr("customer_form.postal_code"), .text, value: c.postalCode),
            FormField("city", Text.tr("customer_form.city"), .text, value: c.city),
            FormField("country", Text.tr("customer_form.country"), .text, value: existing == nil ? "DE" : c.country),
            FormField("rep", Text.tr(lockedRep == nil ? "customer_form.rep" : "customer_form.rep_locked"),
                      .choice(repOptions), value: lockedRep ?? repCode ?? ""),
            FormField("class", Text.tr("form.class_override"), .choice(["", "A", "B", "C"]), value: c.classOverride?.rawValue ?? ""),
        ])
    }

    var title: String { form.title }
    var keyHelp: KeyHelp { KeyHelp(title: form.keyHelp.title, entries: form.keyHelp.entries + [
        KeyHelp.Entry(keys: Key.enter.shownName, label: Text.tr("customer_form.key_pick_rep"), help: Text.tr("customer_form.key_pick_rep_help"),
                      inStatusBar: false),
    ]) }
    var capturesText: Bool { true }
    var unsavedForm: String? { form.unsavedForm }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        let field = form.fields[form.focus].key
        if let action: FormAction = FormScreen.actions.action(for: key), action == .save { return save(env) }
        if key == .enter, field == "rep", lockedRep == nil {
            return .overlay(.picker(repPicker(env)))
        }
        let effect = form.handle(key, env: env)
        if form.fields[form.focus].key != field { visited.insert(field) }
        check(env)
        return effect
    }

    /// The reps by code with their names, "no rep" first; answers `.rep(code)`.
    func repPicker(_ env: Environment) -> Picker {
        let reps = (try? env.store.reps()) ?? []
        let selected = reps.firstIndex { $0.code == form.value("rep") }.map { $0 + 1 } ?? 0
        return Picker(title: Text.tr("customer_form.rep"), items: [Text.tr("customer_form.no_rep")] + TriagePickers.repItems(reps),
                      selected: selected, choices: [.rep(nil)] + reps.map { .rep($0.code) })
    }

    /// The rep picker's answer.
    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect {
        guard case .rep(let code) = choice, let i = form.fields.firstIndex(where: { $0.key == "rep" }) else { return .stay }
        form.fields[i].input = TextField(code ?? "")
        form.move(1, env)
        visited.insert("rep")
        check(env)
        return .stay
    }

    /// Each visited field's error: its own kind's, else the import's, else a taken number.
    mutating func check(_ env: Environment) {
        let values = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.key, $0.value) })
        let problems = CustomerEntry.check(values).problems
        for i in form.fields.indices where visited.contains(form.fields[i].key) {
            let key = form.fields[i].key
            form.fields[i].error = form.fields[i].problem(today: env.today) ?? problems[key]
            if key == "number", form.fields[i].error == nil, !form.fields[i].value.isEmpty,
               let other = try? env.store.customerNumberTaken(form.fields[i].value, except: existing?.id) {
                form.fields[i].error = Text.tr("customer_form.number_taken", other)
            }
        }
    }

    mutating func save(_ env: Environment) -> ScreenEffect {
        visited.formUnion(form.fields.map(\.key))
        check(env)
        if let bad = form.fields.firstIndex(where: { $0.error != nil }) {
            form.focus = bad
            return .message(Text.tr("visit.not_saved_field", form.fields[bad].label, form.fields[bad].error!), .error)
        }
        let values = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.key, $0.value) })
        var customer = CustomerEntry.check(values).record.customer
        customer.id = existing?.id
        do {
            let id = try env.store.saveCustomer(customer, repCode: Self.code(values["rep"] ?? ""), actor: env.actor)
            let done = Text.tr("form.saved", "\(customer.number) \(customer.name)")
            return existing == nil ? .both(.popAndFocus(customerID: id), .message(done, .info))
                : .both(.popAndReload, .message(done, .info))
        } catch {
            form.saveError = StoreError.message(for: error)
            return .message(Text.tr("visit.not_saved_because", StoreError.message(for: error)), .error)
        }
    }

    /// The rep field's text as a code; empty is no rep.
    static func code(_ text: String) -> String? { text.isEmpty ? nil : text }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        form.render(into: &buffer, area: area, context: context)
    }
}
