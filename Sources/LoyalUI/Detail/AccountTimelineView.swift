import LoyalCore
import LoyalStore
import LoyalTerminal

/// The interaction and feedback timeline and the purchase list of an account.
enum AccountTimelineView {
    /// The kind column fits the longest kind in the language shown ("Veranstaltung").
    static var kindWidth: Int { InteractionKind.allCases.map { TextWidth.columns(of: Words.interaction($0)) }.max() ?? 6 }
    /// Notes and feedback start under the subject: day, kind and rep columns with their gaps.
    static var indent: Int { 10 + 1 + kindWidth + 1 + 3 }

    static func timeline(_ d: AccountDetail, _ doc: inout Document, _ f: Format, width: Int) {
        doc.section(Text.tr("detail.interactions", d.timeline.count))
        if d.timeline.isEmpty { doc.text(Text.tr("detail.no_contact"), .dim) }
        let names = Dictionary(d.contacts.compactMap { p in p.id.map { ($0, p.fullName) } }, uniquingKeysWith: { a, _ in a })
        for (i, fb, rep) in d.timeline {
            let who = i.contactPersonIDs.compactMap { names[$0] }.joined(separator: ", ")
            doc.line(.t(f.day(i.day), .normal, 10), .t(Words.interaction(i.kind), .header, kindWidth), .t(rep ?? "", .dim, 3),
                     .t([i.subject, who].filter { !$0.isEmpty }.joined(separator: " · ")))
            for line in i.notes.split(separator: "\n") { doc.line(.t("", .normal, indent), .t(String(line), .dim)) }
            if let fb { feedbackLine(fb, &doc, f) }
        }
    }

    static func feedbackLine(_ fb: Feedback, _ doc: inout Document, _ f: Format) {
        var parts: [Document.Span] = [.t("", .normal, indent)]
        if let nps = fb.nps {
            parts.append(.t("NPS \(nps)", nps <= 6 ? .riskHigh : nps >= 9 ? .success : .normal))
        }
        if let v = fb.csat { parts.append(.t("CSAT \(v)/5", v <= 2 ? .riskHigh : .normal)) }
        if let v = fb.ces { parts.append(.t("CES \(v)/7", v >= 5 ? .riskMedium : .normal)) }
        if let v = fb.repSentiment { parts.append(.t(Text.tr("detail.rep_sentiment", v), v <= 2 ? .riskMedium : .dim)) }
        if fb.pricePressure { parts.append(.t(Text.tr("detail.price_pressure"), .warning)) }
        if !fb.competitor.isEmpty { parts.append(.t(Text.tr("detail.competitor", fb.competitor), .warning)) }
        if !fb.crossSellCategory.isEmpty { parts.append(.t(Text.tr("detail.interest", fb.crossSellCategory), .success)) }
        if parts.count > 1 { doc.line(parts) }
        if !fb.nextStep.isEmpty || fb.followUpOn != nil {
            doc.line(.t("", .normal, indent), .t(Text.tr("detail.next", fb.nextStep.ifEmpty(Text.tr("detail.follow_up_default"))) + (fb.followUpOn.map { Text.tr("detail.by_day", f.day($0)) } ?? ""), .dim))
        }
    }

    static func purchases(_ d: AccountDetail, _ doc: inout Document, _ f: Format) {
        doc.section(Text.tr("detail.purchases_latest", d.recentPurchases.count, d.purchaseCount))
        if d.recentPurchases.isEmpty { doc.text(Text.tr("detail.no_purchases"), .dim) }
        for (p, product, category) in d.recentPurchases {
            let discount = p.discount.map { $0.cents > 0 ? "−\(f.money($0))" : "" } ?? ""
            doc.line(.t(f.day(p.day), .normal, 10), .t(f.moneyCents(p.amount), .normal, 12, right: true),
                     .t("\(p.quantity)×", .dim, 4, right: true), .t(product ?? "–", .normal, 30),
                     .t(category ?? "", .dim, 20), .t(discount, .dim))
        }
    }
}
