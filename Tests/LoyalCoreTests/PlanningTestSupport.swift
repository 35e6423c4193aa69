@testable import LoyalCore

/// `d("2026-11-16")`: days in tests read like the dates they are.
func d(_ iso: String) -> Day { Day(iso: iso)! }

func euros(_ amount: Int64) -> Money { Money(cents: amount * 100) }

func consent(_ channel: Channel, _ granted: Bool = true, on: String = "2024-01-01", customer: Int64 = 1) -> Consent {
    Consent(customerID: customer, channel: channel, granted: granted, on: d(on))
}

/// Consent on every channel that needs one, so a test sees only the rule it is about.
let allConsents = [consent(.phone), consent(.email), consent(.newsletter), consent(.sms)]

func person(_ id: Int64, _ first: String, _ last: String, birthday: String? = nil, primary: Bool = false,
            leftOn: String? = nil, customer: Int64 = 1) -> ContactPerson {
    var p = ContactPerson(id: id, customerID: customer, firstName: first, lastName: last)
    p.birthday = birthday.flatMap { Birthday(parsing: $0) }
    p.isPrimary = primary
    p.leftOn = leftOn.map(d)
    return p
}

/// Rules with nothing switched on, for tests that switch on one thing.
func emptyRules() -> ContactPlanRules {
    var r = ContactPlanRules()
    r.cadence = [:]
    r.birthdays = [:]
    r.afterPurchase = []
    return r
}

func plan(_ facts: CustomerPlanFacts, _ rules: ContactPlanRules = ContactPlanRules(),
          from: String, to: String, today: String? = nil) -> [PlannedEntry] {
    ContactPlanner.plan([facts], rules: rules, from: d(from), to: d(to), today: d(today ?? from))
}

extension PlannedEntry {
    /// `2026-11-30 phone Call (every 90 days)`: one line to compare in tests.
    var line: String { "\(due.iso) \(channel.rawValue) \(reason)" }
}
