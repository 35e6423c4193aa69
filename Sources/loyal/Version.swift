/// What `loyal --version` prints. A constant rather than `git describe`, so a binary built
/// from a source archive (no .git) says the same as one built from the tag; raise it
/// with each release tag (`v` + this).
enum LoyalVersion {
    static let current = "0.12.0"
}
