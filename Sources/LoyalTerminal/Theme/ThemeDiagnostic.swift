import LoyalTOML

/// A problem in a theme file, worded for the person who edits it, in the same form as
/// the settings file's: `themes/x.toml:7: key "roles.risk_hgh": is not a known role (…)`.
public typealias ThemeDiagnostic = TOMLError
