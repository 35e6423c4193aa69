import GRDB
import LoyalCore

/// Whose value a merge keeps, field by field. One rule for the preview the merge dialog
/// shows and for the merge itself, so the dialog never promises what the merge does not do.
enum MergeFields {
    static func isEmpty(_ v: DatabaseValue) -> Bool { v.isNull || (String.fromDatabaseValue(v) ?? "x").isEmpty }

    /// Fields where both records have a value and the values differ: the user's choice.
    static func conflicts(_ keep: Row, _ other: Row, _ fields: [String]) -> [String] {
        fields.filter { f in
            let mine = keep[f] as DatabaseValue, theirs = other[f] as DatabaseValue
            return !isEmpty(mine) && !isEmpty(theirs) && mine != theirs
        }
    }

    /// Fields empty in the kept record that the other fills: taken without asking.
    static func filled(_ keep: Row, _ other: Row, _ fields: [String]) -> [String] {
        fields.filter { isEmpty(keep[$0] as DatabaseValue) && !isEmpty(other[$0] as DatabaseValue) }
    }

    /// The fields whose value comes from the other record: those it fills, and the
    /// conflicts chosen so (`choices`), or preferred so where no choice was made.
    static func taken(_ keep: Row, _ other: Row, _ fields: [String], prefer: MergePreference,
                      choices: [String: MergePreference]) -> [String] {
        let fromOther = Set(filled(keep, other, fields))
            .union(conflicts(keep, other, fields).filter { (choices[$0] ?? prefer) == .other })
        return fields.filter(fromOther.contains)
    }

    /// Refuses choices for fields a merge does not know (a typo would otherwise be ignored).
    static func check(_ choices: [String: MergePreference], known: [String], channelTables: [String] = []) throws {
        for key in choices.keys.sorted() where !known.contains(key)
            && !channelTables.contains(where: { key.hasPrefix($0 + ".") }) {
            throw StoreError.invalid(Text.tr("store_error.merge_no_field", key))
        }
    }
}
