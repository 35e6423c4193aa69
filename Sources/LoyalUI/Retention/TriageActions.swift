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
            return .push(.riskCase(try RiskCaseScreen(customerID: customerID, env: env)))
        case .account:
            return .push(.detail(try AccountDetailScreen(customerID: customerID, env: env)))
        case .assign:
            return .overlay(.picker(TriagePickers.rep(current: nil, includeAll: false, env: env) { _, code, env in
                guard let code else { return .stay }
                return run(.assign(customerID: customerID, repCode: code), env: env)
            }))
        case .playbook:
            let kinds = try env.store.activeSignals(customerID: customerID).map(\.kind)
            let available = kinds.filter { env.settings.retention.playbook(for: $0) != nil }
            guard !available.isEmpty else { return .message("No playbook is configured for these signals", .warning) }
            let items = available.map { kind -> String in
                let steps = env.settings.retention.playbook(for: kind)!.steps
                return "\(kind): " + steps.map { "\($0.channel.rawValue) in \($0.afterDays) d" }.joined(separator: ", ")
            }
            return .overlay(.picker(Picker(title: "Apply the playbook of", items: items, selected: 0) { _, index, env in
                run(.applyPlaybook(customerID: customerID, kind: available[index]), env: env)
            }))
        case .schedule:
            return .push(.form(TriageForms.schedule(customerID: customerID, label: label, env: env)))
        case .snooze:
            let open = try open()
            guard !open.isEmpty else { return .message("Nothing open to snooze", .info) }
            return .push(.form(TriageForms.snooze(signalIDs: open, label: label, env: env)))
        case .dismiss:
            let open = try open()
            guard !open.isEmpty else { return .message("Nothing open to dismiss", .info) }
            return .push(.form(TriageForms.dismiss(signalIDs: open, label: label)))
        case .lost:
            return .push(.form(TriageForms.lost(customerID: customerID, label: label, env: env)))
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
            return .message("Not done: \(StoreError.message(for: error))", .error)
        }
    }
}

enum TriagePickers {
    /// Reps to choose from (every list's rep filter, and triage's assign); `choose` gets
    /// the code (nil for "all").
    static func rep(current: String?, includeAll: Bool = true, title: String? = nil, env: Environment,
                    choose: @escaping (inout Screen, String?, Environment) -> ScreenEffect) -> Picker {
        let reps = (try? env.store.reps()) ?? []
        let items = (includeAll ? ["All reps"] : []) + reps.map { "\($0.code)  \($0.name)" }
        let offset = includeAll ? 1 : 0
        let selected = reps.firstIndex { $0.code == current }.map { $0 + offset } ?? 0
        return Picker(title: title ?? (includeAll ? "Show customers of" : "Assign to"), items: items,
                      selected: selected) { screen, index, env in
            let code = includeAll && index == 0 ? nil : reps[index - offset].code
            return choose(&screen, code, env)
        }
    }

    static func kind(current: String?, env: Environment) -> Picker {
        let kinds = (try? env.store.openSignalKinds()) ?? []
        let items = ["Every kind"] + kinds.map { "\($0.kind) (\($0.count))" }
        let selected = kinds.firstIndex { $0.kind == current }.map { $0 + 1 } ?? 0
        return Picker(title: "Show customers with", items: items, selected: selected) { screen, index, env in
            guard case .earlyWarning(var s) = screen else { return .stay }
            s.filter.signalKind = index == 0 ? nil : kinds[index - 1].kind
            s.cursor = 0; s.top = 0
            do { try s.reload(env) } catch { return .message("\(StoreError.message(for: error))", .error) }
            screen = .earlyWarning(s)
            return .stay
        }
    }
}
