extension Validator {
    /// Type, emptiness, allowed values and format of one value of a spec field.
    func checkValue(_ field: FieldSpec, spec: EventSpec, value: Int, _ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) {
        let offset = document.sourceOffset(of: value)
        let at = document.pointer(to: value, prefix: pointerPrefix)
        guard document[value].kind == .string else {
            findings.append(Diagnostic(
                .error, .wrongType,
                "\(TerminalSafe.quoted(field.name)) must be a string, found \(describe(value, document))",
                offset: offset, pointer: at,
                hint: document[value].kind == .null ? "omit the field or give it a string" : nil))
            return
        }
        // An empty value is one problem: not also an invalid value or a bad format.
        if document[value].end - document[value].start == 2 {
            if field.isRequired {
                findings.append(Diagnostic(.error, .emptyValue, "\(TerminalSafe.quoted(field.name)) is empty", offset: offset, pointer: at))
            }
            return
        }
        // Only whitespace carries as little as nothing; it is the same problem.
        if field.isRequired, document.withDecodedString(value, { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }) {
            findings.append(Diagnostic(
                .error, .emptyValue, "\(TerminalSafe.quoted(field.name)) is blank: \(TerminalSafe.quoted(document.string(value))) holds only whitespace",
                offset: offset, pointer: at))
            return
        }
        if field.name == "EventType" {
            let known = document.withDecodedString(value) { bytes in EventCatalog.spec(forEventType: bytes) != nil }
            if !known { findings.append(unknownEventType(document, value, pointerPrefix)) }
            return
        }
        if let allowed = field.allowedValues {
            let ok = document.withDecodedString(value) { bytes in allowed.contains { $0.utf8.elementsEqual(bytes) } }
            if !ok {
                let text = document.string(value)
                let list = allowed.map(TerminalSafe.quoted).joined(separator: ", ")
                findings.append(Diagnostic(
                    .error, .invalidValue,
                    "\(TerminalSafe.quotedExcerpt(text)) is not a valid \(field.name); expected one of \(list)",
                    offset: offset, pointer: at, hint: valueHint(text, field, spec)))
            }
        }
        switch field.format {
        case .eventTime:
            let text = document.string(value)
            if let problem = EventTimeCheck.problem(in: text) {
                findings.append(Diagnostic(
                    .error, .invalidEventTime, "\(field.name) \(TerminalSafe.quotedExcerpt(text)) \(problem.description)",
                    offset: offset, pointer: at,
                    hint: problem.suggestion.map { "write \(TerminalSafe.quoted($0))" } ?? "the format is yyyy-MM-ddTHH:mm:ssZ, in UTC"))
            }
        case .mediaId:
            let problem = document.withDecodedString(value) { MediaIdCheck.problem(in: $0) }
            if let problem {
                findings.append(Diagnostic(
                    .note, .mediaIdFormat,
                    "\(field.name) \(TerminalSafe.quotedExcerpt(document.string(value))) is not 32 lowercase hex characters; \(problem)",
                    offset: offset, pointer: at))
            }
        case nil:
            break
        }
    }

    /// What the writer of a wrong value most likely meant, or whose value it is.
    private func valueHint(_ text: String, _ field: FieldSpec, _ spec: EventSpec) -> String? {
        if let alias = field.aliases[text.lowercased()] {
            return "did you mean \(TerminalSafe.quoted(alias.value))? \(alias.because)"
        }
        if let note = spec.lookAlikes.lazy.compactMap({ $0.values[text] }).first {
            return "\(TerminalSafe.quotedExcerpt(text)) is \(note)"
        }
        return ValueSuggestion.suggest(text, among: field.allowedValues ?? []).map { "did you mean \(TerminalSafe.quoted($0))?" }
    }

    /// "a number (42)", "null", "an object": short and terminal-safe.
    private func describe(_ value: Int, _ document: JSONDocument) -> String {
        let node = document[value]
        switch node.kind {
        case .number, .true, .false:
            // Number text is ASCII, so cutting it cannot split a character.
            let raw = document.rawBytes(of: value)
            let shown = String(decoding: raw.prefix(40), as: UTF8.self) + (raw.count > 40 ? "..." : "")
            return "\(node.kind.nameWithArticle) (\(shown))"
        default:
            return node.kind.nameWithArticle
        }
    }
}
