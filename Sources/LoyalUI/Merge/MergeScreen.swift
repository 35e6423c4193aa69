import LoyalCore
import LoyalStore
import LoyalTerminal

enum MergeAction: Hashable, Sendable { case down, up, first, last, toggle, keepValue, otherValue, swap, merge, cancel }

/// The merge dialog: both records side by side, one line per field they fill differently.
/// The user picks per field whose value stays; Enter merges, Esc leaves both as they are.
/// The store computes the conflicts and does the merge; this only holds the choices.
struct MergeScreen {
    private(set) var preview: MergePreview
    /// Whose value stays, per conflicting field; unchosen ones keep the kept record's.
    /// Keyed by field, so swapping the records keeps the values the user picked.
    private(set) var choices: [String: MergePreference] = [:]
    var cursor = 0

    var title: String { Text.tr("merge.title", preview.other.label, preview.keep.label) }

    static var actions: [ActionSpec<MergeAction>] { [
        ActionSpec(.down, [.down, .char("j"), .tab], "down", Text.tr("merge.next_help")),
        ActionSpec(.up, [.up, .char("k"), .backTab], "up", Text.tr("merge.previous_help")),
        ActionSpec(.first, [.home, .char("g")], "first", Text.tr("merge.first_help")),
        ActionSpec(.last, [.end, .char("G")], "last", Text.tr("merge.last_help")),
        ActionSpec(.toggle, [.char(" "), .left, .right], Text.tr("keys.choose"), Text.tr("merge.toggle_help"), status: true),
        ActionSpec(.keepValue, [.char("1")], Text.tr("keys.left"), Text.tr("merge.keep_help")),
        ActionSpec(.otherValue, [.char("2")], Text.tr("keys.right"), Text.tr("merge.other_help")),
        ActionSpec(.swap, [.char("x")], Text.tr("keys.swap"), Text.tr("merge.swap_help"),
                   status: true),
        ActionSpec(.merge, [.enter], Text.tr("keys.merge"), Text.tr("merge.merge_help"), status: true),
        ActionSpec(.cancel, [.escape], Text.tr("keys.cancel"), Text.tr("merge.cancel_help"), status: true),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("merge.help_title"), actions) }
    var keyHelp: KeyHelp { Self.keyHelp }

    init(keep: Int64, other: Int64, kind: MergeKind, env: Environment) throws {
        preview = try Self.preview(kind, keep: keep, other: other, env)
    }

    /// The dialog for merging `other` into `keep`, or why it cannot open.
    static func open(keep: Int64, other: Int64, kind: MergeKind, env: Environment) -> ScreenEffect {
        do {
            return .push(try MergeScreen(keep: keep, other: other, kind: kind, env: env))
        } catch {
            return .message(Text.tr("merge.cannot_merge", StoreError.message(for: error)), .error)
        }
    }

    private static func preview(_ kind: MergeKind, keep: Int64, other: Int64, _ env: Environment) throws -> MergePreview {
        kind == .customer ? try env.store.customerMergePreview(keep: keep, other: other)
            : try env.store.contactMergePreview(keep: keep, other: other)
    }

    func chosen(_ field: String) -> MergePreference { choices[field] ?? .keep }

    mutating func handle(_ key: Key, env: Environment) -> ScreenEffect? {
        guard let action: MergeAction = Self.actions.action(for: key) else { return nil }
        let field = preview.conflicts.indices.contains(cursor) ? preview.conflicts[cursor].field : nil
        switch action {
        case .down: cursor = min(max(0, preview.conflicts.count - 1), cursor + 1)
        case .up: cursor = max(0, cursor - 1)
        case .first: cursor = 0
        case .last: cursor = max(0, preview.conflicts.count - 1)
        case .toggle: if let field { choices[field] = chosen(field) == .keep ? .other : .keep }
        case .keepValue: if let field { choices[field] = .keep }
        case .otherValue: if let field { choices[field] = .other }
        case .swap:
            do {
                let swapped = try Self.preview(preview.kind, keep: preview.other.id, other: preview.keep.id, env)
                // The same value stays: what was the other's is now the kept one's, and back.
                choices = Dictionary(uniqueKeysWithValues: swapped.conflicts.map {
                    ($0.field, chosen($0.field) == .keep ? MergePreference.other : .keep)
                })
                preview = swapped
            } catch {
                return .message(Text.tr("merge.cannot_swap", StoreError.message(for: error)), .error)
            }
        case .merge:
            do {
                let summary = try env.store.merge(preview, choices: choices, actor: env.actor, today: env.today,
                                                  settings: env.settings)
                return .merged(MergeOutcome(preview: preview, summary: summary))
            } catch {
                return .message(Text.tr("merge.not_merged", StoreError.message(for: error)), .error)
            }
        case .cancel:
            return .both(.pop, .message(Text.tr("merge.as_they_were", preview.keep.label, preview.other.label), .info))
        }
        return .stay
    }
}

/// A merge done in the dialog, for the app to tell and to undo.
struct MergeOutcome {
    var preview: MergePreview
    var summary: MergeSummary
}

extension MergeScreen: LoyalScreen {
    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        MergeView.render(self, into: &buffer, area: area, env: context.env)
        return nil
    }
}
