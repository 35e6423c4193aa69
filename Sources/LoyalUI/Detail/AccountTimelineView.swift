import LoyalCore
import LoyalStore
import LoyalTerminal

/// The interaction and feedback timeline and the purchase list of an account.
enum AccountTimelineView {
    static func timeline(_ d: AccountDetail, _ doc: inout Document, _ f: Format, width: Int) {
        doc.section("Interactions and feedback (latest \(d.timeline.count))")
        if d.timeline.isEmpty { doc.text("no contact recorded yet", .dim) }
        let names = Dictionary(d.contacts.compactMap { p in p.id.map { ($0, p.fullName) } }, uniquingKeysWith: { a, _ in a })
        for (i, fb, rep) in d.timeline {
            let who = i.contactPersonIDs.compactMap { names[$0] }.joined(separator: ", ")
            doc.line(.t(f.day(i.day), .normal, 10), .t(i.kind.rawValue, .header, 6), .t(rep ?? "", .dim, 3),
                     .t([i.subject, who].filter { !$0.isEmpty }.joined(separator: " · ")))
            for line in i.notes.split(separator: "\n") { doc.line(.t("", .normal, 21), .t(String(line), .dim)) }
            if let fb { feedbackLine(fb, &doc, f) }
        }
    }

    static func feedbackLine(_ fb: Feedback, _ doc: inout Document, _ f: Format) {
        var parts: [Document.Span] = [.t("", .normal, 21)]
        if let nps = fb.nps {
            parts.append(.t("NPS \(nps)", nps <= 6 ? .riskHigh : nps >= 9 ? .success : .normal))
        }
        if let v = fb.csat { parts.append(.t("CSAT \(v)/5", v <= 2 ? .riskHigh : .normal)) }
        if let v = fb.ces { parts.append(.t("CES \(v)/7", v >= 5 ? .riskMedium : .normal)) }
        if let v = fb.repSentiment { parts.append(.t("rep \(v)/5", v <= 2 ? .riskMedium : .dim)) }
        if fb.pricePressure { parts.append(.t("price pressure", .warning)) }
        if !fb.competitor.isEmpty { parts.append(.t("competitor: \(fb.competitor)", .warning)) }
        if !fb.crossSellCategory.isEmpty { parts.append(.t("interest: \(fb.crossSellCategory)", .success)) }
        if parts.count > 1 { doc.line(parts) }
        if !fb.nextStep.isEmpty || fb.followUpOn != nil {
            doc.line(.t("", .normal, 21), .t("next: \(fb.nextStep.ifEmpty("follow up"))" + (fb.followUpOn.map { " by \(f.day($0))" } ?? ""), .dim))
        }
    }

    static func purchases(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        doc.section("Purchases (latest \(d.recentPurchases.count) of \(d.purchaseCount))")
        if d.recentPurchases.isEmpty { doc.text("no purchases", .dim) }
        for (p, product, category) in d.recentPurchases {
            let discount = p.discount.map { $0.cents > 0 ? "−\(f.money($0))" : "" } ?? ""
            doc.line(.t(f.day(p.day), .normal, 10), .t(f.moneyCents(p.amount), .normal, 12, right: true),
                     .t("\(p.quantity)×", .dim, 4, right: true), .t(product ?? "–", .normal, 30),
                     .t(category ?? "", .dim, 20), .t(discount, .dim))
        }
    }
}
