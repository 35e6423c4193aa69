/// Reads the contact planner's reasons and notes as they were stored before keys were
/// (plain English: "Call (every 30 days; last call 12.08.2026)", "overdue since 02.11.2026;
/// blocked: no phone consent") back into the keys the planner writes now, days as days,
/// so an upgraded calendar reads in each viewer's language and the next refresh finds
/// most rows unchanged. Text it does not recognise is kept as it was (plain).
/// Built once per migration; each text is read with prefix and suffix tests, no regex.
public struct PlanLegacyText {
    let actions: [(String, Channel)]
    let nouns: [(String, Channel)]
    let consentNames: [(String, Channel)]

    public init() {
        let english = Catalogue.entries(.en)
        actions = Channel.allCases.map { (english["plan_action.\($0.rawValue)"] ?? $0.rawValue, $0) }
        nouns = Channel.allCases.map {
            ((english["plan_since.none_\($0.rawValue)"] ?? "").dropFirst(3).dropLast(4).description, $0)
        }
        consentNames = Channel.allCases.map {
            ((english["calendar_note.no_consent_\($0.rawValue)"] ?? "").dropFirst(3).dropLast(8).description, $0)
        }
    }

    // MARK: reasons

    /// A planner's reason ("Visit (every 90 days)", "Call after purchase of 1.200 € on 03.11.2026",
    /// "Birthday of Anna Schmidt (54)"), or nil.
    public func reason(_ text: String) -> StoredText? {
        if let r = cadence(text) ?? afterPurchase(text) ?? birthday(text) { return r }
        return nil
    }

    func cadence(_ text: String) -> StoredText? {
        guard text.hasSuffix(")"), let open = text.range(of: " (every ") else { return nil }
        guard let channel = action(String(text[..<open.lowerBound])) else { return nil }
        let inner = text[open.upperBound..<text.index(before: text.endIndex)]
        if inner.hasSuffix(" days"), let n = Int(inner.dropLast(5)) {
            return StoredText("calendar_reason.every", [channel.actionWord, .int(n)])
        }
        guard let semi = inner.range(of: " days; "), let n = Int(inner[..<semi.lowerBound]) else { return nil }
        let why = String(inner[semi.upperBound...])
        var since: StoredText?
        if why.hasPrefix("no "), why.hasSuffix(" yet"), let c = noun(String(why.dropFirst(3).dropLast(4))) {
            since = StoredText("plan_since.none_\(c.rawValue)")
        } else if why.hasPrefix("last "), let space = why.lastIndex(of: " "),
                  let c = noun(String(why[why.index(why.startIndex, offsetBy: 5)..<space])) {
            since = StoredText("plan_since.last_\(c.rawValue)", [Self.day(why[why.index(after: space)...])])
        } else if let planned = why.range(of: " planned "), let c = noun(String(why[..<planned.lowerBound])) {
            since = StoredText("plan_since.planned_\(c.rawValue)", [Self.day(why[planned.upperBound...])])
        }
        guard let since else { return nil }
        return StoredText("calendar_reason.every_since", [channel.actionWord, .int(n), .sub(since)])
    }

    func afterPurchase(_ text: String) -> StoredText? {
        guard let of = text.range(of: " after purchase of "), let channel = action(String(text[..<of.lowerBound])),
              let on = text.range(of: " on ", options: .backwards, range: of.upperBound..<text.endIndex) else { return nil }
        let amount = StoredText.Arg.text(String(text[of.upperBound..<on.lowerBound]))
        var rest = text[on.upperBound...]
        var more: Int?
        if let and = rest.range(of: " (and "), rest.hasSuffix(" more)") {
            guard let n = Int(rest[and.upperBound..<rest.index(rest.endIndex, offsetBy: -6)]) else { return nil }
            more = n
            rest = rest[..<and.lowerBound]
        }
        let args: [StoredText.Arg] = [channel.actionWord, amount, Self.day(rest)]
        return more.map { StoredText("calendar_reason.after_purchases", args + [.int($0)]) }
            ?? StoredText("calendar_reason.after_purchase", args)
    }

    func birthday(_ text: String) -> StoredText? {
        guard text.hasPrefix("Birthday of ") else { return nil }
        var who = text.dropFirst("Birthday of ".count)
        var age: Int?
        if who.hasSuffix(")"), let open = who.range(of: " (", options: .backwards),
           let n = Int(who[open.upperBound..<who.index(before: who.endIndex)]) {
            age = n
            who = who[..<open.lowerBound]
        }
        func keyed(_ key: String, _ args: [StoredText.Arg]) -> StoredText {
            age.map { StoredText(key + "_age", args + [.int($0)]) } ?? StoredText(key, args)
        }
        if who.hasPrefix("the partner of ") {
            return keyed("calendar_reason.partner_of_birthday", [.text(String(who.dropFirst("the partner of ".count)))])
        }
        if let partner = who.range(of: ", partner of ") {
            return keyed("calendar_reason.partner_birthday", [.text(String(who[..<partner.lowerBound])),
                                                              .text(String(who[partner.upperBound...]))])
        }
        return keyed("calendar_reason.birthday", [.text(String(who))])
    }

    // MARK: notes

    /// A note ("overdue since 02.11.2026; moved from 20.11.2026 (high season 11-12)"): each
    /// part read on its own (the shortest run of pieces that reads as one: the customer's words
    /// in "moved from 10:00 (busy Mo 8-10; Di 9-11)" split it at "; "), the
    /// parts joined again by `calendar_note.and`. Nil when no part is a planner's.
    public func note(_ text: String) -> StoredText? {
        let pieces = text.components(separatedBy: "; ")
        var parts: [StoredText] = [], known = false, i = 0
        while i < pieces.count {
            var found: (StoredText, Int)?
            for j in (i + 1)...pieces.count {
                if let p = part(pieces[i..<j].joined(separator: "; ")) { found = (p, j); break }
            }
            if let (p, j) = found { parts.append(p); known = true; i = j } else { parts.append(.plain(pieces[i])); i += 1 }
        }
        guard known, var note = parts.first else { return nil }
        for p in parts.dropFirst() { note = StoredText("calendar_note.and", [.sub(note), .sub(p)]) }
        return note
    }

    func part(_ text: String) -> StoredText? {
        if text.hasPrefix("overdue since ") {
            return StoredText("calendar_note.overdue_since", [Self.day(text.dropFirst("overdue since ".count))])
        }
        if text.hasPrefix("blocked: ") {
            let block = String(text.dropFirst("blocked: ".count))
            return StoredText("calendar_note.blocked", [.sub(consentBlock(block) ?? .plain(block))])
        }
        if text.hasPrefix("moved "), text.hasSuffix(")"), let open = text.range(of: " (") {
            let because = StoredText.Arg.sub(self.because(String(text[open.upperBound..<text.index(before: text.endIndex)])))
            let when = text[text.index(text.startIndex, offsetBy: 6)..<open.lowerBound]
            guard when.hasPrefix("from ") else { return when.isEmpty ? StoredText("calendar_note.moved", [because]) : nil }
            let from = when.dropFirst(5).split(separator: " ")
            if from.count == 1, from[0].contains(":") { return StoredText("calendar_note.moved_from_time", [.text(String(from[0])), because]) }
            if from.count == 1 { return StoredText("calendar_note.moved_from", [Self.day(from[0]), because]) }
            if from.count == 2 {
                return StoredText("calendar_note.moved_from_day_time", [Self.day(from[0]), .text(String(from[1])), because])
            }
            return nil
        }
        if text.hasSuffix(", but a birthday cannot move") {
            return StoredText("calendar_note.birthday_cannot_move",
                              [.sub(because(String(text.dropLast(", but a birthday cannot move".count))))])
        }
        if let r = text.range(of: ": no free day within ", options: .backwards), text.hasSuffix(" days"),
           let n = Int(text[r.upperBound..<text.index(text.endIndex, offsetBy: -5)]) {
            return StoredText("calendar_note.no_free_day", [.sub(because(String(text[..<r.lowerBound]))), .int(n)])
        }
        if let r = text.range(of: ": the plan would move it to ", options: .backwards) {
            let b = StoredText.Arg.sub(because(String(text[..<r.lowerBound])))
            let to = text[r.upperBound...].split(separator: " ")
            if to.count == 2 { return StoredText("calendar_note.would_move_day_time", [b, Self.day(to[0]), .text(String(to[1]))]) }
            if to.count == 1, !to[0].contains(":") { return StoredText("calendar_note.would_move", [b, Self.day(to[0])]) }
            return StoredText("calendar_note.would_move", [b, .text(String(text[r.upperBound...]))])
        }
        if text.hasPrefix("busy ") || text.hasPrefix("high season ") { return because(text) }
        return nil
    }

    /// "high season 11-12", "busy Sa ganztags", "not a working day"; other words as they are.
    func because(_ text: String) -> StoredText {
        if text.hasPrefix("high season ") {
            return StoredText("calendar_note.high_season", [.text(String(text.dropFirst("high season ".count)))])
        }
        if text.hasPrefix("busy ") { return StoredText("calendar_note.busy", [.text(String(text.dropFirst(5)))]) }
        if text == "not a working day" { return StoredText("calendar_note.not_working_day") }
        return .plain(text)
    }

    /// "no phone consent", "e-mail consent refused on 03.04.2025" (the `blocked` column).
    public func consentBlock(_ text: String) -> StoredText? {
        if text.hasPrefix("no "), text.hasSuffix(" consent"),
           let c = consentNames.first(where: { $0.0 == text.dropFirst(3).dropLast(8) })?.1 {
            return StoredText("calendar_note.no_consent_\(c.rawValue)")
        }
        if let r = text.range(of: " consent refused on "),
           let c = consentNames.first(where: { $0.0 == text[..<r.lowerBound] })?.1 {
            return StoredText("calendar_note.consent_refused_\(c.rawValue)", [Self.day(text[r.upperBound...])])
        }
        return nil
    }

    // MARK: words

    func action(_ word: String) -> Channel? { actions.first { $0.0 == word }?.1 }
    func noun(_ word: String) -> Channel? { nouns.first { $0.0 == word }?.1 }

    /// A day as the planner wrote it (31.12.2026 or 2026-12-31) as a day; anything else as written.
    static func day(_ s: some StringProtocol) -> StoredText.Arg {
        if let d = Day(iso: s) { return .day(d) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
           let dd = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), let d = Day(year: y, month: m, day: dd) {
            return .day(d)
        }
        return .text(String(s))
    }
}
