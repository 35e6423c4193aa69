/// One record as the duplicate finder sees it.
public struct DuplicateRecord: Hashable, Sendable {
    public var id: Int64
    /// What users call it: a customer number, or "contact 17".
    public var label: String
    public var name: String
    public var email: String
    public var phone: String
    /// Postal code for customers; the customer's id for contact persons (similar names count there).
    public var place: String

    public init(id: Int64, label: String, name: String, email: String = "", phone: String = "", place: String = "") {
        self.id = id; self.label = label; self.name = name; self.email = email; self.phone = phone; self.place = place
    }
}

/// Two records that are probably the same, why, and how sure (0–100).
public struct DuplicatePair: Hashable, Sendable {
    public var a: DuplicateRecord
    public var b: DuplicateRecord
    public var score: Int
    public var reasons: [String]
}

public enum DuplicateFinder {
    /// Points per reason; a pair's score is their sum, at most 100.
    static let points = ["same name": 60, "same e-mail": 50, "same phone": 40, "similar name at the same place": 35]
    /// Places with more records than this are not compared pairwise for similar names.
    static let largestPlace = 300

    /// Every pair that shares a folded name, an e-mail or a phone, or has similar names
    /// (half their words or more in common) at the same place; strongest first. Keys are
    /// grouped by hash, so the cost grows with the records, not with their pairs.
    public static func pairs(_ records: [DuplicateRecord]) -> [DuplicatePair] {
        var reasons: [Pair: Set<String>] = [:]
        func group(_ reason: String, _ key: (DuplicateRecord) -> String?) {
            var byKey: [String: [Int]] = [:]
            for (i, r) in records.enumerated() { if let k = key(r), !k.isEmpty { byKey[k, default: []].append(i) } }
            for members in byKey.values where members.count > 1 && members.count <= largestPlace {
                for x in 0..<members.count { for y in (x + 1)..<members.count {
                    reasons[Pair(members[x], members[y]), default: []].insert(reason)
                } }
            }
        }
        group("same name") { DuplicateKeys.name($0.name) }
        group("same e-mail") { DuplicateKeys.email($0.email) }
        group("same phone") { DuplicateKeys.phone($0.phone) }
        var byPlace: [String: [Int]] = [:]
        for (i, r) in records.enumerated() where !r.place.isEmpty { byPlace[r.place, default: []].append(i) }
        for members in byPlace.values where members.count > 1 && members.count <= largestPlace {
            for x in 0..<members.count { for y in (x + 1)..<members.count {
                let (i, j) = (members[x], members[y])
                if DuplicateKeys.similarity(records[i].name, records[j].name) >= 0.5,
                   DuplicateKeys.name(records[i].name) != DuplicateKeys.name(records[j].name) {
                    reasons[Pair(i, j), default: []].insert("similar name at the same place")
                }
            } }
        }
        let order = ["same name", "same e-mail", "same phone", "similar name at the same place"]
        return reasons.map { pair, why in
            let list = order.filter(why.contains)
            return DuplicatePair(a: records[pair.i], b: records[pair.j], score: min(100, list.reduce(0) { $0 + points[$1]! }),
                                 reasons: list)
        }.sorted { ($0.score, $1.a.id, $1.b.id) > ($1.score, $0.a.id, $0.b.id) }
    }

    /// The records that are probably the same as `target`, strongest first, at most `limit`:
    /// the reasons of `pairs`, asked of one record against all, so the cost grows with the
    /// records only (the interface asks this for the account the user is on).
    public static func candidates(of target: DuplicateRecord, among records: [DuplicateRecord],
                                  limit: Int = 30) -> [DuplicatePair] {
        let name = DuplicateKeys.name(target.name), email = DuplicateKeys.email(target.email)
        let phone = DuplicateKeys.phone(target.phone)
        var found: [DuplicatePair] = []
        for r in records where r.id != target.id {
            var why: [String] = []
            let sameName = !name.isEmpty && DuplicateKeys.name(r.name) == name
            if sameName { why.append("same name") }
            if let email, DuplicateKeys.email(r.email) == email { why.append("same e-mail") }
            if let phone, DuplicateKeys.phone(r.phone) == phone { why.append("same phone") }
            if !sameName, !target.place.isEmpty, r.place == target.place,
               DuplicateKeys.similarity(target.name, r.name) >= 0.5 {
                why.append("similar name at the same place")
            }
            guard !why.isEmpty else { continue }
            found.append(DuplicatePair(a: target, b: r, score: min(100, why.reduce(0) { $0 + points[$1]! }), reasons: why))
        }
        return Array(found.sorted { ($0.score, $1.b.id) > ($1.score, $0.b.id) }.prefix(limit))
    }

    struct Pair: Hashable {
        var i: Int, j: Int
        init(_ a: Int, _ b: Int) { i = min(a, b); j = max(a, b) }
    }
}
