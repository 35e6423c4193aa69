import LoyalCore

/// Every English word the CLI's tables show, in one place, so a later catalogue can translate
/// them. JSON keys and CSV headers are not here: they stay stable English for scripts.
enum Heading {
    static let number = "NUMBER", name = "NAME", city = "CITY", classShort = "CL", value = "VALUE"
    static let revenue12m = "REVENUE 12M", lastBuy = "LAST BUY", risk = "RISK", rep = "REP"
    static let when = "WHEN", channel = "CHANNEL", customer = "CUSTOMER", what = "WHAT", note = "NOTE"
    static let due = "DUE", window = "WINDOW", atStake = "AT STAKE", stage = "STAGE", signal = "SIGNAL"
    static let evidence = "EVIDENCE", lostOn = "LOST ON", reason = "REASON", revenueBrought = "REVENUE BROUGHT"
    static let status = "STATUS", id = "ID", from = "FROM", to = "TO", days = "DAYS", contact = "CONTACT"
    static let email = "E-MAIL", address = "ADDRESS", consent = "CONSENT", x = "X", recency = "RECENCY", t = "T"
    static let expected = "EXPECTED", pAlive = "P(ALIVE)", spend = "SPEND"
    static let a = "A", b = "B", c = "C", previous12m = "12M BEFORE", trend = "TREND", atRisk = "AT RISK"
    static let open = "OPEN", overdue = "OVERDUE", visits = "VISITS", planned = "PLANNED", calls = "CALLS"
    static let nps = "NPS", before = "BEFORE", change = "CHANGE", answers = "ANSWERS", satisfaction = "SAT"
    static let lost = "LOST", wonBack = "WON BACK"
}

/// Words inside table cells.
enum OutputWords {
    static let yes = "yes"
    static let today = "TODAY"
    static let overdue = "OVERDUE"

    /// A channel as people read it in a table; JSON and CSV write the stored spelling
    /// (`Channel.rawValue`: visit, phone, email …), the same word, only readable.
    static func channel(_ c: Channel) -> String {
        switch c {
        case .visit: return "Visit"
        case .phone: return "Phone"
        case .email: return "E-mail"
        case .letter: return "Letter"
        case .newsletter: return "Newsletter"
        case .sms: return "SMS"
        case .social: return "Social"
        }
    }
}
