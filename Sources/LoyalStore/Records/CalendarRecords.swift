import GRDB
import LoyalCore

enum CalendarRecords {
    /// Inserts an entry, or updates the one with the same UID (re-planning keeps UIDs stable).
    @discardableResult
    static func upsert(_ db: Database, _ e: CalendarEntry) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO calendar_entry (uid, customer_id, contact_person_id, rep_id, due, channel, reason, source, status,
                                        status_reason, done_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (uid) DO UPDATE SET contact_person_id = excluded.contact_person_id, rep_id = excluded.rep_id,
                due = excluded.due, channel = excluded.channel, reason = excluded.reason
            """).execute(arguments: [e.uid, e.customerID, e.contactPersonID, e.repID, e.due.iso, e.channel.rawValue,
                                     e.reason, e.source.rawValue, e.status.rawValue, e.statusReason, e.doneOn.sql])
        return try Int64.fetchOne(db, sql: "SELECT id FROM calendar_entry WHERE uid = ?", arguments: [e.uid]) ?? 0
    }

    static func entry(_ row: Row) -> CalendarEntry {
        CalendarEntry(id: row["id"], customerID: row["customer_id"], contactPersonID: row["contact_person_id"],
                      repID: row["rep_id"], due: row.day("due") ?? Day(number: 0),
                      channel: Channel(rawValue: row["channel"]) ?? .phone, reason: row["reason"],
                      source: CalendarEntrySource(rawValue: row["source"]) ?? .manual,
                      status: CalendarEntryStatus(rawValue: row["status"]) ?? .open, statusReason: row["status_reason"],
                      doneOn: row.day("done_on"), uid: row["uid"])
    }
}
