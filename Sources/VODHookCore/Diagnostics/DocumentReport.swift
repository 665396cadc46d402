/// The verdict on one document: what renderers print and the tally counts.
public struct DocumentReport {
    /// The source's name as printed: a path, or "-" for standard input.
    public var source: String
    /// 1-based index of the document in its source.
    public var index: Int {
        get { indexAndInference >> 1 }
        set { indexAndInference = newValue << 1 | indexAndInference & 1 }
    }
    /// Source offset of the document's first byte.
    public var startOffset: Int
    /// The event whose spec the document was checked against; when none
    /// was, the EventType string it names (an unknown event), else nil.
    public var eventType: String?
    /// Findings in source order, with severities as they count (after `--strict`).
    public var diagnostics: [Diagnostic]
    /// True when `eventType` was inferred (from the fields, or as the known
    /// name nearest a misspelt one) rather than named exactly.
    public var eventTypeInferred: Bool {
        get { indexAndInference & 1 != 0 }
        set { indexAndInference = indexAndInference & ~1 | (newValue ? 1 : 0) }
    }
    /// `index` shifted left, with `eventTypeInferred` in the low bit. A
    /// stored Bool made the report a word longer, and every copy of it (a
    /// few a document) an outlined one: ~110 instructions a document, 1.7%
    /// of `check --quiet` (callgrind, 20,000 documents).
    private var indexAndInference: Int

    public init(source: String, index: Int, startOffset: Int, eventType: String?, eventTypeInferred: Bool = false, diagnostics: [Diagnostic]) {
        self.source = source
        self.indexAndInference = index << 1 | (eventTypeInferred ? 1 : 0)
        self.startOffset = startOffset
        self.eventType = eventType
        self.diagnostics = diagnostics
    }

    /// Valid means no finding of error severity.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}
