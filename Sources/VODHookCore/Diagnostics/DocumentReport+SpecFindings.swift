extension DocumentReport {
    /// Whether a rule that judges the callback's value (the spec's rules:
    /// `RuleCatalog.specRules`) found something. Findings about the bytes
    /// around the value (a byte-order mark, an HTTP capture's signature) do
    /// not count: `summary` chooses its fingerprint by this, and that choice
    /// must be the same for every document with the same normalized form.
    public var hasSpecFindings: Bool {
        !diagnostics.isEmpty && diagnostics.contains { RuleCatalog.specRuleIDs.contains($0.rule) }
    }
}

extension RuleCatalog {
    static let specRuleIDs: Set<RuleID> = Set(specRules.map(\.id))
}
