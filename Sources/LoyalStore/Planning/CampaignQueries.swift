import GRDB
import LoyalCore

extension Store {
    /// The recipients of a campaign: customers with an open, unblocked entry on the campaign's
    /// channel due up to `until` (the planner has already applied consent: a newsletter needs
    /// express consent, a refusal blocks a mailing), one row per customer, by number.
    public func campaign(_ campaign: CampaignChannel, until: Day, repCode: String? = nil) throws -> [CampaignRecipient] {
        try pool.read { db in
            // The consent's channel, the entries' channel, the last day.
            var args: StatementArguments = [campaign.channel.rawValue, campaign.channel.rawValue, until.iso]
            var repClause = ""
            if let repCode { repClause = " AND c.rep_id = ?"; args += [try Self.repID(db, code: repCode)] }
            let source = campaign == .mail ? " AND e.source = 'plan'" : ""
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.number, c.name, c.email, c.street, c.postal_code, c.city, min(e.due) AS due,
                       (SELECT trim(p.first_name || ' ' || p.last_name) FROM contact_person p
                        WHERE p.customer_id = c.id AND p.left_on IS NULL ORDER BY p.is_primary DESC, p.id LIMIT 1) AS contact,
                       (SELECT max(given_on) FROM consent k WHERE k.customer_id = c.id AND k.channel = ? AND k.granted = 1) AS consent_on
                FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                WHERE e.channel = ? AND e.status = 'open' AND e.blocked IS NULL AND e.due <= ?\(source)\(repClause)
                GROUP BY c.id ORDER BY c.number
                """, arguments: args)
            return rows.map { r in
                CampaignRecipient(customerNumber: r["number"], name: r["name"], contact: r["contact"] ?? "",
                                  email: r["email"], street: r["street"], postalCode: r["postal_code"], city: r["city"],
                                  consentOn: r.day("consent_on"), due: r.day("due") ?? until)
            }
        }
    }
}
