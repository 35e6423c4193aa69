import Foundation

/// What names a person in text Loyal holds, and that text without him: the GDPR export
/// lists the notes that mention someone (Art. 15), and erasure removes them (Art. 17).
///
/// Two strengths, because a surname alone is not proof: "Müller" in another customer's
/// notes is probably someone else, while "Anna Müller" or her e-mail address is her.
/// Strong terms (full name in both orders, e-mail, phone) are looked for everywhere;
/// weak ones (his surname, his partner's) only in the records of his own customer. A first
/// name alone is no term: "Jan" is also January, "Frank" also frank.
/// Text is compared folded (case, accents, ß, and ü as u or ue) and by whole words, so
/// "Jan" does not hit "Januar".
public struct PersonMentions: Sendable, Hashable {
    /// As stored, longest first: replaced in text Loyal wrote ("Birthday of Anna Müller").
    public private(set) var strong: [String] = []
    public private(set) var weak: [String] = []
    private var foldedStrong: Set<String> = []
    private var foldedWeak: Set<String> = []
    /// Phones compared by their digits, so `0171 555-0199` finds `01715550199`.
    private var phoneDigits: Set<String> = []

    public init() {}

    public var isEmpty: Bool { strong.isEmpty && weak.isEmpty && phoneDigits.isEmpty }

    /// A contact person, or the person a private customer is.
    public mutating func addPerson(firstName: String, lastName: String, email: String = "", phone: String = "",
                                   partnerName: String = "") {
        let first = firstName.trimmingCharacters(in: .whitespaces), last = lastName.trimmingCharacters(in: .whitespaces)
        if first.isEmpty || last.isEmpty {
            // One name alone names many people: only near his own records.
            addWeak(first + last)
        } else {
            addStrong("\(first) \(last)"); addStrong("\(last) \(first)"); addStrong("\(last), \(first)")
            addWeak(last)
        }
        addName(partnerName)
        addEmail(email)
        addPhone(phone)
    }

    /// A whole name in one field (a private customer's, a partner's): strong as a whole, its
    /// last word (the surname) weak. One word alone ("Maria") is weak: it names many people.
    public mutating func addName(_ name: String) {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let last = words.last else { return }
        if words.count > 1 { addStrong(words.joined(separator: " ")) }
        addWeak(last)
    }

    public mutating func addEmail(_ email: String) {
        let e = email.trimmingCharacters(in: .whitespaces)
        if e.count >= 5 { addStrong(e); if !identifiers.contains(e) { identifiers.append(e) } }
    }

    public mutating func addPhone(_ phone: String) {
        let p = phone.trimmingCharacters(in: .whitespaces)
        for digits in Self.phoneForms(p) where digits.count >= 6 { phoneDigits.insert(digits) }
        if p.count >= 6 { append(p, to: &strong); if !identifiers.contains(p) { identifiers.append(p) } }
    }

    /// True when `text` names him; `strongOnly` for text outside his customer's records.
    public func mentions(_ text: String, strongOnly: Bool = false) -> Bool {
        guard !text.isEmpty else { return false }
        let forms = [SearchKey.fold(text), SearchKey.foldGerman(text)]
        for form in forms {
            for term in foldedStrong where Self.containsWord(form, term) { return true }
            if !strongOnly { for term in foldedWeak where Self.containsWord(form, term) { return true } }
        }
        if !phoneDigits.isEmpty {
            let digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
            for p in phoneDigits where digits.contains(p) { return true }
        }
        return false
    }

    /// `text` without the lines that name him. `separators` split a line further, outermost
    /// first (the audit joins its changes with "; ").
    public func removingMentions(_ text: String, separators: [String] = ["\n"], strongOnly: Bool = false) -> String {
        guard let separator = separators.first else { return mentions(text, strongOnly: strongOnly) ? "" : text }
        let rest = Array(separators.dropFirst())
        let parts = text.components(separatedBy: separator)
        let kept = parts.compactMap { part -> String? in
            let cleaned = removingMentions(part, separators: rest, strongOnly: strongOnly)
            // A part that only named him goes with its separator; an empty part stays (blank lines).
            return cleaned.isEmpty && !part.isEmpty ? nil : cleaned
        }
        return kept.joined(separator: separator)
    }

    /// `text` with his name, e-mail and phone replaced by `label` (whole words, any case): for
    /// text Loyal wrote or must keep as a record (a signal's evidence, a consent's source),
    /// where the rest stays true. `strongOnly` leaves his surname alone.
    public func replacing(in text: String, with label: String, strongOnly: Bool = false) -> String {
        var out = text
        let terms = (strongOnly ? strong : strong + weak).sorted { ($0.count, $0) > ($1.count, $1) }
        for term in terms {
            let pattern = #"(?<![\p{L}\p{N}])"# + NSRegularExpression.escapedPattern(for: term) + #"(?![\p{L}\p{N}])"#
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out),
                                                 withTemplate: NSRegularExpression.escapedTemplate(for: label))
        }
        return out
    }

    /// His e-mails and phones as stored: nobody else's.
    public private(set) var identifiers: [String] = []

    /// The forms a file may hold his full names in: as stored, and folded as sort keys store
    /// them. Someone of the same name may have them too.
    public var nameForms: [String] {
        var out: [String] = []
        for t in strong where !identifiers.contains(t) {
            for f in [t, SearchKey.fold(t)] where !out.contains(f) { out.append(f) }
        }
        return out
    }

    /// Words a text that names him must contain, for a quick search before `mentions` decides:
    /// each e-mail and phone, and the longest word of each full name, in the spellings stored,
    /// folded and with ü as ue. Fewer and shorter than the terms, so a database's LIKE over
    /// millions of notes stays fast; case is left to LIKE.
    public var searchWords: [String] {
        var out: [String] = []
        func add(_ w: String) { if !out.contains(where: { $0.lowercased() == w.lowercased() }) { out.append(w) } }
        for term in strong {
            let words = term.split { $0 == " " || $0 == "," }.map(String.init)
            let word = words.count > 1 ? words.max { $0.count < $1.count }! : term
            for form in [word, SearchKey.fold(word), SearchKey.foldGerman(word)] { add(form) }
        }
        return out
    }

    // MARK: - Building

    private mutating func addStrong(_ term: String) {
        let t = term.trimmingCharacters(in: .whitespaces)
        guard SearchKey.fold(t).count >= 3 else { return }
        append(t, to: &strong)
        foldedStrong.formUnion([SearchKey.fold(t), SearchKey.foldGerman(t)])
    }

    private mutating func addWeak(_ term: String) {
        let t = term.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        guard SearchKey.fold(t).count >= 3 else { return }
        append(t, to: &weak)
        foldedWeak.formUnion([SearchKey.fold(t), SearchKey.foldGerman(t)])
    }

    private func append(_ term: String, to list: inout [String]) {
        guard !list.contains(term) else { return }
        list.append(term)
        // Longest first, so a full name is replaced before its surname could be.
        list.sort { ($0.count, $0) > ($1.count, $1) }
    }

    /// The digits of a phone, and the number without country code or trunk 0, which both
    /// `+49 171 5550199` and `0171 5550199` contain.
    static func phoneForms(_ phone: String) -> [String] {
        let digits = String(phone.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        guard !digits.isEmpty else { return [] }
        let international = phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? digits
            : digits.hasPrefix("00") ? String(digits.dropFirst(2)) : nil
        let national: Substring
        if let international {
            // Loyal's customers are mostly in Germany, Austria and Switzerland (two-digit
            // codes); North America's is 1; others are guessed as two digits.
            national = international.hasPrefix("1") ? international.dropFirst(1) : international.dropFirst(2)
        } else {
            national = digits.drop { $0 == "0" }
        }
        return national.count == digits.count ? [digits] : [digits, String(national)]
    }

    /// `term` occurs in `text` with no letter or digit right before or after it.
    static func containsWord(_ text: String, _ term: String) -> Bool {
        guard !term.isEmpty else { return false }
        var searchFrom = text.startIndex
        while let r = text.range(of: term, range: searchFrom..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchFrom = text.index(after: r.lowerBound)
        }
        return false
    }

    private static func isWordCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber
    }
}
