import VODHookCore

/// Turns a read document into its verdict: the reader's findings and the
/// spec's, in source order, with `--strict` applied. One per thread: its
/// validator keeps scratch space between documents.
struct DocumentChecker {
    let strict: Bool
    private var validator = Validator()

    init(strict: Bool) { self.strict = strict }

    mutating func report(for document: ReadDocument, source: String, origin: DocumentOrigin?) -> DocumentReport {
        var diagnostics = document.findings
        var eventType: String?
        if let json = document.json {
            let result = validator.validate(json, pointerPrefix: document.pointerPrefix)
            if diagnostics.isEmpty { diagnostics = result.diagnostics } else { diagnostics.append(contentsOf: result.diagnostics) }
            eventType = result.eventType
        }
        if let origin {
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
        }
        if strict && !diagnostics.isEmpty {
            for index in diagnostics.indices where diagnostics[index].severity == .warning {
                diagnostics[index].severity = .error
            }
        }
        if diagnostics.count > 1 { diagnostics.sort() }
        return DocumentReport(source: source, index: document.index, startOffset: document.startOffset, eventType: eventType, diagnostics: diagnostics)
    }
}
