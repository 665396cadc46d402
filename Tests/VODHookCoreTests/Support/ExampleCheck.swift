import Decompression
import Foundation
import VODHookCore

/// Checks a rule's example the way the tool would for its format: a JSON
/// body, a raw HTTP capture (with `verify`'s signature checks, using the
/// catalog's example URL, key and clock, and a 300 s window), Base64 lines,
/// or a body written the way `normalize --canonical` writes it.
func checkExample(_ text: String, format: RuleDescription.ExampleFormat) throws -> [Finding] {
    switch format {
    case .json:
        return try checkBody(text)
    case .envelope:
        return try EnvelopeReadingTests.checkEnvelopes(text, at: "/body").flatMap { $0 }
    case .canonical:
        return try canonicalFindings(Array(text.utf8))
    case .path:
        // As the commands do: a path that cannot be read is the one finding
        // (ReportFormatTests runs the binary on these examples too).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        guard let contents = FileManager.default.contents(atPath: root.appendingPathComponent(text).path) else {
            return [Finding(rule: RuleID.unreadableSource.rawValue, severity: .error, line: 1, column: 1, message: "cannot read \(text)", pointer: "")]
        }
        guard GzipSource.isGzip(Array(contents.prefix(2))) else { return try checkDocuments(Array(contents), mode: .body).flatMap { $0 } }
        // As the commands do: a gzip is read decompressed, and its damage is one more finding.
        let gzip = GzipSource(compressed: BytesInput(Array(contents)), decoderThread: false)
        var text = gzip.input
        var findings = try checkDocuments(try text.readUpTo(Int.max), mode: .body).flatMap { $0 }
        if let (damage, locator) = gzip.finish() {
            let position = locator.position(ofSourceOffset: damage.offset)
            findings = findings.filter { $0.rule != RuleID.noDocument.rawValue }
            findings.append(Finding(rule: damage.rule.rawValue, severity: damage.severity, line: position.line, column: position.column,
                                    message: damage.message, pointer: "", hint: damage.hint))
        }
        return findings
    case .http, .base64:
        let bytes = Array(text.utf8)
        let validator = Validator()
        var findings: [Finding] = []
        let verifier = SignatureVerifier(url: RuleCatalog.exampleURL, keys: [RuleCatalog.exampleKey], maxAge: 300, now: RuleCatalog.exampleNow)
        let handle = { (document: ReadDocument, origin: DocumentOrigin) in
            var diagnostics = document.findings
            if let json = document.json { diagnostics += validator.validate(json).diagnostics }
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
            if let request = origin.request { diagnostics += verifier.verify(request).diagnostics }
            for diagnostic in diagnostics.sorted() {
                let position = origin.locator.position(ofSourceOffset: diagnostic.offset)
                findings.append(Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                                        column: position.column, message: diagnostic.message, pointer: diagnostic.pointer))
            }
        }
        if format == .http { HTTPCaptureDocuments.forEach(bytes, handle) } else { Base64Documents.forEach(bytes, handle) }
        return findings
    }
}

/// The reader's findings and `normalize --canonical`'s about numbers, for a source of one document.
func canonicalFindings(_ bytes: [UInt8]) throws -> [Finding] {
    let reader = DocumentReader(input: BytesInput(bytes), mode: .body)
    var findings: [Finding] = []
    try reader.forEach { document in
        var diagnostics = document.findings
        if let json = document.json {
            var output: [UInt8] = []
            var changes: [CanonicalNumberChange] = []
            _ = JSONWriter.writeCanonical(json, into: &output, numberChanges: &changes)
            diagnostics += changes.map { $0.diagnostic(in: json, pointer: json.pointer(to: $0.node)) }
        }
        for diagnostic in diagnostics.sorted() {
            let position = reader.position(ofSourceOffset: diagnostic.offset)
            findings.append(Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                                    column: position.column, message: diagnostic.message, pointer: diagnostic.pointer))
        }
    }
    return findings
}
