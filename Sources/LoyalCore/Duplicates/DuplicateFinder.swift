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
    ///
    /// `involving`: only pairs with at least one of these ids (the records an import created
    /// or changed). Only the keys and places those records have are grouped, so checking a
    /// few imported records against 200,000 stored ones costs one pass over the keys.
    public static func pairs(_ records: [DuplicateRecord], involving ids: Set<Int64>? = nil) -> [DuplicatePair] {
        let touched: [Bool]? = ids.map { ids in records.map { ids.contains($0.id) } }
        let nameKeys = records.map { DuplicateKeys.name($0.name) }
        var reasons: [Pair: Set<String>] = [:]
        func counts(_ x: Int, _ y: Int) -> Bool { touched.map { $0[x] || $0[y] } ?? true }
        func group(_ reason: String, _ keys: [String]) {
            let wanted: Set<String>? = touched.map { t in Set(records.indices.lazy.filter { t[$0] }.map { keys[$0] }) }
            var byKey: [String: [Int]] = [:]
            for i in records.indices where !keys[i].isEmpty && wanted?.contains(keys[i]) != false {
                byKey[keys[i], default: []].append(i)
            }
            for members in byKey.values where members.count > 1 && members.count <= largestPlace {
                for x in 0..<members.count { for y in (x + 1)..<members.count where counts(members[x], members[y]) {
                    reasons[Pair(members[x], members[y]), default: []].insert(reason)
                } }
            }
        }
        group("same name", nameKeys)
        group("same e-mail", records.map { DuplicateKeys.email($0.email) ?? "" })
        group("same phone", records.map { DuplicateKeys.phone($0.phone) ?? "" })
        let places: Set<String>? = touched.map { t in Set(records.indices.lazy.filter { t[$0] }.map { records[$0].place }) }
        var byPlace: [String: [Int]] = [:]
        for (i, r) in records.enumerated() where !r.place.isEmpty && places?.contains(r.place) != false {
            byPlace[r.place, default: []].append(i)
        }
        // Each record's words once, not once per pair it is in.
        var words: [Int: Set<String>] = [:]
        func wordsOf(_ i: Int) -> Set<String> {
            if let w = words[i] { return w }
            let w = DuplicateKeys.words(records[i].name)
            words[i] = w
            return w
        }
        for members in byPlace.values where members.count > 1 && members.count <= largestPlace {
            for x in 0..<members.count { for y in (x + 1)..<members.count {
                let (i, j) = (members[x], members[y])
                guard counts(i, j), nameKeys[i] != nameKeys[j],
                      DuplicateKeys.similarity(wordsOf(i), wordsOf(j)) >= 0.5 else { continue }
                reasons[Pair(i, j), default: []].insert("similar name at the same place")
            } }
        }
        let order = ["same name", "same e-mail", "same phone", "similar name at the same place"]
        return reasons.map { pair, why in
            let list = order.filter(why.contains)
            return DuplicatePair(a: records[pair.i], b: records[pair.j], score: min(100, list.reduce(0) { $0 + points[$1]! }),
                                 reasons: list)
        }.sorted { ($0.score, $1.a.id, $1.b.id) > ($1.score, $0.a.id, $0.b.id) }
    }

    struct Pair: Hashable {
        var i: Int, j: Int
        init(_ a: Int, _ b: Int) { i = min(a, b); j = max(a, b) }
    }
}
