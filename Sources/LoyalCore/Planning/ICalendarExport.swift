/// Turns planned entries into calendar events for the `.ics` export.
public enum ICalendarExport {
    /// One event per entry, except birthdays: all planned years of one person's
    /// birthday become one yearly event (`RRULE`), with a UID that names the
    /// person and not the year, so the phone shows the birthday every year and a
    /// later export updates that one event. Non-birthday events keep their order;
    /// the birthday series follow, ordered by UID.
    public static func events(_ entries: [PlannedEntry], customerNames: [Int64: String] = [:],
                              display: DisplaySettings = DisplaySettings()) -> [ICalEvent] {
        var events: [ICalEvent] = []
        var series: [String: PlannedEntry] = [:]
        for e in entries {
            if e.source == .birthday || e.source == .partnerBirthday, let occasion = e.occasion, e.birthday != nil {
                let key = seriesUID(e.uid)
                if let first = series[key], first.occasion! <= occasion { continue }
                series[key] = e
            } else {
                events.append(event(e, customer: customerNames[e.customerID], display: display))
            }
        }
        for key in series.keys.sorted() {
            events.append(birthdayEvent(series[key]!, uid: key, customer: customerNames[series[key]!.customerID],
                                        display: display))
        }
        return events
    }

    /// `Call Müller GmbH`, the reason and what respecting the customer changed, in the
    /// exporting user's language (`Text.language`); the UID is the same in every language.
    public static func event(_ e: PlannedEntry, customer: String?, display: DisplaySettings = DisplaySettings()) -> ICalEvent {
        let format = EvidenceFormat(display)
        let name = customer ?? Text.tr("calendar_note.customer", String(e.customerID))
        var description = e.reasonText.render(format)
        let note = e.noteText?.render(format) ?? ""
        if !note.isEmpty { description += "\n" + note }
        let what = Text.tr(e.channel.actionKey) + " " + name
        return ICalEvent(uid: e.uid, start: e.due, time: e.time, durationMinutes: e.channel == .visit ? 60 : 30,
                         summary: e.blockedText != nil ? Text.tr("calendar_note.blocked_summary", what) : what,
                         description: description, categories: categories(e), status: status(e))
    }

    /// A yearly event on the birthday itself; a lead time becomes a reminder that
    /// many days before, since the card must be posted then.
    static func birthdayEvent(_ e: PlannedEntry, uid: String, customer: String?, display: DisplaySettings) -> ICalEvent {
        let b = e.birthday!, occasion = e.occasion!
        let format = EvidenceFormat(display)
        // The age belongs to one year, not to the series: "Birthday of Anna Schmidt (54)" → "… Schmidt".
        var title = e.reasonText.render(format)
        if let born = b.year, title.hasSuffix(" (\(occasion.year - born))") {
            title.removeLast(" (\(occasion.year - born))".count)
        }
        var lines = [Text.tr(e.channel.actionKey) + (customer.map { " (\($0))" } ?? "")]
        if let born = b.year { lines.append(Text.tr("calendar_note.born", String(born))) }
        let note = e.noteText?.render(format) ?? ""
        if !note.isEmpty { lines.append(note) }
        let lead = occasion - e.due
        return ICalEvent(uid: uid, start: occasion, summary: title, description: lines.joined(separator: "\n"),
                         categories: categories(e), status: status(e),
                         yearly: ICalEvent.YearlyDate(month: b.month, day: b.day), alarmDaysBefore: lead > 0 ? lead : nil)
    }

    /// `c1-birthday-p10-2027@loyal` → `c1-birthday-p10@loyal`: the year is the last part.
    static func seriesUID(_ uid: String) -> String {
        guard let at = uid.lastIndex(of: "@"), let dash = uid[..<at].lastIndex(of: "-") else { return uid }
        return String(uid[..<dash]) + String(uid[at...])
    }

    static func status(_ e: PlannedEntry) -> ICalEventStatus {
        e.blockedText != nil || e.conflictText != nil ? .tentative : .confirmed
    }

    static func categories(_ e: PlannedEntry) -> [String] {
        ["Loyal", e.source.label, e.channel.action]
    }
}

extension CalendarEntrySource {
    /// For people: "After purchase", "Win-back".
    public var label: String {
        switch self {
        case .plan: return "Plan"
        case .birthday: return "Birthday"
        case .partnerBirthday: return "Partner's birthday"
        case .postPurchase: return "After purchase"
        case .followUp: return "Follow-up"
        case .triage: return "Triage"
        case .winback: return "Win-back"
        case .manual: return "Manual"
        }
    }
}
