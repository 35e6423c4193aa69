import LoyalCore
import LoyalStore
import LoyalTerminal

enum CalendarView {
    static func render(_ s: CalendarScreen, into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (titleRow, body) = area.top(1)
        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        let who = s.repCode.map { Text.tr("calendar.rep", $0) } ?? Text.tr("accounts.all_reps")
        let what: String
        switch s.view {
        case .agenda: what = Text.tr("calendar.agenda", CalendarScreen.agendaDays - 1)
        case .week:
            let w = s.dayCursor.isoWeek
            what = Text.tr("calendar.week", w.week, w.year, f.day(s.dayCursor.startOfWeek), f.day(s.dayCursor.startOfWeek.adding(days: 6)))
        case .month: what = Text.tr("calendar.month", DayWords.month(s.dayCursor.month), s.dayCursor.year)
        }
        buffer.put(row: titleRow.row, col: area.col + 1, Text.tr("calendar.title", what, who) + (s.showBlocked ? Text.tr("calendar.with_blocked") : ""),
                   role: .title, maxWidth: area.width - 2)
        switch s.view {
        case .agenda: agenda(s, &buffer, body, env, f)
        case .week: week(s, &buffer, body, env, f)
        case .month: month(s, &buffer, body, env)
        }
    }

    static func channelMark(_ c: Channel) -> String {
        // At most six letters in each language: the agenda's channel column is that wide.
        Text.tr("calendar.mark_\(c.rawValue)")
    }

    static func agenda(_ s: CalendarScreen, _ buffer: inout ScreenBuffer, _ area: Rect, _ env: Environment, _ f: Format) {
        // Lines: a heading per group, then its entries; the cursor moves over entries only.
        var lines: [(text: [(String, StyleRole, Int?)], entry: Int?)] = []
        var group = ""
        // The reason ("Visit (every 90 days; last visit 27.08.2026)") is what a rep
        // reads: at least 34 columns, more when the screen is wide and notes are short.
        let longestReason = s.rows.map { TextWidth.columns(of: $0.entry.reason + ($0.contactName.map { " · \($0)" } ?? ""), limit: area.width) }.max() ?? 0
        let longestNote = min(30, s.rows.map { TextWidth.columns(of: $0.notes, limit: 30) }.max() ?? 0)
        let reasonWidth = max(34, min(longestReason, area.width - 51 - longestNote))
        for (item, line) in s.agendaItems.enumerated() {
            guard case .entry(let i) = line else {
                if case .overdue(let count, let oldest) = line {
                    // One line for what is late, not hundreds of rows above today; Enter opens it.
                    let text = Text.tr("calendar.overdue_line", count, f.day(oldest)) + (s.overdueOpen ? "▾" : Text.tr("calendar.enter_shows"))
                    lines.append(([(text, .overdue, nil)], item))
                    group = Text.tr("calendar.overdue")
                }
                continue
            }
            let r = s.rows[i]
            let e = r.entry
            let g = e.due < env.today ? Text.tr("calendar.overdue") : e.due == env.today ? Text.tr("calendar.today") : "\(DayWords.narrowWeekday(e.due.weekday)) \(f.day(e.due))"
            if g != group {
                lines.append(([(g, g == Text.tr("calendar.overdue") ? .overdue : .header, nil)], nil))
                group = g
            }
            let when = e.due < env.today ? f.day(e.due) : (r.time?.description ?? "")
            let note = r.notes
            lines.append(([(when, e.due < env.today ? .overdue : .dim, 10), (channelMark(e.channel), .normal, 6),
                           ("\(r.customerNumber) \(r.customerName)", r.blocked != nil ? .blocked : .normal, 30),
                           (e.reason + (r.contactName.map { " · \($0)" } ?? ""), .normal, reasonWidth),
                           (note, r.blocked != nil ? .blocked : .dim, nil)], item))
        }
        if lines.isEmpty {
            buffer.put(row: area.row + 1, col: area.col + 2, Text.tr("calendar.nothing_due", s.repCode ?? Text.tr("calendar.everyone")), role: .dim)
        }
        let cursorLine = lines.firstIndex { $0.entry == s.cursor } ?? 0
        let top = max(0, min(cursorLine - area.height / 2, lines.count - area.height))
        for row in 0..<area.height {
            let index = top + row
            guard index < lines.count else { break }
            let line = lines[index]
            let selected = line.entry != nil && line.entry == s.cursor
            var x = area.col + 1
            if selected { buffer.fill(row: area.row + row, col: area.col, width: area.width, role: .selected) }
            for (text, role, width) in line.text {
                let room = area.right - x
                guard room > 0 else { break }
                let r: StyleRole = selected ? .selected : role
                if let w = width {
                    buffer.put(row: area.row + row, col: x, TextWidth.pad(text, to: min(w, room)), role: r, maxWidth: room)
                    x += min(w, room) + 1
                } else {
                    x += buffer.put(row: area.row + row, col: x, text, role: r, maxWidth: room) + 1
                }
            }
        }
    }

    static func week(_ s: CalendarScreen, _ buffer: inout ScreenBuffer, _ area: Rect, _ env: Environment, _ f: Format) {
        let monday = s.dayCursor.startOfWeek
        let colWidth = max(8, (area.width - 1) / 7)
        let byDay = Dictionary(grouping: s.rows, by: \.entry.due)
        for d in 0..<7 {
            let day = monday.adding(days: d)
            let x = area.col + d * colWidth
            let entries = byDay[day] ?? []
            let isCursorDay = day == s.dayCursor
            let headRole: StyleRole = isCursorDay ? .tabActive : day == env.today ? .header : .dim
            buffer.fill(row: area.row, col: x, width: colWidth - 1, role: headRole)
            // A tour day: the postal regions (first two digits) the day's visits go to.
            let areas = Set(entries.filter { $0.entry.channel == .visit && $0.entry.status == .open }
                .map { LevelItem.region(ofPostalCode: $0.postalCode) }.filter { $0 >= 0 })
                .sorted().map { $0 < 10 ? "0\($0)" : "\($0)" }
            let head = "\(DayWords.narrowWeekday(d + 1)) \(f.shortDay(day))" + (areas.isEmpty ? "" : " PLZ " + areas.joined(separator: ","))
            buffer.put(row: area.row, col: x, head, role: headRole, maxWidth: colWidth - 1)
            for (i, r) in entries.enumerated() {
                let row = area.row + 1 + i
                guard row < area.bottom else {
                    break
                }
                if row == area.bottom - 1 && i < entries.count - 1 {
                    // Only the first entries of a day are loaded: beyond them, "at least".
                    let atLeast = entries.count >= CalendarScreen.weekPerDay ? "+" : ""
                    buffer.put(row: row, col: x, Text.tr("calendar.more", entries.count - i, atLeast), role: .dim, maxWidth: colWidth - 1)
                    break
                }
                let done = r.entry.status != .open
                let selected = isCursorDay && i == s.cursor
                let role: StyleRole = selected ? .selected : done ? .done : r.blocked != nil ? .blocked
                    : r.entry.due < env.today ? .overdue : .normal
                let mark = done ? "✓" : String(channelMark(r.entry.channel).prefix(1))
                buffer.put(row: row, col: x, TextWidth.pad("\(mark) \(r.customerName)", to: colWidth - 1), role: role,
                           maxWidth: colWidth - 1)
            }
        }
        if let r = s.selected {
            let line = "\(r.customerNumber) \(r.customerName) · \(r.entry.reason)" + (r.notes.isEmpty ? "" : " · \(r.notes)")
            buffer.fill(row: area.bottom - 1, col: area.col, width: area.width, role: .statusBar)
            buffer.put(row: area.bottom - 1, col: area.col + 1, line, role: .statusBar, maxWidth: area.width - 2)
        }
    }

    static func month(_ s: CalendarScreen, _ buffer: inout ScreenBuffer, _ area: Rect, _ env: Environment) {
        let first = Day(year: s.dayCursor.year, month: s.dayCursor.month, day: 1)!
        let start = first.startOfWeek
        let colWidth = max(8, (area.width - 1) / 7)
        let rowHeight = max(2, (area.height - 1) / 6)
        for d in 0..<7 {
            buffer.put(row: area.row, col: area.col + d * colWidth, DayWords.narrowWeekday(d + 1), role: .header)
        }
        for week in 0..<6 {
            for d in 0..<7 {
                let day = start.adding(days: week * 7 + d)
                let x = area.col + d * colWidth, y = area.row + 1 + week * rowHeight
                guard y < area.bottom else { continue }
                let inMonth = day.month == s.dayCursor.month
                let selected = day == s.dayCursor
                let role: StyleRole = selected ? .selected : day == env.today ? .header : inMonth ? .normal : .dim
                buffer.fill(row: y, col: x, width: colWidth - 1, role: role)
                buffer.put(row: y, col: x, "\(day.dayOfMonth)", role: role)
                if let c = s.counts[day] {
                    let overdue = day < env.today && c.open > 0
                    // Only what the agenda and week would show: blocked entries when `b` shows them.
                    let text = [c.open > 0 ? Text.tr("calendar.open_count", c.open) : nil, c.done > 0 ? "\(c.done)✓" : nil,
                                s.showBlocked && c.blocked > 0 ? Text.tr("calendar.blocked_count", c.blocked) : nil].compactMap { $0 }.joined(separator: " ")
                    if y + 1 < area.bottom, !text.isEmpty {
                        buffer.put(row: y + 1, col: x, text, role: selected ? .selected : overdue ? .overdue : .dim, maxWidth: colWidth - 1)
                    }
                }
            }
        }
    }
}
