/// What a rep records after a visit or call: the interaction, the feedback, and
/// what follows from it (a complaint, a follow-up in the calendar). The form, the
/// CLI and the CSV import all produce one of these, so they share the rules.
public struct VisitReport: Sendable, Hashable, Codable {
    public var customerID: Int64
    public var repID: Int64?
    public var day: Day
    public var kind: InteractionKind
    public var contactPersonIDs: [Int64] = []
    public var nps: Int?
    public var csat: Int?
    public var ces: Int?
    public var productSatisfaction: Int?
    public var adviceSatisfaction: Int?
    public var repSentiment: Int?
    public var topics: String = ""
    /// Non-empty when the customer raised a complaint; it is recorded as one.
    public var complaint: String = ""
    public var complaintCategory: ComplaintCategory = .other
    public var competitor: String = ""
    public var pricePressure = false
    public var crossSellCategory: String = ""
    public var cancellation = false
    public var notes: String = ""
    public var nextStep: String = ""
    /// Creates a calendar entry for the rep on this day.
    public var followUpOn: Day?
    public var followUpChannel: Channel = .phone

    public init(customerID: Int64, day: Day, kind: InteractionKind) {
        self.customerID = customerID; self.day = day; self.kind = kind
    }

    /// A field that is not acceptable, with the reason in words.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var field: String
        public var message: String
        public var description: String { "\(field): \(message)" }
    }

    /// Every rule a report must meet before it is saved.
    public func problems(today: Day) -> [Problem] {
        var out: [Problem] = []
        func scale(_ name: String, _ value: Int?, _ range: ClosedRange<Int>) {
            if let v = value, !range.contains(v) {
                out.append(Problem(field: name, message: "\(v) is not between \(range.lowerBound) and \(range.upperBound)"))
            }
        }
        scale("nps", nps, 0...10)
        scale("csat", csat, 1...5)
        scale("ces", ces, 1...7)
        scale("product_satisfaction", productSatisfaction, 1...5)
        scale("advice_satisfaction", adviceSatisfaction, 1...5)
        scale("rep_sentiment", repSentiment, 1...5)
        if day > today {
            out.append(Problem(field: "date", message: "\(day.german) is in the future; record a visit after it happened"))
        }
        if let f = followUpOn, f < day {
            out.append(Problem(field: "follow_up", message: "\(f.german) is before the visit (\(day.german))"))
        }
        if !nextStep.isEmpty && followUpOn == nil {
            out.append(Problem(field: "follow_up", message: "a next step needs a follow-up date"))
        }
        let texts: [(String, String, TextSafety.Field)] = [
            ("topics", topics, .oneLine), ("complaint", complaint, .freeText), ("competitor", competitor, .oneLine),
            ("cross_sell", crossSellCategory, .oneLine), ("notes", notes, .freeText), ("next_step", nextStep, .oneLine),
        ]
        for (name, text, kind) in texts {
            if let problem = TextSafety.problem(in: text, field: kind) { out.append(Problem(field: name, message: problem)) }
        }
        return out
    }

    /// The interaction and feedback rows this report becomes.
    public func interaction() -> Interaction {
        Interaction(customerID: customerID, repID: repID, kind: kind, day: day, contactPersonIDs: contactPersonIDs,
                    subject: topics.isEmpty ? kind.rawValue.capitalized : topics, notes: notes)
    }

    public func feedback(interactionID: Int64, complaintID: Int64?) -> Feedback? {
        var f = Feedback(interactionID: interactionID)
        f.nps = nps; f.csat = csat; f.ces = ces; f.productSatisfaction = productSatisfaction
        f.adviceSatisfaction = adviceSatisfaction; f.repSentiment = repSentiment; f.topics = topics
        f.pricePressure = pricePressure; f.competitor = competitor; f.crossSellCategory = crossSellCategory
        f.complaintID = complaintID; f.nextStep = nextStep; f.followUpOn = followUpOn; f.cancellation = cancellation
        let empty = Feedback(interactionID: interactionID)
        return f == empty ? nil : f
    }
}
