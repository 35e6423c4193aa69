import LoyalCore
import LoyalStore
import LoyalTerminal

/// Lays out an account's detail as a document of sections.
enum AccountDetailView {
    static func document(_ d: AccountDetail, width: Int, env: Environment) -> Document {
        let f = Format(display: env.display)
        var doc = Document()
        summary(d, &doc, f, env)
        revenueChart(d, &doc, f, width: width)
        facts(d, &doc, f)
        people(d, &doc, f, env)
        signalsAndComplaints(d, &doc, f)
        AccountTimelineView.timeline(d, &doc, f, width: width)
        AccountTimelineView.purchases(d, &doc, f)
        return doc
    }

    /// What the value figure holds: margin when the model valued margin, else revenue,
    /// over the configured years and discount rate.
    static func valueMeaning(_ d: AccountDetail, _ v: ValueSettings) -> String {
        let what = v.useMargin && d.hasMargins ? "expected contribution margin" : "expected revenue"
        let rate = (v.yearlyDiscountRate * 100).formatted(.number.precision(.fractionLength(0...1)))
        return "\(what) of the next \(Int(v.horizonYears)) years, discounted at \(rate) % a year"
    }

    static func summary(_ d: AccountDetail, _ doc: inout Document, _ f: Format, _ env: Environment) {
        let c = d.customer, s = d.stats
        doc.section("Summary")
        let classRole: StyleRole = [.a: .classA, .b: .classB, .c: .classC][s.computedClass]!
        let effective = c.classOverride ?? s.computedClass
        var classText = "\(effective.rawValue)"
        if let o = c.classOverride, o != s.computedClass { classText += "  (set by hand; by revenue it would be \(s.computedClass.rawValue))" }
        doc.field("Class", classText, c.classOverride == nil ? classRole : .warning)
        doc.field("Customer value", d.valueKnown ? f.money(s.value) + "  (" + valueMeaning(d, env.settings.value) + ")"
                                                 : "not computed yet (loyal refresh computes it)")
        if let p = s.pAlive {
            doc.field("Still active", f.percent(p) + "  (probability, BG/NBD)")
        }
        if let e = s.expectedPurchases {
            doc.field("Next 12 months", String(format: "%.1f purchases expected", e))
        }
        if let rfm = s.rfm { doc.field("RFM", "\(rfm)  (recency, frequency, money: 5 best, 1 worst)") }
        if let potential = c.potential { doc.field("Potential", f.money(potential) + " a year (set by the rep)") }
        let trend = RevenueTrend.of(current: s.revenue12m, previous: s.revenuePrevious12m)
        doc.line(.t("Revenue 12 months", .dim, 18), .t(f.money(s.revenue12m)),
                 .t(trend.mark, trend == .down ? .trendDown : trend == .up ? .trendUp : .normal),
                 .t("(12 months before: \(f.money(s.revenuePrevious12m)))", .dim))
        doc.field("Purchases", "\(d.purchaseCount), last \(f.day(s.lastPurchase)), first \(f.day(s.firstPurchase))")
        if let r = s.risk, r > 0 { doc.field("Risk", f.risk(r), r >= 0.6 ? .riskHigh : r >= 0.3 ? .riskMedium : .riskLow) }
        doc.field("Rep", [d.repCode, d.repName].compactMap { $0 }.joined(separator: " · ").ifEmpty("none"))
        switch (c.status, c.isReturnee) {
        case (.lost, _):
            doc.field("Status", "lost on \(f.day(c.lostOn))" + (c.lostReason.map { ", reason: \($0.label)" } ?? ""), .riskHigh)
        case (.active, true):
            doc.field("Status", "returnee: came back on \(f.day(c.returnedOn)) (lost \(f.day(c.lostOn))"
                      + (c.lostReason.map { ", \($0.label)" } ?? "") + ")", .success)
        default:
            doc.field("Status", "active")
        }
    }

    static func revenueChart(_ d: AccountDetail, _ doc: inout Document, _ f: Format, width: Int) {
        let months = d.monthlyRevenue
        guard !months.isEmpty else { return }
        doc.section("Revenue, last \(months.count) months")
        // Two columns per month when the terminal is wide enough.
        let perMonth = width >= months.count * 2 + 14 ? 2 : 1
        let values = months.map(\.revenue.cents)
        let maxMoney = Money(cents: values.max() ?? 0)
        let rows = BarChart.rows(values, height: 5)
        for (i, row) in rows.enumerated() {
            let bars = perMonth == 2 ? String(row.flatMap { [$0, $0] }) : row
            let label = i == 0 ? f.compact(maxMoney) : i == rows.count - 1 ? "0" : ""
            doc.line(.t(label, .dim, 7, right: true), .t(bars, .chart))
        }
        var axis = ""
        for (i, m) in months.enumerated() {
            let mark = m.month.month == 1 ? String(m.month.year % 100) : (m.month.month == 7 ? "·" : " ")
            if i % 1 == 0 { axis += perMonth == 2 ? mark.padding(2) : String(mark.prefix(1)) }
        }
        doc.line(.t("", .dim, 7), .t(axis, .dim))
        doc.line(.t("", .dim, 7), .t("\(f.day(months.first!.month)) – \(f.day(months.last!.month.adding(months: 1).adding(days: -1)))   (years marked at January)", .dim))
    }

    static func facts(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        let c = d.customer
        doc.section("Hard facts")
        doc.field("Address", [c.street, [c.postalCode, c.city].filter { !$0.isEmpty }.joined(separator: " "), c.country]
            .filter { !$0.isEmpty }.joined(separator: ", ").ifEmpty("–"))
        doc.field("Phone", c.phone.ifEmpty("–"))
        doc.field("E-mail", c.email.ifEmpty("–"))
        doc.field("Web", c.website.ifEmpty("–"))
        doc.field("Industry", c.industry.ifEmpty("–"))
        doc.field("Employees", c.employees.map(String.init) ?? "–")
        doc.field("Revenue band", c.revenueBand.ifEmpty("–"))
        doc.field("Customer since", f.day(c.since))
        doc.section("Soft facts")
        doc.field("Preferences", c.preferences.ifEmpty("–"))
        doc.field("Preferred channel", c.preferredChannel?.rawValue ?? "–")
        doc.field("Best call times", c.bestCallTimes.ifEmpty("–"))
        doc.field("High season", c.highSeason.ifEmpty("–"))
        doc.field("Busy hours", c.busyHours.ifEmpty("–"))
        if c.notes.isEmpty { doc.field("Notes", "–") }
        for (i, line) in c.notes.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !c.notes.isEmpty {
            doc.field(i == 0 ? "Notes" : "", String(line))
        }
    }

    static func people(_ d: AccountDetail, _ doc: inout Document, _ f: Format, _ env: Environment) {
        doc.section("Contact persons (\(d.contacts.count))")
        if d.contacts.isEmpty { doc.text("none yet: press p to add one", .dim) }
        for p in d.contacts {
            let gone = p.leftOn != nil
            var name = p.fullName
            if p.isPrimary { name += " ★" }
            doc.line(.t(name, gone ? .dim : .normal, 26), .t(p.role, .dim, 22),
                     .t(gone ? "left on \(f.day(p.leftOn))" : "born \(f.birthday(p.birthday, on: env.today))", gone ? .warning : .normal))
            let reach = [p.phone, p.email].filter { !$0.isEmpty }.joined(separator: " · ")
            if !reach.isEmpty { doc.line(.t("", .normal, 26), .t(reach, .dim)) }
            if !p.partnerName.isEmpty || p.partnerBirthday != nil {
                doc.line(.t("", .normal, 26), .t("partner \(p.partnerName.ifEmpty("?")), born \(f.birthday(p.partnerBirthday, on: env.today))", .dim))
            }
        }
        doc.section("Consents")
        let byChannel = Dictionary(d.consents.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a })
        for channel in Channel.allCases where channel.needsConsent {
            if let c = byChannel[channel] {
                doc.line(.t(channel.rawValue, .dim, 18), .t(c.granted ? "yes" : "refused", c.granted ? .success : .warning, 8),
                         .t("since \(f.day(c.on))" + (c.source.isEmpty ? "" : " · \(c.source)"), .dim))
            } else {
                doc.line(.t(channel.rawValue, .dim, 18), .t("not asked", .blocked))
            }
        }
    }

    static func signalsAndComplaints(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        doc.section("Churn signals (\(d.signals.count))")
        if d.signals.isEmpty { doc.text("none open", .dim) }
        for s in d.signals {
            doc.line(.t(s.kind, .riskHigh, 18), .t(s.evidence), .t(s.status == .snoozed ? "(snoozed until \(f.day(s.snoozedUntil)))" : "", .dim))
        }
        let open = d.complaints.filter(\.isOpen).count
        doc.section("Complaints (\(d.complaints.count), \(open) open)")
        if d.complaints.isEmpty { doc.text("none", .dim) }
        for c in d.complaints {
            let state = c.resolvedOn.map { "resolved \(f.day($0))" } ?? "OPEN"
            doc.line(.t(f.day(c.openedOn), .dim, 10), .t(c.category.rawValue, .dim, 9), .t(state, c.isOpen ? .riskHigh : .success, 19),
                     .t(c.text + (c.goodwill.map { " · goodwill \(f.moneyCents($0))" } ?? "")))
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }

    func padding(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
