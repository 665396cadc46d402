extension Validator {
    /// A field that may hold its object as JSON text (MediaContent, AI
    /// `Data`): the text is read like a document of its own and checked
    /// against the field's table. Its findings point at the string, since
    /// a place inside decoded text has no line and column in the source,
    /// and say where in the text they are.
    func checkJSONText(
        _ field: FieldSpec, _ compiled: CompiledObject, value: Int, pointer: String, _ context: ObjectContext,
        _ document: JSONDocument, findings: inout [Diagnostic]
    ) {
        let text = document.decodedBytes(value)
        let reader = DocumentReader(input: BytesInput(text), mode: .body, blockSize: text.count + 16)
        var inner: [Diagnostic] = []
        var problem: String?
        let nested = ObjectContext(event: context.event, path: context.nested(field.name, element: false, pointer: "").path, pointer: "", knownEventType: -1)
        try? reader.forEach { read in
            if let error = read.findings.first(where: { $0.severity == .error }) {
                problem = "its text is not JSON: \(error.message)"
            } else if let json = read.json {
                if json[json.root].kind == .object {
                    checkObject(json.root, compiled, nested, json, findings: &inner)
                } else {
                    problem = "its text holds \(json[json.root].kind.nameWithArticle), not an object"
                }
            }
        }
        if let problem {
            findings.append(Diagnostic(
                .error, .wrongType, "\(TerminalSafe.quoted(field.name)) must be an object or a JSON string holding one; \(problem)",
                offset: document.sourceOffset(of: value), pointer: pointer))
            return
        }
        for var finding in inner.sorted() {
            finding.message += " (inside the JSON text of \(field.name), at \(finding.pointer))"
            finding.offset = document.sourceOffset(of: value)
            finding.pointer = pointer
            findings.append(finding)
        }
    }
}
