/// Signal kinds as people say them: "revenue drop" / "Umsatzrückgang", not `revenue_drop`.
/// Kinds a team configures itself read with their underscores as spaces.
public enum SignalWords {
    public static func name(_ kind: String) -> String {
        let key = "signal.\(kind)"
        return Text.has(key) ? Text.tr(key) : kind.replacing("_", with: " ")
    }
}
