import LoyalStore

/// What `u` takes back: the last triage action or merge of this session, right after it.
enum UndoStep {
    case triage(TriageUndo)
    /// A merge by its undo id; the store refuses when a later merge came after it.
    case merge(id: Int64, description: String)

    var description: String {
        switch self {
        case .triage(let t): return t.description
        case .merge(_, let text): return text
        }
    }

    func run(_ env: Environment) throws {
        switch self {
        case .triage(let t): try env.store.undo(t, actor: env.actor, today: env.today, settings: env.settings)
        case .merge(let id, _): _ = try env.store.undoMerge(id: id, actor: env.actor, today: env.today, settings: env.settings)
        }
    }
}
