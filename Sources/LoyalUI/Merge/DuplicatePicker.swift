import LoyalCore
import LoyalStore
import LoyalTerminal

/// "Likely duplicates": what the finder proposes for the record `m` was pressed on, with
/// score and reasons, and a way out for a duplicate it cannot see (mark, then `m` on it).
enum DuplicatePicker {
    static func make(for subject: MergeSubject, _ pairs: [DuplicatePair]) -> Picker {
        // Names cleaned before they are measured, so a control character cannot skew the columns.
        let names = pairs.map { Sanitizer.cleanPrefix($0.b.name, columns: 32) }
        let nameWidth = min(32, names.map { TextWidth.columns(of: $0) }.max() ?? 0)
        let labelWidth = min(16, pairs.map { TextWidth.columns(of: Sanitizer.cleanPrefix($0.b.label, columns: 16)) }.max() ?? 0)
        let items = zip(pairs, names).map { pair, name in
            TextWidth.pad(Sanitizer.cleanPrefix(pair.b.label, columns: 16), to: labelWidth) + "  "
                + TextWidth.pad(name, to: nameWidth) + "  " + TextWidth.pad(String(pair.score), to: 3, alignment: .right)
                + "  " + pair.reasons.joined(separator: ", ")
        }
        let other = Text.tr(subject.kind == .customer ? "merge.account" : "merge.person")
        let markItem = pairs.isEmpty ? Text.tr("merge.none_found", subject.label, other)
            : Text.tr("merge.another", other, subject.label)
        return Picker(title: Text.tr("merge.duplicates_of", subject.name), items: items + [markItem],
                      selected: 0,
                      choices: pairs.map { .effect(.openMerge(keep: subject.id, other: $0.b.id, kind: subject.kind)) }
                        + [.effect(.markForMerge(subject))])
    }
}
