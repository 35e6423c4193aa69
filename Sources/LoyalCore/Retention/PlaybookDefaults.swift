extension Playbook {
    /// One playbook per default signal kind. The first step is nearly always a call
    /// within days: the articles stress reacting quickly and listening before offering.
    /// Visits follow where the account needs a face (A customers, complaints, a new buyer).
    public static let defaults: [Playbook] = [
        Playbook(kind: "revenue_drop", steps: [
            PlaybookStep(.call, after: 2, "playbook.revenue_drop_1"),
            PlaybookStep(.visit, after: 14, "playbook.revenue_drop_2"),
        ]),
        Playbook(kind: "overdue", steps: [
            PlaybookStep(.call, after: 1, "playbook.overdue_1"),
        ]),
        Playbook(kind: "likely_inactive", steps: [
            PlaybookStep(.call, after: 3, "playbook.likely_inactive_1"),
        ]),
        Playbook(kind: "open_complaint", steps: [
            PlaybookStep(.call, after: 1, "playbook.open_complaint_1"),
        ]),
        Playbook(kind: "repeated_complaints", steps: [
            PlaybookStep(.visit, after: 7, "playbook.repeated_complaints_1"),
            PlaybookStep(.letter, after: 21, "playbook.repeated_complaints_2"),
        ]),
        Playbook(kind: "low_nps", steps: [
            PlaybookStep(.call, after: 3, "playbook.low_nps_1"),
        ]),
        Playbook(kind: "low_csat", steps: [
            PlaybookStep(.call, after: 2, "playbook.low_csat_1"),
        ]),
        Playbook(kind: "high_effort", steps: [
            PlaybookStep(.call, after: 5, "playbook.high_effort_1"),
        ]),
        Playbook(kind: "discount_creep", steps: [
            PlaybookStep(.visit, after: 14, "playbook.discount_creep_1"),
        ]),
        Playbook(kind: "price_pressure", steps: [
            PlaybookStep(.call, after: 3, "playbook.price_pressure_1"),
            PlaybookStep(.visit, after: 14, "playbook.price_pressure_2"),
        ]),
        Playbook(kind: "contact_left", steps: [
            PlaybookStep(.call, after: 2, "playbook.contact_left_1"),
            PlaybookStep(.visit, after: 21, "playbook.contact_left_2"),
        ]),
        Playbook(kind: "address_changed", steps: [
            PlaybookStep(.call, after: 3, "playbook.address_changed_1"),
        ]),
        Playbook(kind: "competitor_named", steps: [
            PlaybookStep(.call, after: 2, "playbook.competitor_named_1"),
            PlaybookStep(.visit, after: 14, "playbook.competitor_named_2"),
        ]),
        Playbook(kind: "cancellation", steps: [
            PlaybookStep(.call, after: 0, "playbook.cancellation_1"),
            PlaybookStep(.visit, after: 7, "playbook.cancellation_2"),
        ]),
        Playbook(kind: "single_category", steps: [
            PlaybookStep(.visit, after: 30, "playbook.single_category_1"),
        ]),
    ]
}
