import LoyalCore
import LoyalStore
import LoyalTerminal

enum FormAction: Hashable, Sendable {
    case next, previous, save, cancel
}

/// A keyboard form: Tab through fields, type, Ctrl-S to save. Invalid fields
/// show why next to them and saving waits until all are valid; Esc asks before
/// throwing away changes.
struct FormScreen {
    enum Purpose {
        case softFacts(Customer)
        case contact(ContactPerson)
        case triage(TriageForm)
        case winback(LostRow)
        case calendar(CalendarForm)
        /// A customer's master data (CustomerForm saves it).
        case customer
    }

    /// Calendar entries that need a reason or a day first.
    enum CalendarForm {
        case skip(entryID: Int64)
        case move(entryID: Int64)
        /// A rep's absence (the Calendar tab's `U`).
        case absence
    }

    /// The triage actions that need a date or a reason first.
    enum TriageForm {
        case schedule(customerID: Int64)
        case snooze(signalIDs: [Int64])
        case dismiss(signalIDs: [Int64])
        case lost(customerID: Int64)
    }

    var title: String
    var purpose: Purpose
    var fields: [FormField]
    var focus = 0
    let original: [String]
    var saveError: String?
    /// Lines computed from what is typed, shown under the fields (e.g. a live score).
    var info: ((FormScreen) -> [(text: String, role: StyleRole)])?

    // Computed: the texts follow the language in use (tests switch it).
    static var actions: [ActionSpec<FormAction>] { [
        ActionSpec(.next, [.tab, .down], Text.tr("form.key_next_field"), Text.tr("form.key_next_field_help"), status: true),
        ActionSpec(.previous, [.backTab, .up], Text.tr("form.key_previous_field"), Text.tr("form.key_previous_field_help")),
        ActionSpec(.save, [.ctrl("s")], Text.tr("visit.key_save"), Text.tr("form.key_save_help"), status: true),
        ActionSpec(.cancel, [.escape], Text.tr("visit.key_cancel"), Text.tr("form.key_cancel_help"), status: true),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("form.title"), actions + [
        ActionSpec(.next, [.enter], Text.tr("visit.key_next"), Text.tr("form.key_next_help")),
        ActionSpec(.next, [.char(" "), .left, .right], Text.tr("visit.key_choose"), Text.tr("form.key_choose_help")),
    ]) }

    init(title: String, purpose: Purpose, fields: [FormField]) {
        self.title = title; self.purpose = purpose; self.fields = fields
        original = fields.map(\.input.text)
    }

    var isChanged: Bool { fields.map(\.input.text) != original }

    mutating func handle(_ key: Key, env: Environment) -> ScreenEffect? {
        if let action: FormAction = Self.actions.action(for: key) {
            switch action {
            case .next: move(1, env)
            case .previous: move(-1, env)
            case .save: return save(env)
            case .cancel: return isChanged ? .confirm(Text.tr("form.discard", title), .pop) : .pop
            }
            return .stay
        }
        if key == .enter && fields[focus].kind != .longText { move(1, env); return .stay }
        guard fields[focus].handle(key) else { return nil }
        fields[focus].error = fields[focus].problem(today: env.today)
        return .stay
    }

    mutating func move(_ delta: Int, _ env: Environment) {
        fields[focus].error = fields[focus].problem(today: env.today)
        focus = (focus + delta + fields.count) % fields.count
    }

    mutating func save(_ env: Environment) -> ScreenEffect {
        for i in fields.indices { fields[i].error = fields[i].problem(today: env.today) }
        if let bad = fields.firstIndex(where: { $0.error != nil }) {
            focus = bad
            return .message(Text.tr("visit.not_saved_field", fields[bad].label, fields[bad].error!), .error)
        }
        do {
            if case .calendar(let kind) = purpose {
                try CalendarEntryActions.save(self, kind, env: env)
                return .both(.popAndReload, .message(Text.tr("form.done", title), .info))
            }
            if case .winback(let lost) = purpose {
                let action = WinbackForm.action(self, lost: lost, env: env)
                let undo = try env.store.triage(action, actor: env.actor, today: env.today, settings: env.settings)
                return .both(.popAndReload, .undoable(undo))
            }
            if case .triage(let kind) = purpose {
                let action = try TriageForms.action(kind, form: self, today: env.today)
                let undo = try env.store.triage(action, actor: env.actor, today: env.today, settings: env.settings)
                return .both(.popAndReload, .undoable(undo))
            }
            try FormSaving.save(self, env: env)
        } catch {
            saveError = "\(StoreError.message(for: error))"
            return .message(Text.tr("visit.not_saved_because", StoreError.message(for: error)), .error)
        }
        return .both(.popAndReload, .message(Text.tr("form.saved", title), .info))
    }

    func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, title + (isChanged ? "  (changed)" : ""), role: .title,
                   maxWidth: area.width - 2)
        let labelWidth = min(22, (fields.map { TextWidth.columns(of: $0.label) }.max() ?? 10) + 2)
        let inputWidth = max(10, min(48, area.width - labelWidth - 4))
        var cursor: CursorPosition?
        let first = max(0, focus - (body.height - 2))
        for (row, index) in (first..<fields.count).enumerated() {
            let r = body.row + 1 + row
            guard r < body.bottom else { break }
            let field = fields[index]
            let focused = index == focus
            buffer.put(row: r, col: area.col + 2, field.label, role: focused ? .header : .dim, maxWidth: labelWidth - 1)
            let x = area.col + 2 + labelWidth
            var shown = field.input
            if field.kind == .longText { shown.text = shown.text.replacing("\n", with: "↵") }
            let role: StyleRole = focused ? .inputFocused : .inputField
            if case .choice = field.kind {
                buffer.fill(row: r, col: x, width: inputWidth, role: role)
                buffer.put(row: r, col: x, "‹ \(field.shownChoice.ifEmpty("–")) ›", role: role, maxWidth: inputWidth)
            } else {
                let cx = shown.draw(into: &buffer, row: r, col: x, width: inputWidth, role: role)
                if focused { cursor = CursorPosition(row: r, col: cx) }
            }
            if let error = field.error {
                buffer.put(row: r, col: x + inputWidth + 1, "✗ " + error, role: .error, maxWidth: area.right - x - inputWidth - 1)
            }
        }
        if let info {
            // Wrapped, keeping each line's indent: a warning's advice is at its end.
            var r = body.row + 2 + fields.count
            for line in info(self) {
                let indent = line.text.prefix { $0 == " " }.count
                let parts = Wrap.lines(String(line.text.dropFirst(indent)), width: max(10, area.width - 6 - indent))
                for (i, part) in parts.enumerated() where r < body.bottom - 1 {
                    buffer.put(row: r, col: area.col + 2 + indent + (i == 0 ? 0 : 2), part, role: line.role,
                               maxWidth: area.width - 6 - indent)
                    r += 1
                }
            }
        }
        // The focused field's whole reason, where there is room for it.
        if let error = fields[focus].error {
            buffer.put(row: body.bottom - 1, col: area.col + 2, "✗ \(fields[focus].label): \(error)", role: .error,
                       maxWidth: area.width - 4)
        }
        return cursor
    }
}

extension FormScreen: LoyalScreen {
    var keyHelp: KeyHelp { Self.keyHelp }
    var capturesText: Bool { true }
    /// Quitting asks first when typed changes would be lost.
    var unsavedForm: String? { isChanged ? title : nil }
}
