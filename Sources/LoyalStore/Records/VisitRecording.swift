import GRDB
import LoyalCore

/// What saving a visit report created.
public struct RecordedVisit: Sendable, Hashable {
    public var interactionID: Int64
    public var feedbackID: Int64?
    public var complaintID: Int64?
    public var calendarEntryID: Int64?
}

extension Store {
    /// Saves a visit report in one transaction: the interaction, its feedback, a
    /// complaint if one was raised, a follow-up calendar entry, an audit entry,
    /// and the customer's statistics. Nothing is saved when a rule is broken.
    @discardableResult
    public func recordVisit(_ report: VisitReport, actor: String, today: Day) throws -> RecordedVisit {
        let problems = report.problems(today: today)
        if !problems.isEmpty { throw StoreError.invalid(problems.map(\.description).joined(separator: "; ")) }
        return try pool.write { db in try Store.recordVisit(db, report, actor: actor) }
    }

    static func recordVisit(_ db: Database, _ report: VisitReport, actor: String) throws -> RecordedVisit {
        guard let repID = try Row.fetchOne(db, sql: "SELECT rep_id FROM customer WHERE id = ?",
                                           arguments: [report.customerID]) else {
            throw StoreError.notFound(Text.tr("store_error.customer_id_unknown", report.customerID))
        }
        var report = report
        if report.repID == nil { report.repID = repID["rep_id"] }
        let now = Timestamp.now()
        let interactionID = try ContactRecords.insertInteraction(db, report.interaction(), now: now)
        var complaintID: Int64?
        if !report.complaint.isEmpty {
            complaintID = try ContactRecords.insertComplaint(db, Complaint(
                customerID: report.customerID, openedOn: report.day, category: report.complaintCategory,
                text: report.complaint))
        }
        var feedbackID: Int64?
        if let f = report.feedback(interactionID: interactionID, complaintID: complaintID) {
            feedbackID = try ContactRecords.insertFeedback(db, f)
        }
        var entryID: Int64?
        if let due = report.followUpOn {
            entryID = try CalendarRecords.upsert(db, CalendarEntry(
                customerID: report.customerID, repID: report.repID, due: due, channel: report.followUpChannel,
                reason: report.nextStep.isEmpty ? "Follow up on the \(report.kind.rawValue) of \(report.day.german)"
                                                 : report.nextStep,
                source: .followUp, uid: "followup-\(interactionID)@loyal"))
        }
        try Audit.record(db, actor: actor, entity: "interaction", id: interactionID, action: "record \(report.kind.rawValue)",
                         detail: "customer \(report.customerID) on \(report.day.iso)"
                            + (complaintID.map { ", complaint \($0)" } ?? "") + (entryID.map { ", follow-up \($0)" } ?? ""),
                         changes: Audit.changes(before: VisitReport(customerID: report.customerID, day: report.day, kind: report.kind),
                                                after: report),
                         customerID: report.customerID)
        return RecordedVisit(interactionID: interactionID, feedbackID: feedbackID, complaintID: complaintID,
                             calendarEntryID: entryID)
    }
}

/// Everything a saved visit form changes besides the report itself.
public struct VisitSaveContext: Sendable {
    public var actor: String
    public var today: Day
    public var settings: Settings
    /// The draft the form kept while it was being typed (kind "visit"), removed with the save.
    public var draftSubject: String?
    /// The calendar entry the visit fulfils; marked done with the save.
    public var calendarEntryID: Int64?

    public init(actor: String, today: Day, settings: Settings, draftSubject: String? = nil, calendarEntryID: Int64? = nil) {
        self.actor = actor; self.today = today; self.settings = settings
        self.draftSubject = draftSubject; self.calendarEntryID = calendarEntryID
    }
}

extension Store {
    /// One user action, one write transaction: the visit (interaction, feedback, complaint,
    /// follow-up, audit), the draft's removal, the fulfilled calendar entry and the
    /// customer's signals and calendar. Either all of it is saved or none, and another
    /// Loyal waits for one short lock instead of four. Used by the form and `feedback add`.
    @discardableResult
    public func saveVisit(_ report: VisitReport, _ context: VisitSaveContext) throws -> RecordedVisit {
        let problems = report.problems(today: context.today)
        if !problems.isEmpty { throw StoreError.invalid(problems.map(\.description).joined(separator: "; ")) }
        return try pool.write { db in
            let saved = try Store.recordVisit(db, report, actor: context.actor)
            if let subject = context.draftSubject {
                try Store.deleteDraft(db, kind: "visit", subject: subject)
            }
            var customers: Set<Int64> = [report.customerID]
            // An entry replanned away while the form was open leaves nothing to mark done; the visit still counts.
            if let entry = context.calendarEntryID,
               try Int.fetchOne(db, sql: "SELECT 1 FROM calendar_entry WHERE id = ?", arguments: [entry]) != nil {
                let (customer, _) = try Store.calendarAction(db, .doneRecorded(entryID: entry, on: report.day),
                                                             actor: context.actor)
                customers.insert(customer)
            }
            for id in customers.sorted() {
                try Store.refreshCustomer(db, id: id, asOf: context.today, settings: context.settings)
            }
            return saved
        }
    }
}
