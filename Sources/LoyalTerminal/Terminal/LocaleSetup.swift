import CNcursesw

/// ncursesw can only draw umlauts, CJK and line characters under a UTF-8
/// locale. Over SSH LANG is often unset (locale "C", ASCII), so without
/// help every ä would come out as garbage.
enum LocaleSetup {
    /// Adopts the user's locale; if that is not UTF-8, switches only the
    /// character type category to a UTF-8 one (dates and messages keep the
    /// user's settings). Returns whether the result is UTF-8.
    static func ensureUTF8() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8(currentCodeset()) { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8(currentCodeset()) { return true }
        }
        return false
    }

    static func currentCodeset() -> String {
        guard let codeset = loyal_codeset() else { return "" }
        return String(cString: codeset)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }
}
