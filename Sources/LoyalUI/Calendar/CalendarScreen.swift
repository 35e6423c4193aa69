import LoyalCore
import LoyalStore
import LoyalTerminal

enum CalendarViewAction: Hashable, Sendable {
    case down, up, left, right, previous, next, today, top, bottom, nextView, previousView, rep, blocked, open, done, skip, move, absence
}

/// A line of the agenda the cursor can be on: the overdue group (one line, opened
/// with Enter) or an entry (an index into `rows`).
enum AgendaItem: Hashable, Sendable {
    case overdue(count: Int, oldest: Day)
    case entry(Int)
}

/// The communication calendar: an agenda (overdue first, then today and the next
/// days), a week grid and a month grid, per rep; entries are done, skipped or moved
/// from the keyboard.
struct CalendarScreen: LoyalScreen {
    enum View: String { case agenda, week, month }

    var view = View.agenda
    var anchor: Day
    var repCode: String?
    var showBlocked = false
    var rows: [CalendarRow] = []
    var counts: [Day: CalendarDayCount] = [:]
    var cursor = 0
    var dayCursor: Day
    let today: Day
    /// Whether the overdue group shows its entries (Enter on its line).
    var overdueOpen = false
    /// The agenda's lines the cursor moves over, worked out on reload.
    var agendaItems: [AgendaItem] = []
    /// Set by the view: how many lines a page is (PgDn, PgUp).
    var visibleRows = 20
    static let agendaDays = 14
    /// The week grid loads each day's first entries; a day with more says "+N+ more".
    static let weekPerDay = 100

    static var actions: [ActionSpec<CalendarViewAction>] { [
        ActionSpec(.down, [.down, .char("j")], "down", Text.tr("calendar.down_help")),
        ActionSpec(.up, [.up, .char("k")], "up", Text.tr("calendar.up_help")),
        ActionSpec(.left, [.left], Text.tr("keys.previous_day"), Text.tr("calendar.left_help")),
        ActionSpec(.right, [.right], Text.tr("keys.next_day"), Text.tr("calendar.right_help")),
        ActionSpec(.previous, [.char("["), .pageUp], Text.tr("keys.earlier"), Text.tr("calendar.previous_help")),
        ActionSpec(.next, [.char("]"), .pageDown], Text.tr("keys.later"), Text.tr("calendar.next_help")),
        ActionSpec(.today, [.char("t")], Text.tr("keys.today"), Text.tr("calendar.today_help")),
        ActionSpec(.top, [.home, .char("g")], "first", Text.tr("calendar.first_help")),
        ActionSpec(.bottom, [.end, .char("G")], "last", Text.tr("calendar.last_help")),
        ActionSpec(.nextView, [.tab], Text.tr("keys.view"), Text.tr("calendar.next_view_help"), status: true),
        ActionSpec(.previousView, [.backTab], Text.tr("keys.previous_view"), Text.tr("calendar.previous_view_help")),
        ActionSpec(.rep, [.char("r")], "rep", Text.tr("calendar.rep_help"), status: true),
        ActionSpec(.blocked, [.char("B")], Text.tr("keys.blocked"), Text.tr("calendar.blocked_help")),
        ActionSpec(.open, [.enter, .char("o")], "open", Text.tr("calendar.open_help")),
        ActionSpec(.done, [.char("x")], Text.tr("keys.done"), Text.tr("calendar.done_help"), status: true),
        ActionSpec(.skip, [.char("d")], Text.tr("keys.skip"), Text.tr("calendar.skip_help"), status: true),
        ActionSpec(.move, [.char("M")], Text.tr("keys.move"), Text.tr("calendar.move_help"), status: true),
        ActionSpec(.absence, [.char("U")], Text.tr("keys.absence"), Text.tr("calendar.absence_help")),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("tab.calendar"), actions) }
    var keyHelp: KeyHelp { Self.keyHelp }
    var title: String { Text.tr("tab.calendar") }

    init(env: Environment) throws {
        anchor = env.today
        dayCursor = env.today
        today = env.today
        try read(env)
        cursor = todayIndex
    }

    /// The first agenda line due today or later: where the agenda opens and `t` goes.
    var todayIndex: Int {
        agendaItems.firstIndex { if case .entry(let i) = $0 { return rows[i].entry.due >= today } else { return false } }
            ?? max(0, agendaItems.count - 1)
    }

    var selected: CalendarRow? {
        switch view {
        case .agenda:
            guard agendaItems.indices.contains(cursor), case .entry(let i) = agendaItems[cursor] else { return nil }
            return rows[i]
        case .week:
            let day = rows.filter { $0.entry.due == dayCursor }
            return day.indices.contains(cursor) ? day[cursor] : nil
        case .month: return nil
        }
    }

    /// Reads the view afresh; the cursor stays on the same entry, or on the one after it
    /// when it left the view (done, skipped, moved), so the next `x` hits what the user sees.
    mutating func reload(_ env: Environment) throws {
        let following = entriesFromCursor
        try read(env)
        if let index = Self.keptCursor(following: following, in: entryIDs) { cursor = index }
    }

    /// The ids of the lines the cursor moves over (nil for the overdue group's line).
    var entryIDs: [Int64?] {
        switch view {
        case .agenda:
            return agendaItems.map { if case .entry(let i) = $0 { return rows[i].entry.id } else { return nil } }
        case .week: return rows.filter { $0.entry.due == dayCursor }.map(\.entry.id)
        case .month: return []
        }
    }

    /// The selected entry and those after it, in order.
    var entriesFromCursor: [Int64] {
        let ids = entryIDs
        return ids.indices.contains(cursor) ? ids[cursor...].compactMap { $0 } : []
    }

    /// Where the cursor goes after a reload: the first of the entries it was on or
    /// after that is still there.
    static func keptCursor(following: [Int64], in ids: [Int64?]) -> Int? {
        for id in following { if let index = ids.firstIndex(of: id) { return index } }
        return nil
    }

    mutating func read(_ env: Environment) throws {
        let store = env.store
        switch view {
        case .agenda:
            rows = try store.calendar(from: env.today, to: env.today.adding(days: Self.agendaDays - 1), repCode: repCode,
                                      includeBlocked: showBlocked, overdueBefore: env.today, openOnly: true, limit: 2000)
        case .week:
            let monday = dayCursor.startOfWeek
            rows = try store.calendarWeek(from: monday, to: monday.adding(days: 6), repCode: repCode,
                                          includeBlocked: showBlocked, perDay: Self.weekPerDay)
        case .month:
            let first = Day(year: dayCursor.year, month: dayCursor.month, day: 1)!
            counts = try store.calendarCounts(from: first.startOfWeek, to: first.startOfWeek.adding(days: 41), repCode: repCode)
        }
        if view == .agenda { agendaItems = Self.agendaItems(rows, today: today, open: overdueOpen) }
        cursor = min(cursor, max(0, entryCount - 1))
    }

    /// Overdue entries as one line (and below it when open), then the rest.
    static func agendaItems(_ rows: [CalendarRow], today: Day, open: Bool) -> [AgendaItem] {
        let late = rows.indices.filter { rows[$0].entry.due < today }
        var items: [AgendaItem] = []
        if let first = late.first {
            items.append(.overdue(count: late.count, oldest: rows[first].entry.due))
            if open { items += late.map(AgendaItem.entry) }
        }
        items += rows.indices.filter { rows[$0].entry.due >= today }.map(AgendaItem.entry)
        return items
    }

    var entryCount: Int {
        switch view {
        case .agenda: return agendaItems.count
        case .week: return rows.filter { $0.entry.due == dayCursor }.count
        case .month: return 0
        }
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: CalendarViewAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down:
            if view == .month { try moveDay(7, env) } else { cursor = min(max(0, entryCount - 1), cursor + 1) }
        case .up:
            if view == .month { try moveDay(-7, env) } else { cursor = max(0, cursor - 1) }
        case .left: if view != .agenda { try moveDay(-1, env) }
        case .right: if view != .agenda { try moveDay(1, env) }
        case .previous:
            if view == .agenda { cursor = max(0, cursor - visibleRows) } else { try moveDay(view == .month ? monthStep(-1) : -7, env) }
        case .next:
            if view == .agenda { cursor = min(max(0, entryCount - 1), cursor + visibleRows) }
            else { try moveDay(view == .month ? monthStep(1) : 7, env) }
        case .today:
            dayCursor = env.today; cursor = 0; try read(env)
            if view == .agenda { cursor = todayIndex }
        case .top: cursor = 0
        case .bottom: cursor = max(0, entryCount - 1)
        case .nextView, .previousView:
            let views: [View] = [.agenda, .week, .month]
            let i = views.firstIndex(of: view)!
            view = views[(i + (action == .nextView ? 1 : views.count - 1)) % views.count]
            cursor = 0
            try read(env)
            if view == .agenda { cursor = todayIndex }
        case .blocked: showBlocked.toggle(); try reload(env)
        case .rep:
            return .overlay(.picker(TriagePickers.rep(current: repCode, env: env)))
        case .open:
            if view == .month { view = .week; cursor = 0; try read(env); return .stay }
            if view == .agenda, agendaItems.indices.contains(cursor), case .overdue = agendaItems[cursor] {
                overdueOpen.toggle()
                agendaItems = Self.agendaItems(rows, today: today, open: overdueOpen)
                return .stay
            }
            guard let r = selected else { return .stay }
            return .push(try AccountDetailScreen(customerID: r.entry.customerID, env: env))
        case .done, .skip, .move:
            guard let r = selected, let id = r.entry.id else { return .message(Text.tr("calendar.none_selected"), .info) }
            guard r.entry.status == .open else { return .message(Text.tr("calendar.already", Words.entryStatus(r.entry.status)), .info) }
            return CalendarEntryActions.effect(action, row: r, id: id, env: env)
        case .absence: return AbsenceForm.open(repCode: repCode ?? selected?.repCode, env: env)
        }
        return .stay
    }

    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect {
        switch choice {
        case .rep(let code):
            repCode = code; cursor = 0
            try read(env)
            if view == .agenda { cursor = todayIndex }
        case .effect(let effect): return effect
        case .sort, .signalKind: break
        }
        return .stay
    }

    /// Days to the same day of the month before or after (the last day if it has
    /// fewer): four weeks were not always a month, so `]` on 1 December stayed in December.
    func monthStep(_ months: Int) -> Int {
        let (y, m, d) = dayCursor.components
        let index = y * 12 + (m - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))! - dayCursor
    }

    mutating func moveDay(_ days: Int, _ env: Environment) throws {
        let before = dayCursor
        dayCursor = dayCursor.adding(days: days)
        cursor = 0
        let reloadNeeded = view == .week ? before.startOfWeek != dayCursor.startOfWeek
            : view == .month ? (before.month != dayCursor.month || before.year != dayCursor.year) : false
        if reloadNeeded || view == .agenda { try read(env) }
    }
}

extension CalendarScreen {
    /// The layout step: a page of the agenda is what fits under the title.
    mutating func arrange(_ area: Rect, env: Environment) { visibleRows = max(1, area.height - 1) }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        CalendarView.render(self, into: &buffer, area: area, env: context.env)
        return nil
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? {
        selected.flatMap { try? env.store.customerSummary(id: $0.entry.customerID) }
    }
}
