import GRDB
import LoyalCore

extension Store {
    /// Open calendar entries in a range as the planner's entries, ready for the
    /// iCalendar writer: birthdays carry the person's birthday so they export as one
    /// yearly event per person.
    public func calendarForExport(from: Day, to: Day, repCode: String?) throws -> (entries: [PlannedEntry], names: [Int64: String]) {
        let rows = try calendar(from: from, to: to, repCode: repCode, openOnly: true, limit: 5_000_000)
        let birthdays = try pool.read { db -> [Int64: (Birthday?, Birthday?)] in
            var out: [Int64: (Birthday?, Birthday?)] = [:]
            let ids = Set(rows.compactMap { $0.entry.source == .birthday || $0.entry.source == .partnerBirthday ? $0.entry.contactPersonID : nil })
            for chunk in Array(ids).chunked(500) {
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT id, birthday, partner_birthday FROM contact_person WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))
                    """)
                while let r = try cursor.next() { out[r["id"]] = (r.birthday("birthday"), r.birthday("partner_birthday")) }
            }
            return out
        }
        var names: [Int64: String] = [:]
        let entries = rows.map { row -> PlannedEntry in
            let e = row.entry
            names[e.customerID] = "\(row.customerName) (\(row.customerNumber))"
            var p = PlannedEntry(uid: e.uid, customerID: e.customerID, repID: e.repID, contactPersonID: e.contactPersonID,
                                 due: e.due, time: row.time, channel: e.channel, source: e.source, reason: e.reason,
                                 blocked: row.blocked, hint: row.note.isEmpty ? nil : row.note)
            if let person = e.contactPersonID, let b = e.source == .birthday ? birthdays[person]?.0 : birthdays[person]?.1 {
                p.birthday = b
                let thisYear = b.occurrence(in: e.due.year)
                p.occasion = thisYear >= e.due ? thisYear : b.occurrence(in: e.due.year + 1)
            }
            return p
        }
        return (entries, names)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
