import LoyalCore
import LoyalStore
import LoyalTerminal

/// The triage actions shared by the panel and the case screen.
enum TriageActions {
    static func effect(_ action: PanelAction, customerID: Int64, label: String, signalIDs: [Int64]? = nil,
                       env: Environment) throws -> ScreenEffect {
        // The open signals, read only by the actions that act on them.
        func open() throws -> [Int64] {
            try signalIDs ?? env.store.activeSignals(customerID: customerID).filter { $0.status == .open }.compactMap(\.id)
        }
        switch action {
        case .open:
            return .push(try RiskCaseScreen(customerID: customerID, env: env))
        case .account:
            return .push(try AccountDetailScreen(customerID: customerID, env: env))
        case .assign:
            let reps = (try? env.store.reps()) ?? []
            return .overlay(.picker(Picker(title: Text.tr("triage.assign_to"), items: TriagePickers.repItems(reps), selected: 0,
                                           choices: reps.map { .effect(.runTriage(.assign(customerID: customerID, repCode: $0.code))) })))
        case .playbook:
            let kinds = try env.store.activeSignals(customerID: customerID).map(\.kind)
            let available = kinds.filter { env.settings.retention.playbook(for: $0) != nil }
            guard !available.isEmpty else { return .message(Text.tr("triage.no_playbook"), .warning) }
            let items = available.map { kind -> String in
                let steps = env.settings.retention.playbook(for: kind)!.steps
                return "\(SignalWords.name(kind)): " + steps.map { Text.tr("triage.step", Text.tr("approach.\($0.channel.rawValue)"), $0.afterDays) }.joined(separator: ", ")
            }
            return .overlay(.picker(Picker(title: Text.tr("triage.apply_playbook"), items: items, selected: 0,
                                           choices: available.map { .effect(.runTriage(.applyPlaybook(customerID: customerID, kind: $0))) })))
        case .schedule:
            return .push(TriageForms.schedule(customerID: customerID, label: label, env: env))
        case .snooze:
            let open = try open()
            guard !open.isEmpty else { return .message(Text.tr("triage.nothing_snooze"), .info) }
            return .push(TriageForms.snooze(signalIDs: open, label: label, env: env))
        case .dismiss:
            let open = try open()
            guard !open.isEmpty else { return .message(Text.tr("triage.nothing_dismiss"), .info) }
            return .push(TriageForms.dismiss(signalIDs: open, label: label))
        case .lost:
            return .push(TriageForms.lost(customerID: customerID, label: label, env: env))
        default:
            return .stay
        }
    }

    /// Runs an action now and remembers how to undo it.
    static func run(_ action: TriageAction, env: Environment) -> ScreenEffect {
        do {
            let undo = try env.store.triage(action, actor: env.actor, today: env.today, settings: env.settings)
            return .undoable(undo)
        } catch {
            return .message(Text.tr("calendar.not_done", StoreError.message(for: error)), .error)
        }
    }
}

enum TriagePickers {
    /// "CODE  Name" per rep, alphabetical by name as the store gives them.
    static func repItems(_ reps: [Rep]) -> [String] { reps.map { "\($0.code)  \($0.name)" } }

    /// Every list's rep filter: Text.tr("triage.all_reps"), then the reps; answers `.rep(code)`.
    static func rep(current: String?, title: String = Text.tr("triage.show_customers_of"), env: Environment) -> Picker {
        let reps = (try? env.store.reps()) ?? []
        let selected = reps.firstIndex { $0.code == current }.map { $0 + 1 } ?? 0
        return Picker(title: title, items: [Text.tr("triage.all_reps")] + repItems(reps), selected: selected,
                      choices: [.rep(nil)] + reps.map { .rep($0.code) })
    }

    /// The early-warning kind filter; answers `.signalKind(kind)`.
    static func kind(current: String?, env: Environment) -> Picker {
        let kinds = (try? env.store.openSignalKinds()) ?? []
        let items = [Text.tr("triage.every_kind")] + kinds.map { "\(SignalWords.name($0.kind)) (\($0.count))" }
        let selected = kinds.firstIndex { $0.kind == current }.map { $0 + 1 } ?? 0
        return Picker(title: Text.tr("triage.show_with"), items: items, selected: selected,
                      choices: [.signalKind(nil)] + kinds.map { .signalKind($0.kind) })
    }
}
