/// The channel a win-back follow-up takes: the approach that was chosen (a visit
/// stays a visit, so it is neither turned into a call nor blocked for lack of phone
/// consent). A survey of a lost customer is an interview on the phone.
public enum WinbackApproach {
    public static let all = ["call", "survey", "letter", "visit"]

    public static func channel(_ approach: String) -> Channel {
        switch approach.lowercased() {
        case "visit": return .visit
        case "letter": return .letter
        default: return .phone
        }
    }
}
