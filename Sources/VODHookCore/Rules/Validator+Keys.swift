import EditDistance

extension Validator {
    /// Sorts every key into a spec field (exactly or ignoring case) or the
    /// unknown ones, and reports miscased and unknown keys. Keys are matched
    /// on their bytes; names are made only for findings.
    func collectFields(
        _ document: JSONDocument, spec compiled: CompiledSpec, into fields: FieldSlots, findings: inout [Diagnostic], pointerPrefix: String
    ) {
        let tables = compiled.tables
        var miscasedCount = 0
        var camelCaseKeys = 0
        let keyCount = Int(document[document.root].count)
        var expectedField = 0
        var key = document.root + 1
        for _ in 0..<keyCount {
            let value = key + 1
            defer { key = Int(document[value].next) }
            let plain = document.plainString(key)
            // A long escaped key is no field; decoding it to compare cost its size each time.
            let isLong = plain == nil && document.isLongString(key)
            let first = plain.map { $0.first } ?? document.firstDecodedByte(key)
            if let first, first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { camelCaseKeys += 1 }
            // Keys usually come in the spec's order, so the search starts after the last match.
            var index = plain.map { tables.exactField($0, hint: expectedField) }
                ?? (isLong ? -1 : document.withDecodedString(key) { tables.exactField($0, hint: expectedField) })
            if index >= 0 {
                expectedField = index + 1
                fields.addOccurrence(field: index, key: key, value: value)
                // The first exact key wins; a repeat is the reader's duplicate-key finding.
                if fields.exact[index] == 0 {
                    fields.exact[index] = 1
                    fields.values[index] = value
                    fields.keys[index] = key
                }
                continue
            }
            index = isLong ? -1 : document.withDecodedString(key) { tables.caseInsensitiveField($0) }
            guard index >= 0 else {
                fields.addUnknown(key)
                continue
            }
            fields.addOccurrence(field: index, key: key, value: value)
            fields.miscased[miscasedCount] = fields.occurrenceCount - 1
            miscasedCount += 1
            if fields.values[index] == -1 {
                fields.values[index] = value
                fields.keys[index] = key
            }
        }
        guard miscasedCount > 0 || fields.unknownCount > 0 else { return }
        let spec = compiled.spec
        let unknownKeys = fields.unknownKeys
        // A payload of camelCase keys is another vendor's event, not a typo;
        // the first miscased key says so once, so the count of findings stays
        // one per key.
        let lookAlike = miscasedCount > 0 && keyCount > 1 && camelCaseKeys == keyCount
        for position in 0..<miscasedCount {
            let occurrence = fields.miscased[position]
            let key = fields.occurrenceKeys[occurrence]
            let index = fields.occurrenceFields[occurrence]
            let name = spec.fields[index].name
            var message = "key \(TerminalSafe.quoted(document.string(key))) matches the field \(TerminalSafe.quoted(name)) only when case is ignored"
            if lookAlike && position == 0 { message += lookAlikeCallout(spec, unknownKeys: unknownKeys, document) }
            // Beside the exact key it is not a harmless typo: Go's encoding/json
            // and others match keys ignoring case and may take this value.
            let hint = fields.exact[index] != 0
                ? "remove it: \(TerminalSafe.quoted(name)) is also present, and receivers that match keys ignoring case (Go's encoding/json, for one) may read this value as \(TerminalSafe.quoted(name))"
                : "rename it to \(TerminalSafe.quoted(name)); VOD field names are case-sensitive"
            findings.append(Diagnostic(
                .error, .fieldNameCase, message,
                offset: document.sourceOffset(of: key), pointer: document.rootMemberPointer(key: key, prefix: pointerPrefix), hint: hint))
        }
        let known = spec.fields.map(\.name)
        for key in unknownKeys {
            let name = document.shortString(key)
            let hint = name.flatMap { name in spec.lookAlikes.lazy.compactMap { $0.keys[name]?.note }.first }
                ?? name.flatMap { nearestMatch(to: $0, among: known) }.map { "did you mean \(TerminalSafe.quoted($0))?" }
                ?? "fields outside the spec are common in practice; --strict makes this an error"
            findings.append(Diagnostic(
                .warning, .unknownField,
                "field \(document.quotedExcerpt(key)) is not in the \(spec.eventType) spec",
                offset: document.sourceOffset(of: key), pointer: document.rootMemberPointer(key: key, prefix: pointerPrefix), hint: hint))
        }
    }

    /// "; every key is camelCase and it has Polyv's "vids": ...", naming the
    /// vendor whose own keys the payload has, when it has some.
    private func lookAlikeCallout(_ spec: EventSpec, unknownKeys: [Int], _ document: JSONDocument) -> String {
        let names = unknownKeys.compactMap { document.shortString($0) }
        for lookAlike in spec.lookAlikes {
            let evidence = names.filter { lookAlike.keys[$0] != nil }
            guard !evidence.isEmpty else { continue }
            let listed = evidence.map(TerminalSafe.quoted)
            // Not empty (the guard above).
            let list = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + listed.last!
            return "; every key is camelCase and it has \(lookAlike.vendor)'s \(list): this is a look-alike from another vendor (\(lookAlike.vendor)), not an ApsaraVideo VOD callback"
        }
        let vendors = spec.lookAlikes.map(\.vendor)
        let example = vendors.isEmpty ? "" : " (\(vendors.joined(separator: ", ")) sends an event of this name with camelCase keys)"
        return "; every key is camelCase: this looks like a look-alike from another vendor\(example) or a hand-written payload, not an ApsaraVideo VOD callback"
    }

    func missingField(_ field: FieldSpec, spec: EventSpec, unknownKeys: [Int], _ document: JSONDocument, _ pointerPrefix: String) -> Diagnostic {
        let names = unknownKeys.compactMap { document.shortString($0) }
        // A look-alike's stand-in, or a near miss among the unknown keys, is
        // most likely what the writer meant as this field.
        let standIn = spec.lookAlikes.lazy.compactMap { lookAlike in
            names.first { lookAlike.keys[$0]?.counterpart == field.name }.map { (lookAlike.vendor, $0) }
        }.first
        let misspelt = names.first { nearestMatch(to: $0, among: [field.name]) != nil }
        let hint = standIn.map { "the payload has \($0.0)'s \(TerminalSafe.quoted($0.1)) instead, which is not an ApsaraVideo VOD field" }
            ?? misspelt.map { "the key \(TerminalSafe.quotedExcerpt($0)) looks like a misspelling of \(TerminalSafe.quoted(field.name))" }
            ?? "the \(field.name) field holds \(field.summary)"
        return Diagnostic(
            .error, .missingField, "missing required field \(TerminalSafe.quoted(field.name))",
            offset: document.sourceOffset(of: document.root),
            pointer: JSONPointer.appending(field.name, to: pointerPrefix), hint: hint)
    }
}
