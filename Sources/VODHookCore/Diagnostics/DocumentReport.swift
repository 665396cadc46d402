/// The verdict on one document: what renderers print and the tally counts.
public struct DocumentReport {
    /// The source's name as printed: a path, or "-" for standard input.
    public var source: String
    /// 1-based index of the document in its source.
    public var index: Int
    /// Source offset of the document's first byte.
    public var startOffset: Int
    /// The event whose spec the document was checked against; when none
    /// was, the EventType string it names (an unknown event), else nil.
    public var eventType: String?
    /// True when `eventType` was inferred (from the fields, or as the known
    /// name nearest a misspelt one) rather than named exactly.
    public var eventTypeInferred: Bool
    /// Findings in source order, with severities as they count (after `--strict`).
    public var diagnostics: [Diagnostic]

    public init(source: String, index: Int, startOffset: Int, eventType: String?, eventTypeInferred: Bool = false, diagnostics: [Diagnostic]) {
        self.source = source
        self.index = index
        self.startOffset = startOffset
        self.eventType = eventType
        self.eventTypeInferred = eventTypeInferred
        self.diagnostics = diagnostics
    }

    /// Valid means no finding of error severity.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}
