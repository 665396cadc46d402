extension Validator {
    /// True when a value certainly passes every check `checkValue` makes:
    /// a plain, non-empty, non-blank string that is a known event type, an
    /// allowed value or well formed, as the field asks. False sends it to
    /// `checkValue`, which decides again and says what is wrong.
    @inline(__always)
    func passesQuickly(
        _ index: Int, _ tables: SpecTables, value: Int, knownEventType: Int, _ fields: FieldSlots, _ document: JSONDocument
    ) -> Bool {
        guard document[value].kind == .string, let bytes = document.plainString(value), let first = bytes.first else { return false }
        if tables.isRequired[index] && (first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D) { return false }
        if index == tables.eventTypeField { return value == knownEventType }
        if tables.hasAllowed[index] {
            let match = tables.allowedIndex(of: bytes, field: index)
            if value == fields.values[index] { fields.allowedMatches[index] = match }
            if match < 0 { return false }
        }
        switch tables.formats[index] {
        case .eventTime: return EventTimeCheck.isWellFormed(bytes)
        case .mediaId: return MediaIdCheck.isWellFormed(bytes)
        case nil: return true
        }
    }

    /// Type, emptiness, allowed values and format of one value of a spec
    /// field. Each check decides on the value's bytes; the message and the
    /// pointer are made only when it fails.
    func checkValue(_ index: Int, spec compiled: CompiledSpec, value: Int, _ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) {
        let tables = compiled.tables
        let node = document[value]
        guard node.kind == .string else {
            let field = compiled.spec.fields[index]
            findings.append(Diagnostic(
                .error, .wrongType,
                "\(TerminalSafe.quoted(field.name)) must be a string, found \(describe(value, document))",
                offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix),
                hint: node.kind == .null ? "omit the field or give it a string" : nil))
            return
        }
        // An empty value is one problem: not also an invalid value or a bad format.
        if node.end - node.start == 2 {
            if tables.isRequired[index] {
                findings.append(Diagnostic(
                    .error, .emptyValue, "\(TerminalSafe.quoted(compiled.spec.fields[index].name)) is empty",
                    offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix)))
            }
            return
        }
        let plain = document.plainString(value)
        // Only whitespace carries as little as nothing; it is the same problem.
        if tables.isRequired[index], plain.map(Self.isBlank) ?? Self.mayBeBlank(document, value) && document.withDecodedString(value, Self.isBlank) {
            findings.append(Diagnostic(
                .error, .emptyValue,
                "\(TerminalSafe.quoted(compiled.spec.fields[index].name)) is blank: \(TerminalSafe.quoted(document.string(value))) holds only whitespace",
                offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix)))
            return
        }
        if index == tables.eventTypeField {
            if knownEvent(document, value) == nil { findings.append(unknownEventType(document, value, pointerPrefix)) }
            return
        }
        if tables.hasAllowed[index] {
            let allowed = plain.map { tables.allowedIndex(of: $0, field: index) }
                ?? (document.isLongString(value) ? -1 : document.withDecodedString(value) { tables.allowedIndex(of: $0, field: index) })
            if allowed < 0 { findings.append(invalidValue(compiled.spec.fields[index], spec: compiled.spec, value: value, document, pointerPrefix)) }
        }
        switch tables.formats[index] {
        case .eventTime:
            if plain.map(EventTimeCheck.isWellFormed) ?? false { return }
            let text = document.string(value)
            if let problem = EventTimeCheck.problem(in: text) {
                let field = compiled.spec.fields[index]
                findings.append(Diagnostic(
                    .error, .invalidEventTime, "\(field.name) \(TerminalSafe.quotedExcerpt(text)) \(problem.description)",
                    offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix),
                    hint: problem.suggestion.map { "write \(TerminalSafe.quoted($0))" } ?? "the format is yyyy-MM-ddTHH:mm:ssZ, in UTC"))
            }
        case .mediaId:
            if plain.map(MediaIdCheck.isWellFormed) ?? false { return }
            let problem = document.withDecodedString(value) { MediaIdCheck.problem(in: $0) }
            if let problem {
                let field = compiled.spec.fields[index]
                findings.append(Diagnostic(
                    .note, .mediaIdFormat,
                    "\(field.name) \(document.quotedExcerpt(value)) is not 32 lowercase hex characters; \(problem)",
                    offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix)))
            }
        case nil:
            break
        }
    }

    /// False when an escaped value's source holds a byte no whitespace or
    /// escape of whitespace has, so it need not be decoded to tell.
    private static func mayBeBlank(_ document: JSONDocument, _ value: Int) -> Bool {
        let node = document[value]
        for offset in node.start + 1..<node.end - 1 {
            switch document.bytes[offset] {
            case 0x20, UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                continue
            default:
                return false
            }
        }
        return true
    }

    @inline(__always) private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private func invalidValue(_ field: FieldSpec, spec: EventSpec, value: Int, _ document: JSONDocument, _ pointerPrefix: String) -> Diagnostic {
        let list = (field.allowedValues ?? []).map(TerminalSafe.quoted).joined(separator: ", ")
        return Diagnostic(
            .error, .invalidValue,
            "\(document.quotedExcerpt(value)) is not a valid \(field.name); expected one of \(list)",
            offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix),
            hint: document.shortString(value).flatMap { valueHint($0, field, spec) })
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
