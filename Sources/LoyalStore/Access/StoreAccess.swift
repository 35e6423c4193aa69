/// What a command means to do with the database; decides whether a missing file is
/// created and whether a file Loyal cannot write is acceptable.
public enum StoreAccess: Sendable {
    /// Read commands (lists, reports, exports): a missing file is an error, never created;
    /// a file Loyal may not write is opened read-only.
    case read
    /// Commands that change an existing database (feedback add): a missing or
    /// read-only file is refused before anything is done.
    case write
    /// Commands that may start a database (demo, import, refresh, the interface).
    case create
}

/// How long a Loyal waits for another Loyal's write before giving up.
public enum BusyTimeout {
    public static let defaultSeconds: Double = 5
    public static let accepted: ClosedRange<Double> = 0...3600
}
