/// One finding about one document. A plain value: the reader and the rules
/// produce these, renderers print them, and one engine counts them.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var rule: RuleID
    /// A lowercase fragment without a trailing period; quotes the offending value.
    public var message: String
    /// Byte offset in the source (the capture file, for HTTP captures).
    public var offset: Int
    /// RFC 6901 pointer to the value the finding is about, within the JSON text.
    public var pointer: String
    /// A suggested fix, printed as `help: ...`.
    public var hint: String?

    public init(
        _ severity: Severity, _ rule: RuleID, _ message: String,
        offset: Int, pointer: String = "", hint: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.offset = offset
        self.pointer = pointer
        self.hint = hint
    }
}

extension Diagnostic: Comparable {
    /// Source order, worst first at one offset. Findings at the same place
    /// and severity keep the order the rules made them in (the spec's field
    /// order for missing fields), because the sort used is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.offset != rhs.offset { return lhs.offset < rhs.offset }
        return lhs.severity > rhs.severity
    }
}
