/// Early warning and win-back as configured (`[[signals]]`, `[risk]`, `[playbooks.KIND]`,
/// `[winback]` in config.toml).
public struct RetentionSettings: Hashable, Sendable {
    /// In the order the panel lists them; kinds are unique.
    public var signals: [SignalRule]
    public var risk: RiskSettings
    /// At most one per signal kind.
    public var playbooks: [Playbook]
    public var winback: WinbackMatrix

    public init(signals: [SignalRule] = SignalRule.defaults, risk: RiskSettings = RiskSettings(),
                playbooks: [Playbook] = Playbook.defaults, winback: WinbackMatrix = .defaults) {
        self.signals = signals; self.risk = risk; self.playbooks = playbooks; self.winback = winback
    }

    public func playbook(for kind: String) -> Playbook? { Playbook.find(kind, in: playbooks) }
}
