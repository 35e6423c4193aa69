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
        let what = v.useMargin && d.hasMargins ? Text.tr("detail.expected_margin") : Text.tr("detail.expected_revenue")
        let rate = (v.yearlyDiscountRate * 100).formatted(.number.precision(.fractionLength(0...1)))
        return Text.tr("detail.value_meaning", what, Int(v.horizonYears), rate)
    }

    static func summary(_ d: AccountDetail, _ doc: inout Document, _ f: Format, _ env: Environment) {
        let c = d.customer, s = d.stats
        doc.section(Text.tr("detail.summary"))
        let classRole: StyleRole = [.a: .classA, .b: .classB, .c: .classC][s.computedClass]!
        let effective = c.classOverride ?? s.computedClass
        var classText = "\(effective.rawValue)"
        if let o = c.classOverride, o != s.computedClass { classText += Text.tr("detail.class_by_hand", s.computedClass.rawValue) }
        doc.field(Text.tr("detail.class"), classText, c.classOverride == nil ? classRole : .warning)
        doc.field(Text.tr("glossary.customer_value"), d.valueKnown ? f.money(s.value) + "  (" + valueMeaning(d, env.settings.value) + ")"
                                                 : Text.tr("detail.not_computed"))
        if let p = s.pAlive {
            doc.field(Text.tr("detail.still_active"), f.percent(p) + Text.tr("detail.probability"))
        }
        if let e = s.expectedPurchases {
            doc.field(Text.tr("detail.next_12_months"), Text.tr("detail.purchases_expected", f.decimal(e, 1)))
        }
        if let rfm = s.rfm { doc.field("RFM", Text.tr("detail.rfm", rfm)) }
        if let potential = c.potential { doc.field(Text.tr("detail.potential"), f.money(potential) + Text.tr("detail.potential_value")) }
        let trend = RevenueTrend.of(current: s.revenue12m, previous: s.revenuePrevious12m)
        doc.line(.t(Text.tr("detail.revenue_12"), .dim, 18), .t(f.money(s.revenue12m)),
                 .t(trend.mark, trend == .down ? .trendDown : trend == .up ? .trendUp : .normal),
                 .t(Text.tr("detail.months_before", f.money(s.revenuePrevious12m)), .dim))
        doc.field(Text.tr("detail.purchases"), Text.tr("detail.purchases_line", d.purchaseCount, f.day(s.lastPurchase), f.day(s.firstPurchase)))
        if let r = s.risk, r > 0 { doc.field(Text.tr("detail.risk"), f.risk(r), r >= 0.6 ? .riskHigh : r >= 0.3 ? .riskMedium : .riskLow) }
        doc.field(Text.tr("detail.rep"), [d.repCode, d.repName].compactMap { $0 }.joined(separator: " · ").ifEmpty(Text.tr("detail.none")))
        switch (c.status, c.isReturnee) {
        case (.lost, _):
            doc.field(Text.tr("detail.status"), Text.tr("detail.lost_on", f.day(c.lostOn)) + (c.lostReason.map { Text.tr("detail.reason", Words.lostReason($0)) } ?? ""), .riskHigh)
        case (.active, true):
            doc.field(Text.tr("detail.status"), Text.tr("detail.returnee", f.day(c.returnedOn), f.day(c.lostOn))
                      + (c.lostReason.map { ", " + Words.lostReason($0) } ?? "") + ")", .success)
        default:
            doc.field(Text.tr("detail.status"), Text.tr("detail.active"))
        }
    }

    static func revenueChart(_ d: AccountDetail, _ doc: inout Document, _ f: Format, width: Int) {
        let months = d.monthlyRevenue
        guard !months.isEmpty else { return }
        doc.section(Text.tr("detail.revenue_months", months.count))
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
        doc.line(.t("", .dim, 7), .t(Text.tr("detail.chart_span", f.day(months.first!.month), f.day(months.last!.month.adding(months: 1).adding(days: -1))), .dim))
    }

    static func facts(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        let c = d.customer
        doc.section(Text.tr("detail.hard_facts"))
        doc.field(Text.tr("detail.address"), [c.street, [c.postalCode, c.city].filter { !$0.isEmpty }.joined(separator: " "), c.country]
            .filter { !$0.isEmpty }.joined(separator: ", ").ifEmpty("–"))
        doc.field(Text.tr("detail.phone"), c.phone.ifEmpty("–"))
        doc.field(Text.tr("detail.email"), c.email.ifEmpty("–"))
        doc.field(Text.tr("detail.web"), c.website.ifEmpty("–"))
        doc.field(Text.tr("detail.industry"), c.industry.ifEmpty("–"))
        doc.field(Text.tr("detail.employees"), c.employees.map(String.init) ?? "–")
        doc.field(Text.tr("detail.revenue_band"), c.revenueBand.ifEmpty("–"))
        doc.field(Text.tr("detail.customer_since"), f.day(c.since))
        doc.section(Text.tr("detail.soft_facts"))
        doc.field(Text.tr("detail.preferences"), c.preferences.ifEmpty("–"))
        doc.field(Text.tr("detail.preferred_channel"), c.preferredChannel.map(Words.channel) ?? "–")
        doc.field(Text.tr("detail.best_call_times"), c.bestCallTimes.ifEmpty("–"))
        doc.field(Text.tr("detail.high_season"), c.highSeason.ifEmpty("–"))
        doc.field(Text.tr("detail.busy_hours"), c.busyHours.ifEmpty("–"))
        if c.notes.isEmpty { doc.field(Text.tr("detail.notes"), "–") }
        for (i, line) in c.notes.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !c.notes.isEmpty {
            doc.field(i == 0 ? Text.tr("detail.notes") : "", String(line))
        }
    }

    static func people(_ d: AccountDetail, _ doc: inout Document, _ f: Format, _ env: Environment) {
        doc.section(Text.tr("detail.contact_persons", d.contacts.count))
        if d.contacts.isEmpty { doc.text(Text.tr("detail.no_contacts"), .dim) }
        for p in d.contacts {
            let gone = p.leftOn != nil
            var name = p.fullName
            if p.isPrimary { name += " ★" }
            doc.line(.t(name, gone ? .dim : .normal, 26), .t(p.role, .dim, 22),
                     .t(gone ? Text.tr("detail.left_on", f.day(p.leftOn)) : Text.tr("detail.born", f.birthday(p.birthday, on: env.today)), gone ? .warning : .normal))
            let reach = [p.phone, p.email].filter { !$0.isEmpty }.joined(separator: " · ")
            if !reach.isEmpty { doc.line(.t("", .normal, 26), .t(reach, .dim)) }
            if !p.partnerName.isEmpty || p.partnerBirthday != nil {
                doc.line(.t("", .normal, 26), .t(Text.tr("detail.partner", p.partnerName.ifEmpty("?"), f.birthday(p.partnerBirthday, on: env.today)), .dim))
            }
        }
        doc.section(Text.tr("detail.consents"))
        // As wide as the longer answer of the language ("abgelehnt").
        let answerWidth = max(8, TextWidth.columns(of: Text.tr("detail.yes")), TextWidth.columns(of: Text.tr("detail.refused")))
        let byChannel = Dictionary(d.consents.map { ($0.channel, $0) }, uniquingKeysWith: { a, _ in a })
        for channel in Channel.allCases where channel.needsConsent {
            if let c = byChannel[channel] {
                doc.line(.t(Words.channel(channel), .dim, 18), .t(c.granted ? Text.tr("detail.yes") : Text.tr("detail.refused"), c.granted ? .success : .warning, answerWidth),
                         .t(Text.tr("detail.since", f.day(c.on)) + (c.source.isEmpty ? "" : " · \(c.source)"), .dim))
            } else {
                doc.line(.t(Words.channel(channel), .dim, 18), .t(Text.tr("detail.not_asked"), .blocked))
            }
        }
    }

    static func signalsAndComplaints(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        doc.section(Text.tr("detail.signals", d.signals.count))
        if d.signals.isEmpty { doc.text(Text.tr("detail.none_open"), .dim) }
        for s in d.signals {
            doc.line(.t(SignalWords.name(s.kind), .riskHigh, 18), .t(s.evidence), .t(s.status == .snoozed ? Text.tr("detail.snoozed_until", f.day(s.snoozedUntil)) : "", .dim))
        }
        let open = d.complaints.filter(\.isOpen).count
        doc.section(Text.tr("detail.complaints", d.complaints.count, open))
        if d.complaints.isEmpty { doc.text(Text.tr("detail.none"), .dim) }
        for c in d.complaints {
            let state = c.resolvedOn.map { Text.tr("detail.resolved", f.day($0)) } ?? Text.tr("detail.open_caps")
            doc.line(.t(f.day(c.openedOn), .dim, 10), .t(Words.complaint(c.category), .dim, 9), .t(state, c.isOpen ? .riskHigh : .success, 19),
                     .t(c.text + (c.goodwill.map { Text.tr("detail.goodwill", f.moneyCents($0)) } ?? "")))
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }

    func padding(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
