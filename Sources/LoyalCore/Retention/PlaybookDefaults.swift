extension Playbook {
    /// One playbook per default signal kind. The first step is nearly always a call
    /// within days: the articles stress reacting quickly and listening before offering.
    /// Visits follow where the account needs a face (A customers, complaints, a new buyer).
    public static let defaults: [Playbook] = [
        Playbook(kind: "revenue_drop", steps: [
            PlaybookStep(.call, after: 2, "playbook_step.revenue_drop_1"),
            PlaybookStep(.visit, after: 14, "playbook_step.revenue_drop_2"),
        ]),
        Playbook(kind: "overdue", steps: [
            PlaybookStep(.call, after: 1, "playbook_step.overdue_1"),
        ]),
        Playbook(kind: "likely_inactive", steps: [
            PlaybookStep(.call, after: 3, "playbook_step.likely_inactive_1"),
        ]),
        Playbook(kind: "open_complaint", steps: [
            PlaybookStep(.call, after: 1, "playbook_step.open_complaint_1"),
        ]),
        Playbook(kind: "repeated_complaints", steps: [
            PlaybookStep(.visit, after: 7, "playbook_step.repeated_complaints_1"),
            PlaybookStep(.letter, after: 21, "playbook_step.repeated_complaints_2"),
        ]),
        Playbook(kind: "low_nps", steps: [
            PlaybookStep(.call, after: 3, "playbook_step.low_nps_1"),
        ]),
        Playbook(kind: "low_csat", steps: [
            PlaybookStep(.call, after: 2, "playbook_step.low_csat_1"),
        ]),
        Playbook(kind: "high_effort", steps: [
            PlaybookStep(.call, after: 5, "playbook_step.high_effort_1"),
        ]),
        Playbook(kind: "discount_creep", steps: [
            PlaybookStep(.visit, after: 14, "playbook_step.discount_creep_1"),
        ]),
        Playbook(kind: "price_pressure", steps: [
            PlaybookStep(.call, after: 3, "playbook_step.price_pressure_1"),
            PlaybookStep(.visit, after: 14, "playbook_step.price_pressure_2"),
        ]),
        Playbook(kind: "contact_left", steps: [
            PlaybookStep(.call, after: 2, "playbook_step.contact_left_1"),
            PlaybookStep(.visit, after: 21, "playbook_step.contact_left_2"),
        ]),
        Playbook(kind: "address_changed", steps: [
            PlaybookStep(.call, after: 3, "playbook_step.address_changed_1"),
        ]),
        Playbook(kind: "competitor_named", steps: [
            PlaybookStep(.call, after: 2, "playbook_step.competitor_named_1"),
            PlaybookStep(.visit, after: 14, "playbook_step.competitor_named_2"),
        ]),
        Playbook(kind: "cancellation", steps: [
            PlaybookStep(.call, after: 0, "playbook_step.cancellation_1"),
            PlaybookStep(.visit, after: 7, "playbook_step.cancellation_2"),
        ]),
        Playbook(kind: "single_category", steps: [
            PlaybookStep(.visit, after: 30, "playbook_step.single_category_1"),
        ]),
    ]
}
