import LoyalCore
import LoyalStore

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
