extension Validator {
    /// Emptiness, allowed values and format of a string value. `table` is
    /// the field's table and index when the value is a member (array
    /// elements have neither allowed values nor formats).
    func checkText(
        _ field: FieldSpec, type: FieldType, in table: (compiled: CompiledObject, index: Int)?, value: Int, _ place: ValuePlace,
        _ context: ObjectContext, _ document: JSONDocument, findings: inout [Diagnostic]
    ) {
        let node = document[value]
        let isRequired = table != nil && field.isRequired
        // An empty value is one problem: not also an invalid value or a bad format.
        if node.end - node.start == 2 {
            if isRequired { findings.append(emptyValue(field.name, value: value, place, document)) }
            return
        }
        let plain = document.plainString(value)
        // Only whitespace carries as little as nothing; it is the same problem.
        if isRequired, plain.map(TextChecks.isBlank) ?? (TextChecks.mayBeBlank(document, value) && document.withDecodedString(value, TextChecks.isBlank)) {
            findings.append(Diagnostic(
                .error, .emptyValue,
                "\(TerminalSafe.quoted(field.name)) is blank: \(TerminalSafe.quoted(document.string(value))) holds only whitespace",
                offset: document.sourceOffset(of: value), pointer: place.pointer(document)))
            return
        }
        guard let (compiled, index) = table, type == .string else { return }
        if index == compiled.tables.eventTypeField {
            if knownEvent(document, value) == nil { findings.append(unknownEventType(document, value, context.pointer)) }
            return
        }
        if compiled.tables.hasAllowed[index] {
            let allowed = plain.map { compiled.tables.allowedIndex(of: $0, field: index) }
                ?? (document.isLongString(value) ? -1 : document.withDecodedString(value) { compiled.tables.allowedIndex(of: $0, field: index) })
            if allowed < 0 { findings.append(invalidValue(field, context.event, value: value, place, document)) }
        }
        guard let format = compiled.tables.formats[index] else { return }
        if plain.map({ TextChecks.isWellFormed($0, format) }) ?? false { return }
        switch format {
        case .eventTime, .eventTimeWithMillis:
            let text = document.string(value)
            if format == .eventTimeWithMillis && EventTimeCheck.isWellFormedWithMillis(text) { return }
            if let problem = EventTimeCheck.problem(in: text) {
                let also = format == .eventTimeWithMillis ? " (or yyyy-MM-ddTHH:mm:ss:SSSZ, as the docs show for this event)" : ""
                findings.append(Diagnostic(
                    .error, .invalidEventTime, "\(field.name) \(TerminalSafe.quotedExcerpt(text)) \(problem.description)",
                    offset: document.sourceOffset(of: value), pointer: place.pointer(document),
                    hint: problem.suggestion.map { "write \(TerminalSafe.quoted($0))" } ?? "the format is yyyy-MM-ddTHH:mm:ssZ, in UTC\(also)"))
            }
        case .mediaId:
            if let problem = document.withDecodedString(value, { MediaIdCheck.problem(in: $0) }) {
                findings.append(Diagnostic(
                    .note, .mediaIdFormat,
                    "\(field.name) \(document.quotedExcerpt(value)) is not 32 lowercase hex characters; \(problem)",
                    offset: document.sourceOffset(of: value), pointer: place.pointer(document)))
            }
        case .url:
            if !document.withDecodedString(value, TextChecks.isURL) {
                findings.append(Diagnostic(
                    RuleCatalog.severity(of: .urlFormat), .urlFormat,
                    "\(field.name) \(document.quotedExcerpt(value)) is not an http:// or https:// URL",
                    offset: document.sourceOffset(of: value), pointer: place.pointer(document)))
            } else if let run = document.withDecodedString(value, { TextChecks.maskedRun(in: $0) }) {
                // The same note as a masked ID's: a value copied from the docs.
                findings.append(Diagnostic(
                    RuleCatalog.severity(of: .urlFormat), .urlFormat,
                    "\(field.name) \(document.quotedExcerpt(value)) looks masked (\(TerminalSafe.quoted(String(repeating: "*", count: run.count)))), like the examples in the docs",
                    offset: document.sourceOffset(of: value), pointer: place.pointer(document)))
            }
        }
    }

    private func invalidValue(_ field: FieldSpec, _ event: EventSpec, value: Int, _ place: ValuePlace, _ document: JSONDocument) -> Diagnostic {
        // A value VOD is seen to send, though the table does not list it.
        if let text = document.shortString(value), let because = field.valueVariants[text] {
            return Diagnostic(
                RuleCatalog.severity(of: .specDrift), .specDrift,
                "\(TerminalSafe.quoted(text)) is not a \(field.name) the docs' table lists; \(because)",
                offset: document.sourceOffset(of: value), pointer: place.pointer(document))
        }
        let list = (field.allowedValues ?? []).map(TerminalSafe.quoted).joined(separator: ", ")
        return Diagnostic(
            .error, .invalidValue,
            "\(document.quotedExcerpt(value)) is not a valid \(field.name); expected one of \(list)",
            offset: document.sourceOffset(of: value), pointer: place.pointer(document),
            hint: document.shortString(value).flatMap { valueHint($0, field, event) })
    }

    /// What the writer of a wrong value most likely meant, or whose value it is.
    private func valueHint(_ text: String, _ field: FieldSpec, _ event: EventSpec) -> String? {
        if let alias = field.aliases[text.lowercased()] {
            return "did you mean \(TerminalSafe.quoted(alias.value))? \(alias.because)"
        }
        if let note = event.lookAlikes.lazy.compactMap({ $0.values[text] }).first {
            return "\(TerminalSafe.quotedExcerpt(text)) is \(note)"
        }
        return ValueSuggestion.suggest(text, among: field.allowedValues ?? []).map { "did you mean \(TerminalSafe.quoted($0))?" }
    }
}
