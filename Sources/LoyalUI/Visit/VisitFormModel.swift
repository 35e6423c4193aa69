import Foundation
import LoyalCore
import LoyalStore

/// The fields of the visit feedback form, in the order Tab walks them.
enum VisitField: String, CaseIterable, Codable {
    case customer, date, channel, contacts, nps, csat, ces, productSatisfaction, adviceSatisfaction, sentiment
    case topics, complaint, complaintCategory, competitor, pricePressure, crossSell, cancellation, notes, nextStep, followUp

    var label: String {
        switch self {
        case .customer: return Text.tr("visit.customer")
        case .date: return Text.tr("visit.date")
        case .channel: return Text.tr("visit.channel")
        case .contacts: return Text.tr("visit.met")
        case .nps: return Text.tr("visit.nps")
        case .csat: return Text.tr("visit.csat")
        case .ces: return Text.tr("visit.ces")
        case .productSatisfaction: return Text.tr("visit.products")
        case .adviceSatisfaction: return Text.tr("visit.advice")
        case .sentiment: return Text.tr("visit.judgement")
        case .topics: return Text.tr("visit.topics")
        case .complaint: return Text.tr("visit.complaint")
        case .complaintCategory: return Text.tr("visit.complaint_about")
        case .competitor: return Text.tr("visit.competitor")
        case .pricePressure: return Text.tr("visit.price_pressure")
        case .crossSell: return Text.tr("visit.interested_in")
        case .cancellation: return Text.tr("visit.cancellation")
        case .notes: return Text.tr("visit.notes")
        case .nextStep: return Text.tr("visit.next_step")
        case .followUp: return Text.tr("visit.follow_up")
        }
    }

    /// The range of a score field; nil for other fields.
    var scale: ClosedRange<Int>? {
        switch self {
        case .nps: return 0...10
        case .csat, .productSatisfaction, .adviceSatisfaction, .sentiment: return 1...5
        case .ces: return 1...7
        default: return nil
        }
    }
}

/// Everything typed into the form, as typed: this is what the draft stores, so
/// a half-typed date survives a crash as it was.
struct VisitFormValues: Codable, Hashable {
    var customerID: Int64?
    var customerLabel = ""
    var text: [String: String] = [:]
    var channel = InteractionKind.visit.rawValue
    var met: [Int64] = []
    var complaintCategory = ComplaintCategory.other.rawValue
    var crossSell = ""
    var pricePressure = false
    var cancellation = false
    var focus = VisitField.customer.rawValue
    /// The planned visit this report fulfils (opened from the calendar).
    var calendarEntryID: Int64?

    subscript(_ field: VisitField) -> String {
        get { text[field.rawValue] ?? "" }
        set { text[field.rawValue] = newValue }
    }

    func encoded() -> String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func decoded(_ text: String) -> VisitFormValues? {
        try? JSONDecoder().decode(VisitFormValues.self, from: Data(text.utf8))
    }
}

/// Turns the typed values into a report, or into one reason per bad field.
enum VisitFormValidation {
    static let textFields: [VisitField] = [.topics, .complaint, .competitor, .notes, .nextStep]

    /// Why the text of a free-text field cannot be saved (control characters, bidi overrides), if so.
    static func textProblem(_ field: VisitField, _ text: String) -> String? {
        TextSafety.problem(in: text, field: field == .notes || field == .complaint ? .freeText : .oneLine)
    }

    /// `workingDay` moves a follow-up typed relative to today ("+7") onto the rep's next working day.
    static func report(_ v: VisitFormValues, today: Day,
                       workingDay: (Day) -> Day = { $0 }) -> (VisitReport?, [VisitField: String]) {
        var errors: [VisitField: String] = [:]
        if v.customerID == nil { errors[.customer] = Text.tr("visit.error_customer") }
        let day = Day(typed: v[.date].isEmpty ? "t" : v[.date], today: today)
        if day == nil { errors[.date] = Text.tr("visit.error_date") }
        var scores: [VisitField: Int] = [:]
        for field in VisitField.allCases {
            guard let range = field.scale else { continue }
            let text = v[field].trimmingSpacesAndNewlines
            if text.isEmpty { continue }
            guard let n = Int(text), range.contains(n) else {
                errors[field] = Text.tr("visit.error_range", range.lowerBound, range.upperBound); continue
            }
            scores[field] = n
        }
        var followUp: Day?
        if !v[.followUp].isEmpty {
            followUp = Day(typed: v[.followUp], today: today, pastBias: false)
            if followUp == nil { errors[.followUp] = Text.tr("visit.error_follow_up") }
            else if v[.followUp].trimmingSpacesAndNewlines.hasPrefix("+") { followUp = followUp.map(workingDay) }
        }
        // Shown at the field while typing, not only on save; the text stays as typed.
        for field in textFields {
            if let problem = textProblem(field, v[field]) { errors[field] = problem }
        }
        guard errors.isEmpty, let customerID = v.customerID, let day else { return (nil, errors) }
        var r = VisitReport(customerID: customerID, day: day, kind: InteractionKind(rawValue: v.channel) ?? .visit)
        r.contactPersonIDs = v.met
        r.nps = scores[.nps]; r.csat = scores[.csat]; r.ces = scores[.ces]
        r.productSatisfaction = scores[.productSatisfaction]; r.adviceSatisfaction = scores[.adviceSatisfaction]
        r.repSentiment = scores[.sentiment]
        r.topics = v[.topics].trimmingSpacesAndNewlines
        r.complaint = v[.complaint].trimmingSpacesAndNewlines
        r.complaintCategory = ComplaintCategory(rawValue: v.complaintCategory) ?? .other
        r.competitor = v[.competitor].trimmingSpacesAndNewlines
        r.pricePressure = v.pricePressure; r.cancellation = v.cancellation
        r.crossSellCategory = v.crossSell
        r.notes = v[.notes].trimmingSpacesAndNewlines
        r.nextStep = v[.nextStep].trimmingSpacesAndNewlines
        r.followUpOn = followUp
        if r.kind == .visit || r.kind == .event { r.followUpChannel = .phone }
        let fieldOf: [String: VisitField] = ["date": .date, "follow_up": .followUp, "nps": .nps, "csat": .csat, "ces": .ces,
                                             "topics": .topics, "complaint": .complaint, "competitor": .competitor,
                                             "notes": .notes, "next_step": .nextStep]
        for p in r.problems(today: today) { errors[fieldOf[p.field] ?? .customer] = p.message }
        return errors.isEmpty ? (r, [:]) : (nil, errors)
    }
}
