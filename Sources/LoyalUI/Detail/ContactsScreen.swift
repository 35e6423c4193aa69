import LoyalCore
import LoyalStore
import LoyalTerminal

enum ContactsAction: Hashable, Sendable { case edit, add, merge, undo, back }

/// The contact persons of one account, to pick one to edit or to add one.
struct ContactsScreen: ListScreen {
    let customerID: Int64
    let customerName: String
    var list: PagedList<ArraySource<ContactPerson>>

    init(detail: AccountDetail) {
        customerID = detail.customer.id ?? 0
        customerName = detail.customer.name
        // A handful of people: the list holds them all, and behaves like every other list.
        list = try! PagedList(Self.source(detail.contacts))
    }

    static func source(_ contacts: [ContactPerson]) -> ArraySource<ContactPerson> {
        ArraySource(rows: contacts, identify: { $0.id ?? -1 }, text: { "\($0.fullName) \($0.role) \($0.phone)" })
    }

    var contacts: [ContactPerson] { list.source.rows }
    var title: String { Text.tr("contacts.title", customerName) }
    var keyHelp: KeyHelp { Self.keyHelp }
    var backEffect: ScreenEffect { .popAndReload }

    mutating func select(contact id: Int64) { _ = list.select(id: id) }

    static var actions: [ActionSpec<ContactsAction>] { [
        ActionSpec(.edit, [.enter, .char("e")], "edit", Text.tr("contacts.edit_help"), status: true),
        ActionSpec(.add, [.char("+")], Text.tr("keys.new"), Text.tr("contacts.add_help"), status: true),
        ActionSpec(.merge, [.char("m")], "merge", MergeKeys.contactHelp),
        ActionSpec(.undo, [.char("u")], "undo", MergeKeys.undoHelp),
        ActionSpec(.back, [.left, .char("h")], "back", Text.tr("contacts.back_help")),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("contacts.help_title"),
                                 entries: KeyHelp(title: "", ListKeys.actions("person")).entries + KeyHelp(title: "", actions).entries) }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        if let move = ListKeys.move(for: key) {
            try list.perform(move)
            return .stay
        }
        guard let action: ContactsAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .edit:
            guard let person = list.selected else { return .message(Text.tr("contacts.none_yet"), .warning) }
            return .push(FormScreen.contact(person, customerName: customerName))
        case .add:
            return .push(FormScreen.contact(ContactPerson(customerID: customerID, firstName: "", lastName: ""),
                                                  customerName: customerName))
        case .merge: return .mergeSelected
        case .undo: return .undoLast
        case .back: return .popAndReload
        }
        return .stay
    }

    mutating func reload(_ env: Environment) throws {
        if let d = try env.store.accountDetail(id: customerID, asOf: env.today, months: 1, purchases: 0, interactions: 0) {
            list.source = Self.source(d.contacts)
            try list.reload()
        }
    }

    /// Where the rows go: below the title and the column header.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1 }

    mutating func arrange(_ area: Rect, env: Environment) { list.arrange(height: Self.listArea(area).height) }

    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? {
        guard list.click(line: row - Self.listArea(area).row), let person = list.selected else { return .stay }
        return .push(FormScreen.contact(person, customerName: customerName))
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? { try? env.store.customerSummary(id: customerID) }

    var mergeSubject: MergeSubject? {
        guard let person = list.selected, let id = person.id else { return nil }
        return MergeSubject(kind: .contact, id: id, label: person.fullName, name: Text.tr("contacts.at", person.fullName, customerName))
    }

    func afterMerge(removed: Int64, kept: Int64, env: Environment) -> (any LoyalScreen)? {
        customerID == removed ? nil : self
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let env = context.env
        let f = Format(display: env.display)
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, Text.tr("contacts.header", customerName), role: .title, maxWidth: area.width - 2)
        let layout = TableLayout([
            .init(title: Text.tr("accounts.col_name"), width: 16, flex: 2), .init(title: Text.tr("contacts.col_role"), width: 12, flex: 1),
            .init(title: Text.tr("contacts.col_birthday"), width: 16), .init(title: Text.tr("contacts.col_phone"), width: 12, flex: 1), .init(title: Text.tr("detail.status"), width: 12),
        ], width: area.width - 2)
        layout.drawHeader(into: &buffer, row: body.row, col: area.col + 1, width: area.width - 2, highlight: nil, mark: "")
        if contacts.isEmpty {
            buffer.put(row: body.row + 2, col: area.col + 2, Text.tr("contacts.empty"), role: .dim)
        }
        for (i, (index, p)) in list.visible.enumerated() {
            let r = body.row + 1 + i
            let role: StyleRole = index == list.cursor ? .selected : (p.leftOn == nil ? .normal : .dim)
            buffer.fill(row: r, col: area.col, width: area.width, role: role)
            let cells = [p.fullName + (p.isPrimary ? " ★" : ""), p.role, f.birthday(p.birthday, on: env.today), p.phone,
                         p.leftOn.map { Text.tr("contacts.left", f.day($0)) } ?? Text.tr("detail.active")]
            for (c, text) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: r, col: area.col + 1, width: area.width - 2, role: role)
            }
        }
        return nil
    }
}
