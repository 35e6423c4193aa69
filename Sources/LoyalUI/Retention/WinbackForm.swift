import LoyalCore
import LoyalStore
import LoyalTerminal

/// The win-back case of a lost customer: how to approach him, what to offer (and
/// whether it fits why he left), the conditions for his return, the follow-up and
/// the outcome — scored live by the configured matrix.
enum WinbackForm {
    static let judgementKeys = ["effort", "referral", "payment", "growth_market"]

    static func make(_ lost: LostRow, env: Environment) -> FormScreen {
        let w = lost.winback
        let judgements = parse(w?.judgements ?? "")
        var form = FormScreen(title: Text.tr("winback.form_title", lost.number, lost.name), purpose: .winback(lost), fields: [
            FormField("approach", Text.tr("winback.approach"), .choice(WinbackApproach.all), value: w?.approach.ifEmpty("call") ?? "call").showing { Text.tr("approach.\($0)") },
            FormField("offer", Text.tr("winback.offer_type"), .choice(["", "financial", "emotional", "material"]), value: w?.offerType?.rawValue ?? "").showing { Words.named("offer_type", $0) },
            FormField("conditions", Text.tr("winback.conditions"), .text, value: w?.conditions ?? ""),
            FormField("follow_up", Text.tr("glossary.follow_up"), .day, value: (w?.followUpOn ?? env.store.nextWorkingDay(
                onOrAfter: env.today.adding(days: 7), customerID: lost.id, settings: env.settings)).german),
            FormField("effort", Text.tr("winback.effort"), .choice(["", "1", "2", "3", "4", "5"]), value: judgements["effort"].map(String.init) ?? ""),
            FormField("referral", Text.tr("winback.referral"), .choice(["", "1", "2", "3", "4", "5"]), value: judgements["referral"].map(String.init) ?? ""),
            FormField("payment", Text.tr("winback.payment"), .choice(["", "1", "2", "3", "4", "5"]), value: judgements["payment"].map(String.init) ?? ""),
            FormField("growth_market", Text.tr("winback.growth"), .choice(["", "1", "2", "3", "4", "5"]), value: judgements["growth_market"].map(String.init) ?? ""),
            FormField("outcome", Text.tr("winback.outcome"), .choice(WinbackOutcome.allCases.map(\.rawValue)), value: w?.outcome.rawValue ?? "open").showing { Words.named("outcome", $0) },
        ])
        form.info = { form in lines(form, lost: lost, env: env) }
        return form
    }

    static func parse(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in text.split(separator: " ") {
            let kv = part.split(separator: "=")
            if kv.count == 2, let v = Int(kv[1]) { out[String(kv[0])] = v }
        }
        return out
    }

    static func score(_ form: FormScreen, lost: LostRow, env: Environment) -> WinbackScore {
        func j(_ key: String) -> Int? { Int(form.value(key)) }
        return env.settings.retention.winback.score(
            WinbackInputs(revenue: lost.revenueBrought, margin: lost.marginBrought, effort: j("effort"), referral: j("referral"),
                          payment: j("payment"), growthMarket: j("growth_market"), accountClass: lost.customerClass),
            format: EvidenceFormat(env.display))
    }

    /// The live score and the fit of the offer to the reason for leaving.
    static func lines(_ form: FormScreen, lost: LostRow, env: Environment) -> [(text: String, role: StyleRole)] {
        let s = score(form, lost: lost, env: env)
        var out: [(String, StyleRole)] = [
            (Text.tr("winback.score", s.total, s.maxTotal, s.scoreClass.name, s.scoreClass.effort), .header),
        ]
        if let reason = lost.reason {
            let side = reason.isCompanyRelated ? Text.tr("winback.our_side") : Text.tr("winback.their_side")
            out.append((Text.tr("winback.left_because", Words.lostReason(reason), side), .normal))
            if let offer = WinbackOfferType(rawValue: form.value("offer")), let warning = OfferFit.check(offer, reason: reason).warning {
                out.append(("⚠ " + warning, .warning))
            } else if form.value("offer").isEmpty {
                out.append((Text.tr("winback.offers_fit") + OfferFit.fitting(reason).map(Words.offerType).joined(separator: ", ").ifEmpty(Text.tr("detail.none")), .dim))
            }
        }
        // The points per criterion last: on a small terminal they are what is cut, not the warning.
        out.append(("  " + s.lines.map { "\($0.criterion.label) \($0.weighted)" }.joined(separator: " · "), .dim))
        if !s.assumed.isEmpty {
            out.append((Text.tr("winback.assumed") + s.assumed.map(\.label).joined(separator: ", "), .dim))
        }
        return out
    }

    static func action(_ form: FormScreen, lost: LostRow, env: Environment) -> TriageAction {
        let s = score(form, lost: lost, env: env)
        let judgements = judgementKeys.compactMap { k in Int(form.value(k)).map { "\(k)=\($0)" } }.joined(separator: " ")
        let outcome = WinbackOutcome(rawValue: form.value("outcome")) ?? .open
        var w = lost.winback ?? WinbackCase(customerID: lost.id, openedOn: env.today, reason: lost.reason ?? .other)
        w.score = s.total; w.scoreClass = s.scoreClass.name; w.approach = form.value("approach")
        w.offerType = WinbackOfferType(rawValue: form.value("offer")); w.conditions = form.value("conditions")
        w.followUpOn = Day(typed: form.value("follow_up"), today: env.today, pastBias: false)
        w.outcome = outcome; w.judgements = judgements
        w.closedOn = outcome == .open ? nil : (w.closedOn ?? env.today)
        return w.id == nil ? .openWinback(w) : .updateWinback(w)
    }
}
