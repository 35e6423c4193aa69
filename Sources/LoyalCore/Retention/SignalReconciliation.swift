/// What to change in one customer's stored signals after a run of the rules.
///
/// The evidence key is what makes dismissing stick: a signal dismissed for a key is not
/// raised again while the rule keeps finding the same key, but a new key (new facts) raises it anew.
public struct SignalReconciliation: Hashable, Sendable {
    public struct Refresh: Hashable, Sendable {
        /// The open or snoozed signal to update; it keeps its status, snooze and assignment.
        public var signal: ChurnSignal
        public var finding: SignalFinding
    }

    /// Findings to store as new open signals.
    public var open: [SignalFinding] = []
    /// Open or snoozed signals whose rule still fires but with other evidence, key or weight.
    public var refresh: [Refresh] = []
    /// Open or snoozed signals whose rule no longer fires (or no longer exists): resolve them.
    public var resolve: [ChurnSignal] = []

    public init() {}

    /// - Parameters:
    ///   - existing: the customer's stored signals, any status (dismissed ones matter).
    ///   - findings: this run's findings for the customer (`EarlyWarning.findings`).
    public static func reconcile(existing: [ChurnSignal], findings: [SignalFinding]) -> SignalReconciliation {
        var r = SignalReconciliation()
        func isActive(_ s: ChurnSignal) -> Bool { s.status == .open || s.status == .snoozed }
        for finding in findings {
            if let active = existing.first(where: { isActive($0) && $0.kind == finding.kind }) {
                if active.evidenceKey != finding.evidenceKey || (active.storedEvidence ?? active.evidence) != finding.storedEvidence
                    || active.weight != finding.weight {
                    r.refresh.append(Refresh(signal: active, finding: finding))
                }
            } else if !existing.contains(where: {
                $0.status == .dismissed && $0.kind == finding.kind && $0.evidenceKey == finding.evidenceKey
            }) {
                r.open.append(finding)
            }
        }
        for s in existing where isActive(s) && !findings.contains(where: { $0.kind == s.kind }) {
            r.resolve.append(s)
        }
        return r
    }

    /// The findings that count towards the risk: a finding dismissed as a false alarm for
    /// the same evidence, or snoozed until a later day (and not open under its kind), does not count.
    public static func counted(existing: [ChurnSignal], findings: [SignalFinding]) -> [SignalFinding] {
        findings.filter { finding in
            existing.contains { $0.status == .open && $0.kind == finding.kind }
                || !existing.contains { s in
                    s.kind == finding.kind
                        && (s.status == .snoozed || (s.status == .dismissed && s.evidenceKey == finding.evidenceKey))
                }
        }
    }
}
