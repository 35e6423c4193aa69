extension Playbook {
    /// One playbook per default signal kind. The first step is nearly always a call
    /// within days: the articles stress reacting quickly and listening before offering.
    /// Visits follow where the account needs a face (A customers, complaints, a new buyer).
    public static let defaults: [Playbook] = [
        Playbook(kind: "revenue_drop", steps: [
            PlaybookStep(.call, after: 2, "Ask how business is going and what they now buy elsewhere"),
            PlaybookStep(.visit, after: 14, "Go through the assortment and the last orders with the buyer"),
        ]),
        Playbook(kind: "overdue", steps: [
            PlaybookStep(.call, after: 1, "Ask whether the next order is planned; offer help with stock"),
        ]),
        Playbook(kind: "likely_inactive", steps: [
            PlaybookStep(.call, after: 3, "Ask whether they still need us and why it went quiet"),
        ]),
        Playbook(kind: "open_complaint", steps: [
            PlaybookStep(.call, after: 1, "Call about the open complaint and agree a date for the solution"),
        ]),
        Playbook(kind: "repeated_complaints", steps: [
            PlaybookStep(.visit, after: 7, "Visit with the service lead: go through the complaints and what changes"),
            PlaybookStep(.letter, after: 21, "Confirm in writing what was changed"),
        ]),
        Playbook(kind: "low_nps", steps: [
            PlaybookStep(.call, after: 3, "Ask what would make them recommend us"),
        ]),
        Playbook(kind: "low_csat", steps: [
            PlaybookStep(.call, after: 2, "Ask what went wrong and agree how to put it right"),
        ]),
        Playbook(kind: "high_effort", steps: [
            PlaybookStep(.call, after: 5, "Ask where working with us is hard (ordering, invoices, delivery)"),
        ]),
        Playbook(kind: "discount_creep", steps: [
            PlaybookStep(.visit, after: 14, "Talk value, not price: delivery, service, advice; review conditions"),
        ]),
        Playbook(kind: "price_pressure", steps: [
            PlaybookStep(.call, after: 3, "Ask which offers they compare us with"),
            PlaybookStep(.visit, after: 14, "Bring a value argument and conditions agreed with sales management"),
        ]),
        Playbook(kind: "contact_left", steps: [
            PlaybookStep(.call, after: 2, "Find out who the new contact person is"),
            PlaybookStep(.visit, after: 21, "Introduce yourself to the new contact person"),
        ]),
        Playbook(kind: "address_changed", steps: [
            PlaybookStep(.call, after: 3, "Confirm the new address and ask whether the contact persons stay"),
        ]),
        Playbook(kind: "competitor_named", steps: [
            PlaybookStep(.call, after: 2, "Ask what the competitor offers and what matters to them"),
            PlaybookStep(.visit, after: 14, "Show what we do better for them"),
        ]),
        Playbook(kind: "cancellation", steps: [
            PlaybookStep(.call, after: 0, "Call at once: understand the reason, involve management"),
            PlaybookStep(.visit, after: 7, "Management visit with an offer that fits the reason"),
        ]),
        Playbook(kind: "single_category", steps: [
            PlaybookStep(.visit, after: 30, "Present one matching category from the range"),
        ]),
    ]
}
