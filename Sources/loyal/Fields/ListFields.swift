import LoyalCore
import LoyalStore

/// `loyal absence list`: reps' absences.
enum AbsenceFields {
    static let output = OutputTable<Absence>("absences", command: "loyal absence list", fields: [
        .integer("id", Heading.id, "the absence's id (`loyal absence remove ID`)") { $0.id.map(Int.init) ?? 0 },
        .text("rep", Heading.rep, "rep code") { $0.repCode },
        .day("from", Heading.from, "first day away") { $0.from },
        .day("to", Heading.to, "last day away") { $0.to },
        .integer("days", Heading.days, "days from the first to the last, both included") { $0.to - $0.from + 1 },
        .text("reason", Heading.reason, "why (Urlaub, krank, Messe …)") { $0.reason },
    ])
}

/// `loyal campaign list` and `export`: a newsletter's or mailing's recipients.
enum CampaignFields {
    /// The table shows the e-mail for a newsletter, the postal address for a mailing.
    static func output(_ channel: CampaignChannel) -> OutputTable<CampaignRecipient> {
        let mail = channel != .newsletter
        return OutputTable("campaign", command: "loyal campaign list", fields: [
            .text("number", Heading.number, "customer number") { $0.customerNumber },
            .text("name", Heading.name, "company name") { $0.name },
            .text("contact", Heading.contact, "the main contact person, or empty") { $0.contact },
            .text("email", mail ? nil : Heading.email, "the e-mail address") { $0.email },
            .text("street", mail ? Heading.address : nil, "street (the table of a mailing shows the whole address)",
                  cell: { r, _ in "\(r.street), \(r.postalCode) \(r.city)" }) { $0.street },
            .text("postal_code", nil, "postal code") { $0.postalCode },
            .text("city", nil, "city") { $0.city },
            .day("consent_date", Heading.consent, "when the customer consented to the channel, or `null`",
                 cell: { r, d in r.consentOn.map(d.dateStyle.format) ?? "" }) { $0.consentOn },
        ])
    }
}
