import LoyalCore
import LoyalStore
import LoyalTerminal

enum ContactsAction: Hashable, Sendable { case down, up, edit, add, merge, undo, back }

/// The contact persons of one account, to pick one to edit or to add one.
struct ContactsScreen {
    let customerID: Int64
    let customerName: String
    var contacts: [ContactPerson]
    var cursor = 0

    init(detail: AccountDetail) {
        customerID = detail.customer.id ?? 0
        customerName = detail.customer.name
        contacts = detail.contacts
    }

    static let actions: [ActionSpec<ContactsAction>] = [
        ActionSpec(.down, [.down, .char("j")], "down", "Next person"),
        ActionSpec(.up, [.up, .char("k")], "up", "Previous person"),
        ActionSpec(.edit, [.enter, .char("e")], "edit", "Edit the selected person", status: true),
        ActionSpec(.add, [.char("n"), .char("+")], "new", "Add a contact person", status: true),
        ActionSpec(.merge, [.char("m")], "merge", MergeKeys.contactHelp),
        ActionSpec(.undo, [.char("u")], "undo", MergeKeys.undoHelp),
        ActionSpec(.back, [.left, .char("h")], "back", "Back to the account (also Esc)"),
    ]

    static let keyHelp = KeyHelp(title: "Contact persons", actions)

    mutating func handle(_ key: Key, env: Environment) -> ScreenEffect? {
        guard let action: ContactsAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down: cursor = min(max(0, contacts.count - 1), cursor + 1)
        case .up: cursor = max(0, cursor - 1)
        case .edit:
            guard contacts.indices.contains(cursor) else { return .message("No contact person yet: press n", .warning) }
            return .push(.form(FormScreen.contact(contacts[cursor], customerName: customerName)))
        case .add:
            return .push(.form(FormScreen.contact(ContactPerson(customerID: customerID, firstName: "", lastName: ""),
                                                  customerName: customerName)))
        case .merge: return .mergeSelected
        case .undo: return .undoLast
        case .back: return .popAndReload
        }
        return .stay
    }

    mutating func reload(_ env: Environment) throws {
        if let d = try env.store.accountDetail(id: customerID, asOf: env.today, months: 1, purchases: 0, interactions: 0) {
            contacts = d.contacts
            cursor = min(cursor, max(0, contacts.count - 1))
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, "Contact persons of \(customerName)", role: .title, maxWidth: area.width - 2)
        let layout = TableLayout([
            .init(title: "Name", width: 16, flex: 2), .init(title: "Role", width: 12, flex: 1),
            .init(title: "Birthday", width: 16), .init(title: "Phone", width: 12, flex: 1), .init(title: "Status", width: 12),
        ], width: area.width - 2)
        layout.drawHeader(into: &buffer, row: body.row, col: area.col + 1, width: area.width - 2, highlight: nil, mark: "")
        if contacts.isEmpty {
            buffer.put(row: body.row + 2, col: area.col + 2, "No contact persons yet. Press n to add one.", role: .dim)
        }
        for (i, p) in contacts.enumerated() {
            let r = body.row + 1 + i
            guard r < body.bottom else { break }
            let role: StyleRole = i == cursor ? .selected : (p.leftOn == nil ? .normal : .dim)
            buffer.fill(row: r, col: area.col, width: area.width, role: role)
            let cells = [p.fullName + (p.isPrimary ? " ★" : ""), p.role, f.birthday(p.birthday, on: env.today), p.phone,
                         p.leftOn.map { "left \(f.day($0))" } ?? "active"]
            for (c, text) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: r, col: area.col + 1, width: area.width - 2, role: role)
            }
        }
    }
}
