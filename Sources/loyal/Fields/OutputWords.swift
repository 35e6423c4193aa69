import LoyalCore

/// Every word the CLI's tables show, from the catalogue (`cli_heading`, `cli_word`).
/// JSON keys and CSV headers are not here: they stay stable English for scripts.
enum Heading {
    static var number: String { Text.tr("cli_heading.number") }
    static var name: String { Text.tr("cli_heading.name") }
    static var city: String { Text.tr("cli_heading.city") }
    static var classShort: String { Text.tr("cli_heading.class_short") }
    static var value: String { Text.tr("cli_heading.value") }
    static var revenue12m: String { Text.tr("cli_heading.revenue_12m") }
    static var lastBuy: String { Text.tr("cli_heading.last_buy") }
    static var risk: String { Text.tr("cli_heading.risk") }
    static var rep: String { Text.tr("cli_heading.rep") }
    static var when: String { Text.tr("cli_heading.when") }
    static var channel: String { Text.tr("cli_heading.channel") }
    static var customer: String { Text.tr("cli_heading.customer") }
    static var what: String { Text.tr("cli_heading.what") }
    static var note: String { Text.tr("cli_heading.note") }
    static var due: String { Text.tr("cli_heading.due") }
    static var window: String { Text.tr("cli_heading.window") }
    static var atStake: String { Text.tr("cli_heading.at_stake") }
    static var stage: String { Text.tr("cli_heading.stage") }
    static var signal: String { Text.tr("cli_heading.signal") }
    static var evidence: String { Text.tr("cli_heading.evidence") }
    static var lostOn: String { Text.tr("cli_heading.lost_on") }
    static var reason: String { Text.tr("cli_heading.reason") }
    static var revenueBrought: String { Text.tr("cli_heading.revenue_brought") }
    static var status: String { Text.tr("cli_heading.status") }
    static var id: String { Text.tr("cli_heading.id") }
    static var from: String { Text.tr("cli_heading.from") }
    static var to: String { Text.tr("cli_heading.to") }
    static var days: String { Text.tr("cli_heading.days") }
    static var contact: String { Text.tr("cli_heading.contact") }
    static var email: String { Text.tr("cli_heading.email") }
    static var address: String { Text.tr("cli_heading.address") }
    static var consent: String { Text.tr("cli_heading.consent") }
    static var x: String { Text.tr("cli_heading.x") }
    static var recency: String { Text.tr("cli_heading.recency") }
    static var t: String { Text.tr("cli_heading.t") }
    static var expected: String { Text.tr("cli_heading.expected") }
    static var pAlive: String { Text.tr("cli_heading.p_alive") }
    static var spend: String { Text.tr("cli_heading.spend") }
    static var a: String { Text.tr("cli_heading.a") }
    static var b: String { Text.tr("cli_heading.b") }
    static var c: String { Text.tr("cli_heading.c") }
    static var previous12m: String { Text.tr("cli_heading.previous_12m") }
    static var trend: String { Text.tr("cli_heading.trend") }
    static var atRisk: String { Text.tr("cli_heading.at_risk") }
    static var open: String { Text.tr("cli_heading.open") }
    static var overdue: String { Text.tr("cli_heading.overdue") }
    static var visits: String { Text.tr("cli_heading.visits") }
    static var planned: String { Text.tr("cli_heading.planned") }
    static var calls: String { Text.tr("cli_heading.calls") }
    static var nps: String { Text.tr("cli_heading.nps") }
    static var before: String { Text.tr("cli_heading.before") }
    static var change: String { Text.tr("cli_heading.change") }
    static var answers: String { Text.tr("cli_heading.answers") }
    static var satisfaction: String { Text.tr("cli_heading.satisfaction") }
    static var lost: String { Text.tr("cli_heading.lost") }
    static var wonBack: String { Text.tr("cli_heading.won_back") }
}

/// Words inside table cells.
enum OutputWords {
    static var yes: String { Text.tr("cli_word.yes") }
    static var today: String { Text.tr("cli_word.today") }
    static var overdue: String { Text.tr("cli_word.overdue") }

    /// A channel as people read it in a table; JSON and CSV write the stored spelling
    /// (`Channel.rawValue`: visit, phone, email …), the same word, only readable.
    static func channel(_ c: Channel) -> String {
        switch c {
        case .visit: return Text.tr("cli_word.channel_visit")
        case .phone: return Text.tr("cli_word.channel_phone")
        case .email: return Text.tr("cli_word.channel_email")
        case .letter: return Text.tr("cli_word.channel_letter")
        case .newsletter: return Text.tr("cli_word.channel_newsletter")
        case .sms: return Text.tr("cli_word.channel_sms")
        case .social: return Text.tr("cli_word.channel_social")
        }
    }
}
