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
        let keys = Keys(records)
        var reasons: [Pair: Set<String>] = [:]
        func group(_ reason: String, _ keys: [String]) {
            var byKey: [String: [Int]] = [:]
            for i in records.indices where !keys[i].isEmpty { byKey[keys[i], default: []].append(i) }
            for members in byKey.values where members.count > 1 && members.count <= largestPlace {
                for x in 0..<members.count { for y in (x + 1)..<members.count {
                    reasons[Pair(members[x], members[y]), default: []].insert(reason)
                } }
            }
        }
        group("same name", keys.name)
        group("same e-mail", keys.email)
        group("same phone", keys.phone)
        var byPlace: [String: [Int]] = [:]
        for (i, r) in records.enumerated() where !r.place.isEmpty { byPlace[r.place, default: []].append(i) }
        for members in byPlace.values where members.count > 1 && members.count <= largestPlace {
            for x in 0..<members.count { for y in (x + 1)..<members.count where keys.similar(members[x], members[y]) {
                reasons[Pair(members[x], members[y]), default: []].insert("similar name at the same place")
            } }
        }
        return reasons.map { pair, why in DuplicatePair(records, pair.i, pair.j, why) }
            .sorted { ($0.score, $1.a.id, $1.b.id) > ($1.score, $0.a.id, $0.b.id) }
    }

    /// How many of the records among `ids` (an import's) have a likely duplicate (two of them
    /// alike count once), and for the first few (in record order) the pair, with every reason
    /// it has. Only the keys
    /// and places those records have are grouped and no pairs are collected, so the cost
    /// grows with the records even where thousands of them share a name.
    public static func matches(_ records: [DuplicateRecord], involving ids: Set<Int64>, examples limit: Int = 3)
        -> (count: Int, examples: [DuplicatePair]) {
        let touched = records.indices.filter { ids.contains(records[$0].id) }
        guard !touched.isEmpty else { return (0, []) }
        let keys = Keys(records)
        let everything = touched.count == records.count
        func index(_ keys: [String]) -> [String: [Int]] {
            let wanted = everything ? nil : Set(touched.map { keys[$0] }.filter { !$0.isEmpty })
            var groups: [String: [Int]] = [:]
            for i in records.indices where !keys[i].isEmpty && wanted?.contains(keys[i]) != false {
                groups[keys[i], default: []].append(i)
            }
            return groups
        }
        let groups = [(keys.name, index(keys.name)), (keys.email, index(keys.email)), (keys.phone, index(keys.phone))]
        let places = everything ? nil : Set(touched.map { records[$0].place })
        var byPlace: [String: [Int]] = [:]
        for i in records.indices where !records[i].place.isEmpty && places?.contains(records[i].place) != false {
            byPlace[records[i].place, default: []].append(i)
        }
        // Two imported records alike are one duplicate, not one each.
        var found = Set<Pair>(), examples: [DuplicatePair] = []
        for i in touched {
            var partner: Int?
            for (k, g) in groups where partner == nil && !k[i].isEmpty {
                if let members = g[k[i]], members.count > 1, members.count <= largestPlace { partner = members.first { $0 != i } }
            }
            if partner == nil, let members = byPlace[records[i].place], members.count <= largestPlace {
                partner = members.first { $0 != i && keys.similar(i, $0) }
            }
            guard let j = partner, found.insert(Pair(i, j)).inserted, examples.count < limit else { continue }
            var why = Set<String>()
            if keys.name[i] == keys.name[j] { why.insert("same name") }
            if !keys.email[i].isEmpty && keys.email[i] == keys.email[j] { why.insert("same e-mail") }
            if !keys.phone[i].isEmpty && keys.phone[i] == keys.phone[j] { why.insert("same phone") }
            if !records[i].place.isEmpty && records[i].place == records[j].place && keys.similar(i, j) {
                why.insert("similar name at the same place")
            }
            var pair = DuplicatePair(records, i, j, why)
            (pair.a, pair.b) = (records[i], records[j])
            examples.append(pair)
        }
        return (found.count, examples.sorted { $0.score > $1.score })
    }

    /// Each record's keys once, its words when first asked for, not once per pair it is in.
    final class Keys {
        let records: [DuplicateRecord]
        let name: [String], email: [String], phone: [String]
        private var words: [Int: Set<String>] = [:]

        init(_ records: [DuplicateRecord]) {
            self.records = records
            name = records.map { DuplicateKeys.name($0.name) }
            email = records.map { DuplicateKeys.email($0.email) ?? "" }
            phone = records.map { DuplicateKeys.phone($0.phone) ?? "" }
        }

        func wordsOf(_ i: Int) -> Set<String> {
            if let w = words[i] { return w }
            let w = DuplicateKeys.words(records[i].name)
            words[i] = w
            return w
        }

        /// Similar names that are not the same name (that is its own reason).
        func similar(_ i: Int, _ j: Int) -> Bool {
            name[i] != name[j] && DuplicateKeys.similarity(wordsOf(i), wordsOf(j)) >= 0.5
        }
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

extension DuplicatePair {
    init(_ records: [DuplicateRecord], _ i: Int, _ j: Int, _ why: Set<String>) {
        let order = ["same name", "same e-mail", "same phone", "similar name at the same place"]
        let list = order.filter(why.contains)
        self.init(a: records[min(i, j)], b: records[max(i, j)],
                  score: min(100, list.reduce(0) { $0 + DuplicateFinder.points[$1]! }), reasons: list)
    }
}
