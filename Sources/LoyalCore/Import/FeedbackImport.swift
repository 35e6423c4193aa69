/// Visit feedback from a CSV file (survey results, another CRM's visit reports).
extension ImportFields {
    public static let feedback: [ImportField] = [
        customerNumber,
        ImportField("date", .day, required: true, aliases: ["Datum", "Besuchsdatum", "visit date", "day"],
                    help: "day of the visit or call"),
        ImportField("channel", .interactionKind, aliases: ["Kanal", "Art", "kind", "type"],
                    help: "visit (default), call, email, letter, event, gift"),
        ImportField("nps", .integer, aliases: ["NPS", "Weiterempfehlung", "recommend"], help: "0–10"),
        ImportField("csat", .integer, aliases: ["Zufriedenheit", "CSAT", "satisfaction"], help: "1–5"),
        ImportField("ces", .integer, aliases: ["Aufwand", "CES", "effort"], help: "1–7 (7 = very hard)"),
        ImportField("product_satisfaction", .integer, aliases: ["Zufriedenheit Produkt"], help: "1–5"),
        ImportField("advice_satisfaction", .integer, aliases: ["Zufriedenheit Beratung"], help: "1–5"),
        ImportField("rep_sentiment", .integer, aliases: ["Einschätzung", "Stimmung", "sentiment"],
                    help: "the rep's judgement of the relationship, 1–5"),
        ImportField("topics", .text, aliases: ["Themen", "Thema"], help: "topics"),
        ImportField("complaint", .text, aliases: ["Reklamation", "Beschwerde"], help: "a complaint raised (creates one)"),
        ImportField("competitor", .text, aliases: ["Wettbewerber", "Konkurrent"], help: "competitor named"),
        ImportField("price_pressure", .flag, aliases: ["Preisdruck"], help: "price pressure felt"),
        ImportField("cross_sell", .text, aliases: ["Interesse", "Cross-Selling", "interest"],
                    help: "product category the customer is interested in"),
        ImportField("cancellation", .flag, aliases: ["Kündigung"], help: "a cancellation was announced"),
        ImportField("notes", .text, aliases: ["Notizen", "Notiz", "Bemerkung", "Gesprächsnotiz"], help: "notes"),
        ImportField("next_step", .text, aliases: ["Nächster Schritt", "Maßnahme"], help: "next step"),
        ImportField("follow_up", .day, aliases: ["Wiedervorlage", "Folgetermin", "follow up"],
                    help: "follow-up day (creates a calendar entry)"),
    ]
}

public struct FeedbackImportRecord: Sendable {
    public var customerNumber: String
    public var report: VisitReport
}

extension ImportParser {
    public static func feedback(_ row: inout ImportRow, today: Day) -> FeedbackImportRecord {
        let number = row.require("customer")
        if row.text("date").isEmpty { _ = row.require("date") }
        var r = VisitReport(customerID: 0, day: row.day("date") ?? today, kind: row.interactionKind("channel") ?? .visit)
        r.nps = row.integer("nps"); r.csat = row.integer("csat"); r.ces = row.integer("ces")
        r.productSatisfaction = row.integer("product_satisfaction")
        r.adviceSatisfaction = row.integer("advice_satisfaction")
        r.repSentiment = row.integer("rep_sentiment")
        r.topics = row.text("topics"); r.complaint = row.text("complaint"); r.competitor = row.text("competitor")
        r.pricePressure = row.flag("price_pressure") ?? false
        r.crossSellCategory = row.text("cross_sell"); r.cancellation = row.flag("cancellation") ?? false
        r.notes = row.text("notes"); r.nextStep = row.text("next_step"); r.followUpOn = row.day("follow_up")
        // The same rules as the form and the CLI, reported against the file's columns.
        if row.problems.isEmpty {
            for p in r.problems(today: today) {
                row.appendProblem(ImportProblem(line: row.line, column: row.headerNames[p.field] ?? p.field, message: p.message))
            }
        }
        return FeedbackImportRecord(customerNumber: number, report: r)
    }
}
