/// What a piece of text *is* on screen. Screens only ever name roles; a theme
/// file decides what each role looks like. Raw values are the keys used in
/// theme files.
public enum StyleRole: String, CaseIterable, Sendable, Codable {
    case normal
    case dim
    case title
    case header
    case tabActive = "tab_active"
    case tabInactive = "tab_inactive"
    case statusBar = "status_bar"
    case statusKey = "status_key"
    case selected
    case border
    case popup
    case classA = "class_a"
    case classB = "class_b"
    case classC = "class_c"
    case riskHigh = "risk_high"
    case riskMedium = "risk_medium"
    case riskLow = "risk_low"
    case overdue
    case trendUp = "trend_up"
    case trendDown = "trend_down"
    case error
    case warning
    case success
    case chart
    case searchMatch = "search_match"
    case inputField = "input_field"
    case inputFocused = "input_focused"
    case helpKey = "help_key"
    case blocked
    case done
}
