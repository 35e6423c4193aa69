import LoyalCore
import LoyalStore
import LoyalTerminal

enum DetailAction: Hashable, Sendable {
    case down, up, pageDown, pageUp, top, bottom, nextSection, previousSection, editSoftFacts, editCustomer, contacts, merge, undo, back
}

/// One account's whole story on one scrollable page.
struct AccountDetailScreen: LoyalScreen {
    let customerID: Int64
    var detail: AccountDetail
    var document = Document()
    var top = 0
    var visibleRows = 20
    var width = 0
    /// Set when an edit was saved, so the list below reloads on return.
    var changed = false
    var searchOrigin: Int?
    /// Set when the customer is another rep's and this user may only look (ReadOnlyAccess).
    var readOnly: String?

    var title: String { detail.customer.name }

    static var actions: [ActionSpec<DetailAction>] { [
        ActionSpec(.down, [.down, .char("j")], "down", Text.tr("detail.scroll_down_help")),
        ActionSpec(.up, [.up, .char("k")], "up", Text.tr("detail.scroll_up_help")),
        ActionSpec(.pageDown, [.pageDown, .ctrl("f"), .char(" ")], "page down", Text.tr("detail.page_down_help")),
        ActionSpec(.pageUp, [.pageUp, .ctrl("b")], "page up", Text.tr("detail.page_up_help")),
        ActionSpec(.top, [.home, .char("g")], Text.tr("keys.top"), Text.tr("detail.top_help")),
        ActionSpec(.bottom, [.end, .char("G")], Text.tr("keys.bottom"), Text.tr("detail.bottom_help")),
        ActionSpec(.nextSection, [.char("]"), .tab], Text.tr("keys.next_section"), Text.tr("detail.next_section_help"), status: true),
        ActionSpec(.previousSection, [.char("["), .backTab], Text.tr("keys.previous_section"), Text.tr("detail.previous_section_help")),
        ActionSpec(.editSoftFacts, [.char("e")], Text.tr("keys.edit"), Text.tr("detail.edit_help"), status: true),
        ActionSpec(.editCustomer, [.char("E")], Text.tr("customer_form.key_edit"), Text.tr("customer_form.key_edit_help")),
        ActionSpec(.contacts, [.char("p")], Text.tr("keys.people"), Text.tr("detail.contacts_help"), status: true),
        ActionSpec(.merge, [.char("m")], "merge", MergeKeys.customerHelp),
        ActionSpec(.undo, [.char("u")], "undo", MergeKeys.undoHelp),
        ActionSpec(.back, [.left, .char("h")], "back", Text.tr("detail.back_help")),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("detail.title"), actions) }
    var keyHelp: KeyHelp { Self.keyHelp }

    init(customerID: Int64, env: Environment) throws {
        guard let detail = try env.store.accountDetail(id: customerID, asOf: env.today) else {
            throw StoreError.notFound(Text.tr("detail.gone", customerID))
        }
        self.customerID = customerID
        self.detail = detail
        readOnly = Self.readOnlyReason(detail, env: env)
    }

    mutating func reload(_ env: Environment) throws {
        if let d = try env.store.accountDetail(id: customerID, asOf: env.today) { detail = d }
        width = 0
        changed = true
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: DetailAction = Self.actions.action(for: key) else { return nil }
        let maxTop = max(0, document.lines.count - visibleRows)
        switch action {
        case .down: top = min(maxTop, top + 1)
        case .up: top = max(0, top - 1)
        case .pageDown: top = min(maxTop, top + visibleRows)
        case .pageUp: top = max(0, top - visibleRows)
        case .top: top = 0
        case .bottom: top = maxTop
        case .nextSection:
            if let next = document.sections.first(where: { $0.line > top }) { top = min(maxTop, next.line) }
        case .previousSection:
            if let previous = document.sections.last(where: { $0.line < top }) { top = previous.line }
        case .editSoftFacts:
            return .push(FormScreen.softFacts(detail.customer, env: env))
        case .editCustomer:
            return .push(CustomerForm(existing: detail.customer, env: env))
        case .contacts:
            return .push(ContactsScreen(detail: detail))
        case .merge: return .mergeSelected
        case .undo: return .undoLast
        case .back:
            return changed ? .popAndReload : .pop
        }
        return .stay
    }

    /// The layout step: the page is laid out for the width, the scroll kept inside it.
    mutating func arrange(_ area: Rect, env: Environment) {
        if width != area.width {
            document = AccountDetailView.document(detail, width: area.width, env: env)
            width = area.width
        }
        visibleRows = max(1, area.height - 1)
        top = min(top, max(0, document.lines.count - visibleRows))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        let c = detail.customer
        buffer.put(row: header.row, col: area.col + 1, "\(c.number) · \(c.name)", role: .title, maxWidth: area.width - 14)
        let section = document.sections.last { $0.line <= top + 1 }?.title ?? ""
        buffer.put(row: header.row, col: area.right - TextWidth.columns(of: section) - 1, section, role: .title)
        document.draw(into: &buffer, area: body, top: top)
        return nil
    }

    var backEffect: ScreenEffect { changed ? .popAndReload : .pop }

    func currentCustomer(_ env: Environment) -> CustomerSummary? {
        let c = detail.customer
        return CustomerSummary(id: customerID, number: c.number, name: c.name, city: c.city)
    }

    var mergeSubject: MergeSubject? {
        let c = detail.customer
        return MergeSubject(kind: .customer, id: customerID, label: c.number, name: "\(c.number) \(c.name)")
    }

    /// The removed customer's page becomes the kept one's.
    func afterMerge(removed: Int64, kept: Int64, env: Environment) -> (any LoyalScreen)? {
        guard customerID == removed else { return self }
        guard var detail = try? AccountDetailScreen(customerID: kept, env: env) else { return nil }
        detail.changed = true
        return detail
    }

    var isSearchable: Bool { true }
    mutating func beginSearch() { searchOrigin = top }
    mutating func restoreSearchOrigin() { if let searchOrigin { top = searchOrigin } }
    mutating func endSearch(keep: Bool) {
        if !keep { restoreSearchOrigin() }
        searchOrigin = nil
    }
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool, env: Environment) throws -> SearchOutcome {
        search(pattern, forward: forward, includeCurrent: includeCurrent)
    }

    /// `/` search in the page: scroll to the next line containing the text.
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool) -> SearchOutcome {
        let p = SearchKey.fold(pattern)
        guard !p.isEmpty else { return .found }
        let n = document.lines.count
        guard n > 0 else { return .notFound }
        let start = top + (includeCurrent ? 0 : (forward ? 1 : -1))
        for step in 0..<n {
            let i = ((forward ? start + step : start - step) % n + n) % n
            if SearchKey.fold(document.lines[i].map(\.text).joined(separator: " ")).contains(p) {
                top = i
                return (forward ? i < start : i > start) ? .wrapped : .found
            }
        }
        return .notFound
    }
}
