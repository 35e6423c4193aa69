import LoyalCore
import LoyalStore
import LoyalTerminal

enum CaseAction: Hashable, Sendable { case snoozeOne, dismissOne }

/// One customer at risk: why (the typical customer's risk and each factor's points), since when and where the
/// case stands (stages with days), and every signal with its evidence.
struct RiskCaseScreen: ListScreen {
    let customerID: Int64
    var summary: CustomerSummary
    var detail: RiskDetail
    /// The signals, the list the cursor moves over.
    var list: PagedList<ArraySource<ChurnSignal>>
    var cursor: Int { list.cursor }

    static var ownActions: [ActionSpec<CaseAction>] { [
        ActionSpec(.snoozeOne, [.char("z")], Text.tr("keys.snooze"), Text.tr("case.snooze_help"), status: true),
        ActionSpec(.dismissOne, [.char("d")], Text.tr("keys.dismiss"), Text.tr("case.dismiss_help"), status: true),
    ] }

    /// The panel's actions that act on the whole customer here too.
    static var sharedActions: [ActionSpec<PanelAction>] { EarlyWarningScreen.actions.filter {
        [.account, .assign, .schedule, .playbook, .lost, .undo].contains($0.action)
    } }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("case.help_title"),
                                 entries: KeyHelp(title: "", ListKeys.actions("signal")).entries
                                    + KeyHelp(title: "", ownActions).entries + KeyHelp(title: "", sharedActions).entries) }
    var keyHelp: KeyHelp { Self.keyHelp }
    var backEffect: ScreenEffect { .popAndReload }

    static func source(_ signals: [ChurnSignal]) -> ArraySource<ChurnSignal> {
        ArraySource(rows: signals, identify: { $0.id ?? -1 }, text: { "\(SignalWords.name($0.kind)) \($0.evidence)" })
    }

    init(customerID: Int64, env: Environment) throws {
        self.customerID = customerID
        guard let s = try env.store.customerSummary(id: customerID) else { throw StoreError.notFound(Text.tr("case.gone", customerID)) }
        summary = s
        detail = try env.store.riskDetail(customerID: customerID, asOf: env.today, settings: env.settings)
        list = try PagedList(Self.source(detail.signals))
    }

    var title: String { Text.tr("case.title", summary.name) }

    mutating func reload(_ env: Environment) throws {
        detail = try env.store.riskDetail(customerID: customerID, asOf: env.today, settings: env.settings)
        list.source = Self.source(detail.signals)
        try list.reload()
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        let label = "\(summary.number) \(summary.name)"
        if let move = ListKeys.move(for: key) {
            try list.perform(move)
            return .stay
        }
        if let action: CaseAction = Self.ownActions.action(for: key) {
            switch action {
            case .snoozeOne, .dismissOne:
                guard detail.signals.indices.contains(cursor), let id = detail.signals[cursor].id else {
                    return .message(Text.tr("case.no_signal"), .info)
                }
                return try TriageActions.effect(action == .snoozeOne ? .snooze : .dismiss, customerID: customerID,
                                                label: label, signalIDs: [id], env: env)
            }
            return .stay
        }
        guard let action: PanelAction = Self.sharedActions.action(for: key) else { return nil }
        if action == .undo { return .undoLast }
        return try TriageActions.effect(action, customerID: customerID, label: label, env: env)
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? { summary }

    func afterMerge(removed: Int64, kept: Int64, env: Environment) -> (any LoyalScreen)? {
        customerID == removed ? nil : self
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let env = context.env
        let f = Format(display: env.display)
        var doc = Document()
        let a = detail.assessment
        doc.section(Text.tr("detail.risk"))
        let bandRole: StyleRole = a.band == .red ? .riskHigh : a.band == .amber ? .riskMedium : .riskLow
        if let lost = detail.lostOn {
            doc.line(.t(Text.tr("detail.risk"), .dim, 18), .t(Text.tr("case.lost_since", f.day(lost)), .riskHigh), .t(Text.tr("case.winback_now"), .dim))
        } else {
            var trend = Text.tr("case.no_trend")
            if let last = detail.lastMonthScore {
                let d = a.score - last
                trend = d == 0 ? Text.tr("case.unchanged", last)
                    : d > 0 ? Text.tr("case.up", d, last) : Text.tr("case.down", -d, last)
            }
            doc.line(.t(Text.tr("detail.risk"), .dim, 18), .t("\(a.score) % · \(Text.tr("band.\(a.band.rawValue)"))", bandRole), .t(" " + trend, .dim))
            doc.field(Text.tr("case.means"), Text.tr("case.chance", a.score, detail.horizonDays))
            let source = detail.modelFitted ? Text.tr("case.learnt") : Text.tr("case.prior")
            doc.line(.t(Text.tr("case.typical"), .dim, 18), .t("\(Int((a.base * 100).rounded())) %"), .t(" " + source, .dim))
            for factor in a.factors {
                let name = factor.judgement.map { "\(factor.name) \($0)/5" } ?? SignalWords.name(factor.name)
                let points = (factor.points < 0 ? "−" : "+") + Text.tr("case.points", abs(factor.points))
                doc.line(.t("", .dim, 18), .t(points + "  " + name, factor.points > 0 ? .riskMedium : .success))
            }
        }
        doc.section(Text.tr("case.stage"))
        if let current = detail.stages.current {
            doc.field(Text.tr("case.now"), Text.tr("case.for_days", current.label, detail.stages.daysInCurrentStage(asOf: env.today)))
            for entry in detail.stages.entries {
                doc.line(.t("", .dim, 18), .t(f.day(entry.since), .dim, 10), .t(entry.stage.label, .normal, 14),
                         .t(Text.tr("case.days_in_all", detail.stages.days(in: entry.stage, asOf: env.today)), .dim))
            }
        } else {
            doc.text(Text.tr("case.not_at_risk"), .dim)
        }
        doc.section(Text.tr("case.signals", detail.signals.count))
        let signalLine = doc.lines.count
        for s in detail.signals {
            let state = s.status == .snoozed ? Text.tr("case.snoozed", f.day(s.snoozedUntil), s.reason) : Text.tr("case.open_since", f.day(s.openedOn))
            doc.line(.t(SignalWords.name(s.kind), .riskHigh, 24), .t(state, .dim))
            doc.line(.t("", .normal, 24), .t(s.evidence))
        }
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, "\(summary.number) · \(summary.name) · \(summary.city)", role: .title,
                   maxWidth: area.width - 2)
        // Scroll just enough to keep the selected signal and its evidence on screen.
        let wanted = signalLine + cursor * 2 + 2
        let top = max(0, wanted - body.height)
        doc.draw(into: &buffer, area: body, top: top)
        let row = body.row + signalLine + cursor * 2 - top
        if detail.signals.indices.contains(cursor), row < body.bottom {
            buffer.put(row: row, col: area.col, "›", role: .helpKey)
            buffer.put(row: row, col: area.col + 1, SignalWords.name(detail.signals[cursor].kind), role: .selected, maxWidth: 23)
        }
        return nil
    }
}
