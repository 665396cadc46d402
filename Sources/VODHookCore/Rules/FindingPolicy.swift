/// What a user's configuration does to the findings the reader and the
/// rules made: rules turned off or given another severity, fields allowed
/// per EventType, and `--strict`. A layer over the findings, so the rules
/// themselves stay the same whatever the configuration says.
public struct FindingPolicy: Sendable, Hashable {
    /// Rules given another severity than the catalog's.
    public var severities: [RuleID: Severity] = [:]
    /// Rules whose findings are dropped.
    public var disabled: Set<RuleID> = []
    /// Per EventType, field names that are not `unknown-field`.
    public var allowedFields: [String: Set<String>] = [:]
    /// Warnings count as errors, after the severities above.
    public var strict = false

    public init(severities: [RuleID: Severity] = [:], disabled: Set<RuleID> = [], allowedFields: [String: Set<String>] = [:], strict: Bool = false) {
        self.severities = severities
        self.disabled = disabled
        self.allowedFields = allowedFields
        self.strict = strict
    }

    /// True when applying the policy changes nothing, which is every run without configuration.
    public var isNeutral: Bool { severities.isEmpty && disabled.isEmpty && allowedFields.isEmpty && !strict }

    /// Applies the policy to one document's findings; returns true when a
    /// severity changed, so the findings may need sorting again (worst first
    /// at one offset).
    public func apply(to diagnostics: inout [Diagnostic], eventType: String?) -> Bool {
        if isNeutral || diagnostics.isEmpty { return false }
        let allowed = eventType.flatMap { allowedFields[$0] }
        if !disabled.isEmpty || allowed != nil {
            diagnostics.removeAll { diagnostic in
                if disabled.contains(diagnostic.rule) { return true }
                guard let allowed, diagnostic.rule == .unknownField else { return false }
                return allowed.contains(Self.lastToken(of: diagnostic.pointer))
            }
        }
        var changed = false
        for index in diagnostics.indices {
            var severity = severities[diagnostics[index].rule] ?? diagnostics[index].severity
            if strict && severity == .warning { severity = .error }
            if severity != diagnostics[index].severity {
                diagnostics[index].severity = severity
                changed = true
            }
        }
        return changed
    }

    /// The member name a pointer ends in, unescaped (RFC 6901): "/3/App~1Id" gives "App/Id".
    static func lastToken(of pointer: String) -> String {
        guard let slash = pointer.lastIndex(of: "/") else { return pointer }
        let token = pointer[pointer.index(after: slash)...]
        guard token.contains("~") else { return String(token) }
        return String(token).replacing("~1", with: "/").replacing("~0", with: "~")
    }
}
