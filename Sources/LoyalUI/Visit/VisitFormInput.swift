import LoyalCore
import LoyalTerminal

/// How each kind of field of the visit form takes keys.
enum VisitFormInput {
    /// Returns false when the key means nothing here.
    static func handle(_ form: inout VisitForm, _ key: Key, env: Environment) -> Bool {
        let field = form.focus
        switch field {
        case .customer: return customer(&form, key, env)
        case .channel:
            return cycle(\.values.channel, InteractionKind.allCases.map(\.rawValue), key, form: &form, env: env)
        case .complaintCategory:
            return cycle(\.values.complaintCategory, ComplaintCategory.allCases.map(\.rawValue), key, form: &form, env: env)
        case .crossSell:
            return cycle(\.values.crossSell, [""] + form.categories, key, form: &form, env: env)
        case .pricePressure: return flag(\.values.pricePressure, key, form: &form, env: env)
        case .cancellation: return flag(\.values.cancellation, key, form: &form, env: env)
        case .contacts: return contacts(&form, key, env)
        default:
            if let scale = field.scale { return score(&form, field, scale, key, env) }
            return text(&form, field, key, env)
        }
    }

    static func text(_ form: inout VisitForm, _ field: VisitField, _ key: Key, _ env: Environment) -> Bool {
        if key == .enter && field != .notes { form.move(1, env); return true }
        if key == .up { form.move(-1, env); return true }
        if key == .down { form.move(1, env); return true }
        var editor = form.editors[field] ?? TextField(form.values[field])
        let handled = field == .notes && key == .enter ? editor.handle(.char("\n")) : editor.handle(key)
        guard handled else { return false }
        form.editors[field] = editor
        form.values[field] = editor.text
        // Typing clears the reason, unless what is typed cannot be saved (shown at once).
        form.errors[field] = VisitFormValidation.textProblem(field, editor.text)
        return true
    }

    /// Digits set the score; the form moves on as soon as the number cannot grow
    /// (any digit on a 1–5 scale, and on 0–10 anything but a leading 1).
    static func score(_ form: inout VisitForm, _ field: VisitField, _ scale: ClosedRange<Int>, _ key: Key,
                      _ env: Environment) -> Bool {
        switch key {
        case .char(let c) where c.isASCII && c.isNumber:
            let current = form.values[field]
            let candidate = (current == "1" && scale.upperBound >= 10) ? current + String(c) : String(c)
            guard let n = Int(candidate), scale.contains(n) else {
                form.errors[field] = Text.tr("visit.error_range", scale.lowerBound, scale.upperBound); return true
            }
            form.values[field] = candidate
            form.errors[field] = nil
            if !(candidate == "1" && scale.upperBound >= 10) { form.move(1, env) }
            return true
        case .backspace, .delete, .char(" "):
            form.values[field] = ""; form.errors[field] = nil; return true
        case .enter, .down: form.move(1, env); return true
        case .up: form.move(-1, env); return true
        default: return false
        }
    }

    static func cycle(_ path: WritableKeyPath<VisitForm, String>, _ options: [String], _ key: Key, form: inout VisitForm,
                      env: Environment) -> Bool {
        guard !options.isEmpty else { return false }
        let i = options.firstIndex(of: form[keyPath: path]) ?? 0
        switch key {
        case .char(" "), .right: form[keyPath: path] = options[(i + 1) % options.count]
        case .left: form[keyPath: path] = options[(i + options.count - 1) % options.count]
        case .enter, .down: form.move(1, env)
        case .up: form.move(-1, env)
        case .char(let c):
            guard let match = options.first(where: { $0.lowercased().hasPrefix(String(c).lowercased()) }) else { return true }
            form[keyPath: path] = match
        default: return false
        }
        return true
    }

    static func flag(_ path: WritableKeyPath<VisitForm, Bool>, _ key: Key, form: inout VisitForm, env: Environment) -> Bool {
        switch key {
        case .char(" "), .left, .right: form[keyPath: path].toggle()
        case .char("y"), .char("j"), .char("1"): form[keyPath: path] = true; form.move(1, env)
        case .char("n"), .char("0"): form[keyPath: path] = false; form.move(1, env)
        case .enter, .down: form.move(1, env)
        case .up: form.move(-1, env)
        default: return false
        }
        return true
    }

    static func contacts(_ form: inout VisitForm, _ key: Key, _ env: Environment) -> Bool {
        let people = form.contacts
        switch key {
        case .enter, .down: form.move(1, env)
        case .up: form.move(-1, env)
        case .left: form.contactCursor = max(0, form.contactCursor - 1)
        case .right: form.contactCursor = min(max(0, people.count - 1), form.contactCursor + 1)
        case .char(" "):
            if people.indices.contains(form.contactCursor), let id = people[form.contactCursor].id { toggle(&form, id) }
        case .char(let c) where c.isASCII && c.isNumber && c != "0":
            let index = Int(String(c))! - 1
            if people.indices.contains(index), let id = people[index].id { toggle(&form, id); form.contactCursor = index }
        default: return false
        }
        return true
    }

    static func toggle(_ form: inout VisitForm, _ id: Int64) {
        if let i = form.values.met.firstIndex(of: id) { form.values.met.remove(at: i) } else { form.values.met.append(id) }
    }

    static func customer(_ form: inout VisitForm, _ key: Key, _ env: Environment) -> Bool {
        switch key {
        case .down: form.suggestion = min(max(0, form.suggestions.count - 1), form.suggestion + 1)
        case .up: form.suggestion = max(0, form.suggestion - 1)
        case .enter:
            if form.suggestions.indices.contains(form.suggestion) {
                form.choose(form.suggestions[form.suggestion], env: env)
                form.move(1, env)
            } else if form.values.customerID != nil {
                form.move(1, env)
            }
        default:
            let typed = form.customerInput.text
            guard form.customerInput.handle(key) else { return false }
            if form.values.customerID != nil && !form.customerInput.text.isEmpty {
                // Typing replaces the chosen customer.
                form.values.customerID = nil; form.values.customerLabel = ""; form.contacts = []; form.values.met = []
            }
            // Moving in or deleting from an empty search keeps the chosen customer's name.
            if form.values.customerID == nil { form.values.customerLabel = form.customerInput.text }
            // Moving the cursor in the search asks the store nothing.
            if form.customerInput.text != typed { form.refreshSuggestions(env) }
        }
        return true
    }
}
