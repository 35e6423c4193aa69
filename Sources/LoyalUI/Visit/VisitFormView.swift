import LoyalCore
import LoyalTerminal

/// Draws the visit form: one line per field, the customer matches under the
/// customer field, and the reason for the focused field's problem at the bottom.
enum VisitFormView {
    static let labelWidth = 22

    static func render(_ form: VisitForm, into buffer: inout ScreenBuffer, area: Rect, env: Environment) -> CursorPosition? {
        let f = Format(display: env.display)
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, form.title, role: .title, maxWidth: area.width - 24)
        let saved = form.isChanged ? Text.tr("visit.draft_kept") : ""
        buffer.put(row: header.row, col: area.right - TextWidth.columns(of: saved) - 1, saved, role: .title)

        let fields = VisitField.allCases.filter { $0 != .complaintCategory || !form.values[.complaint].isEmpty }
        let valueCol = area.col + 2 + labelWidth
        let valueWidth = max(20, min(56, area.width - labelWidth - 26))
        var cursor: CursorPosition?
        var pickerRow: Int?
        for (i, field) in fields.enumerated() {
            let row = body.row + i
            guard row < body.bottom - 1 else { break }
            let focused = field == form.focus
            buffer.put(row: row, col: area.col + 1, focused ? "›" : " ", role: .helpKey)
            buffer.put(row: row, col: area.col + 2, field.label, role: focused ? .header : .dim, maxWidth: labelWidth - 1)
            let role: StyleRole = focused ? .inputFocused : .inputField
            if let c = drawValue(form, field, focused: focused, role: role, buffer: &buffer, row: row, col: valueCol,
                                 width: valueWidth, format: f, env: env) { cursor = c }
            if field == .customer && focused { pickerRow = row + 1 }
            if let error = form.errors[field] {
                let x = valueCol + valueWidth + 1
                buffer.put(row: row, col: x, "✗ " + error, role: .error, maxWidth: area.right - x)
            }
        }
        if let error = form.errors[form.focus] {
            buffer.put(row: body.bottom - 1, col: area.col + 2, "✗ \(form.focus.label): \(error)", role: .error,
                       maxWidth: area.width - 4)
        } else {
            buffer.put(row: body.bottom - 1, col: area.col + 2, hint(form.focus), role: .dim, maxWidth: area.width - 4)
        }
        if let row = pickerRow, !form.suggestions.isEmpty, form.values.customerID == nil || !form.customerInput.text.isEmpty {
            drawSuggestions(form, into: &buffer, row: row, col: valueCol, width: valueWidth + 10, bottom: body.bottom - 1)
        }
        return cursor
    }

    static func hint(_ field: VisitField) -> String {
        switch field {
        case .customer: return Text.tr("visit.hint_customer")
        case .date, .followUp: return Text.tr("visit.hint_date")
        case .channel, .complaintCategory, .crossSell: return Text.tr("visit.hint_choice")
        case .contacts: return Text.tr("visit.hint_contacts")
        case .pricePressure, .cancellation: return Text.tr("visit.hint_yes_no")
        case .notes: return Text.tr("visit.hint_notes")
        default:
            if let s = field.scale { return Text.tr("visit.hint_scale", s.lowerBound, s.upperBound) }
            return Text.tr("visit.hint_other")
        }
    }

    static func drawValue(_ form: VisitForm, _ field: VisitField, focused: Bool, role: StyleRole,
                          buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, format f: Format,
                          env: Environment) -> CursorPosition? {
        let v = form.values
        switch field {
        case .customer:
            if v.customerID != nil && form.customerInput.text.isEmpty {
                buffer.fill(row: row, col: col, width: width, role: role)
                buffer.put(row: row, col: col, v.customerLabel, role: role, maxWidth: width)
                return focused ? CursorPosition(row: row, col: col) : nil
            }
            let x = form.customerInput.draw(into: &buffer, row: row, col: col, width: width, role: role)
            return focused ? CursorPosition(row: row, col: x) : nil
        case .channel: choice(Words.named("interaction", v.channel), role, &buffer, row, col, width)
        case .complaintCategory: choice(Words.named("complaint", v.complaintCategory), role, &buffer, row, col, width)
        case .crossSell: choice(v.crossSell.isEmpty ? "–" : v.crossSell, role, &buffer, row, col, width)
        case .pricePressure, .cancellation:
            let on = field == .pricePressure ? v.pricePressure : v.cancellation
            buffer.put(row: row, col: col, on ? Text.tr("visit.yes") : Text.tr("visit.no"), role: on ? .warning : role)
        case .contacts:
            if form.contacts.isEmpty {
                buffer.put(row: row, col: col, v.customerID == nil ? Text.tr("visit.choose_customer_first") : Text.tr("visit.no_contacts"), role: .dim)
            }
            var x = col
            for (i, p) in form.contacts.enumerated() {
                let ticked = p.id.map { v.met.contains($0) } ?? false
                let text = "\(ticked ? "[x]" : "[ ]") \(i + 1) \(p.fullName)" + (p.leftOn != nil ? Text.tr("visit.contact_left") : "")
                let r: StyleRole = focused && i == form.contactCursor ? .selected : ticked ? .success : .normal
                if x + TextWidth.columns(of: text) > col + width + 20 { break }
                x += buffer.put(row: row, col: x, text, role: r) + 2
            }
        default:
            if let scale = field.scale {
                let value = v[field]
                buffer.fill(row: row, col: col, width: 4, role: role)
                buffer.put(row: row, col: col + 1, value, role: role)
                var x = col + 6
                for n in scale {
                    let s = String(n)
                    x += buffer.put(row: row, col: x, s, role: s == value ? .selected : .dim) + 1
                }
                return focused ? CursorPosition(row: row, col: col + 1 + value.count) : nil
            }
            var editor = form.editors[field] ?? TextField(v[field])
            if field == .notes { editor.text = editor.text.replacing("\n", with: "↵") }
            let x = editor.draw(into: &buffer, row: row, col: col, width: width, role: role)
            if field == .date || field == .followUp, let d = Day(typed: v[field].isEmpty && field == .date ? "t" : v[field],
                                                                 today: env.today, pastBias: field == .date) {
                buffer.put(row: row, col: col + min(width, 14), "→ \(DayWords.withWeekday(d, f.display.dateStyle))", role: .dim)
            }
            return focused ? CursorPosition(row: row, col: x) : nil
        }
        return nil
    }

    static func choice(_ text: String, _ role: StyleRole, _ buffer: inout ScreenBuffer, _ row: Int, _ col: Int, _ width: Int) {
        buffer.fill(row: row, col: col, width: min(width, 24), role: role)
        buffer.put(row: row, col: col, "‹ \(text) ›", role: role, maxWidth: width)
    }

    static func drawSuggestions(_ form: VisitForm, into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, bottom: Int) {
        let title = form.customerInput.text.isEmpty ? Text.tr("visit.recent_customers") : Text.tr("visit.matches")
        let box = Rect(row: row, col: col - 1, width: width, height: min(form.suggestions.count + 2, bottom - row))
        Box.draw(into: &buffer, box, title: title)
        for (i, c) in form.suggestions.enumerated() {
            let r = box.row + 1 + i
            guard r < box.bottom - 1 else { break }
            let role: StyleRole = i == form.suggestion ? .selected : .popup
            buffer.fill(row: r, col: box.col + 1, width: box.width - 2, role: role)
            buffer.put(row: r, col: box.col + 2, "\(c.number)  \(c.name) · \(c.city)", role: role, maxWidth: box.width - 4)
        }
    }
}
