/// The names people read for Loyal's enumerations (`job_change` → "job change" / "Jobwechsel"),
/// from the catalogue. Keys are the section plus the stored raw value, which never changes
/// with the language: JSON and CSV keep the raw values.
public enum Words {
    public static func channel(_ c: Channel) -> String { Text.tr("channel.\(c.rawValue)") }
    public static func interaction(_ k: InteractionKind) -> String { Text.tr("interaction.\(k.rawValue)") }
    public static func complaint(_ c: ComplaintCategory) -> String { Text.tr("complaint.\(c.rawValue)") }
    public static func lostReason(_ r: LostReason) -> String { Text.tr("lost_reason.\(r.rawValue)") }
    public static func stage(_ s: RetentionStage) -> String { Text.tr("stage.\(s.rawValue)") }
    public static func stageEvent(_ e: RetentionEvent) -> String { Text.tr("stage_event.\(e.rawValue)") }
    public static func signalStatus(_ s: SignalStatus) -> String { Text.tr("signal_status.\(s.rawValue)") }
    public static func entryStatus(_ s: CalendarEntryStatus) -> String { Text.tr("entry_status.\(s.rawValue)") }
    public static func entrySource(_ s: CalendarEntrySource) -> String { Text.tr("entry_source.\(s.rawValue)") }
    public static func offerType(_ o: WinbackOfferType) -> String { Text.tr("offer_type.\(o.rawValue)") }
    public static func outcome(_ o: WinbackOutcome) -> String { Text.tr("outcome.\(o.rawValue)") }
    public static func customerClass(_ c: CustomerClass) -> String { Text.tr("glossary.class_\(c.rawValue.lowercased())") }

    /// A raw value shown as a word when the catalogue has it (a channel typed in a form),
    /// else as typed: values a team configures itself are theirs.
    public static func named(_ section: String, _ raw: String) -> String {
        let key = section + "." + raw
        return Text.has(key) ? Text.tr(key) : raw
    }
}
