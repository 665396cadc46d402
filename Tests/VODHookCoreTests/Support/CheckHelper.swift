import VODHookCore

/// A finding with its position resolved, for assertions.
struct Finding: Equatable, CustomStringConvertible {
    let rule: String
    let severity: Severity
    let line: Int
    let column: Int
    let message: String
    let pointer: String
    var hint: String? = nil
    var description: String { "\(rule)@\(line):\(column) \(message)" }
}

/// Reads `bytes` and validates every document, as `vodhook check` does.
func checkDocuments(_ bytes: [UInt8], mode: ReadingMode = .stream, blockSize: Int = 1 << 20) throws -> [[Finding]] {
    let reader = DocumentReader(input: BytesInput(bytes), mode: mode, blockSize: blockSize)
    let validator = Validator()
    var documents: [[Finding]] = []
    try reader.forEach { document in
        var diagnostics = document.findings
        if let json = document.json {
            diagnostics += validator.validate(json, pointerPrefix: document.pointerPrefix).diagnostics
        }
        diagnostics.sort()
        documents.append(diagnostics.map { diagnostic in
            let position = reader.position(ofSourceOffset: diagnostic.offset)
            return Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                           column: position.column, message: diagnostic.message, pointer: diagnostic.pointer, hint: diagnostic.hint)
        })
    }
    return documents
}

func checkDocuments(_ text: String, mode: ReadingMode = .stream) throws -> [[Finding]] {
    try checkDocuments(Array(text.utf8), mode: mode)
}

/// The findings of a source that holds one document.
func checkBody(_ text: String) throws -> [Finding] {
    try checkDocuments(Array(text.utf8), mode: .body).first ?? []
}
