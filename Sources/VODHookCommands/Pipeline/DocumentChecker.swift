import VODHookCore

/// Turns a read document into its verdict: the reader's findings and the
/// spec's, in source order, with the rule configuration (`--strict`,
/// `--severity`, `.vodhook.json`) applied. One per thread: its validator
/// keeps scratch space between documents.
struct DocumentChecker {
    let policy: FindingPolicy
    /// Asked once: without configuration (nearly every run) the policy is
    /// not even called, which cost ~30 instructions a document.
    private let appliesPolicy: Bool
    private let validator = Validator()

    init(policy: FindingPolicy) {
        self.policy = policy
        appliesPolicy = !policy.isNeutral
    }

    /// `sourceFindings`: findings already in the source's offsets (an
    /// envelope's, around a callback read with `--at`), which `origin` must not move.
    mutating func report(
        for document: ReadDocument, source: String, origin: DocumentOrigin?, sourceFindings: [Diagnostic] = []
    ) -> DocumentReport {
        let result = document.json.map { validator.validate($0, pointerPrefix: document.pointerPrefix) }
        return report(for: document, result, source: source, origin: origin, sourceFindings: sourceFindings)
    }

    /// A document from `reader`, which leaves repeated keys to its caller
    /// (`DocumentReader.defersDuplicateKeys`), checked and made whole: the
    /// repeated keys are looked for only when the quick verdict declines the
    /// document, and their findings go into its report and into its own
    /// reader findings, where the reader would have put them, because
    /// commands read those too (normalize and summary skip a document the
    /// reader found broken). One function for every reading loop, so none
    /// can forget the second half. Inlined into the loops: as a call it cost
    /// ~30 instructions a document.
    @inline(__always)
    mutating func checked(_ document: consuming ReadDocument, source: String, reader: DocumentReader) -> PipelineDocument {
        let (report, findings) = report(deferring: document, source: source, reader: reader)
        if let findings { document.findings = findings }
        return PipelineDocument(report: report, document: consume document, locator: reader, request: nil)
    }

    /// `findings` is the document's reader findings with the deferred ones
    /// in place, or nil when its own are complete.
    @inline(__always)
    private mutating func report(deferring document: borrowing ReadDocument, source: String, reader: DocumentReader) -> (report: DocumentReport, findings: [Diagnostic]?) {
        guard let json = document.json else { return (report(for: document, nil, source: source, origin: nil), nil) }
        if let clean = validator.quickResult(json) { return (report(for: document, clean, source: source, origin: nil), nil) }
        let result = validator.fullCheck(json, pointerPrefix: document.pointerPrefix)
        let deferred = reader.deferredDuplicateFindings(for: document)
        guard !deferred.findings.isEmpty else { return (report(for: document, result, source: source, origin: nil), nil) }
        var completed = copy document
        completed.findings.insert(contentsOf: deferred.findings, at: deferred.index)
        return (report(for: completed, result, source: source, origin: nil), completed.findings)
    }

    @inline(__always)
    private func report(
        for document: ReadDocument, _ result: Validator.Result?, source: String, origin: DocumentOrigin?, sourceFindings: [Diagnostic] = []
    ) -> DocumentReport {
        var diagnostics = document.findings
        var eventType: String?
        var eventTypeInferred = false
        // The validator's findings come sorted; merging, sorting and copying
        // them again cost a million-finding document hundreds of megabytes.
        var sorted = diagnostics.isEmpty
        if let result {
            if diagnostics.isEmpty { diagnostics = result.diagnostics } else { diagnostics.append(contentsOf: result.diagnostics) }
            eventType = result.eventType
            eventTypeInferred = result.eventTypeInferred
        }
        if let origin {
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
        }
        if !sourceFindings.isEmpty {
            diagnostics += sourceFindings
            sorted = false
        }
        // Worst first at one offset: a finding whose severity changed may move.
        if appliesPolicy && policy.apply(to: &diagnostics, eventType: eventType) { sorted = false }
        if !sorted && diagnostics.count > 1 { diagnostics.sort() }
        return DocumentReport(source: source, index: document.index, startOffset: document.startOffset, eventType: eventType, eventTypeInferred: eventTypeInferred, diagnostics: diagnostics)
    }
}
