import EditDistance

extension Validator {
    /// Sorts every key into a spec field (exactly or ignoring case) or the
    /// unknown ones, and reports miscased and unknown keys. Keys are matched
    /// on their bytes; names are made only for findings.
    func collectFields(
        _ object: Int, _ compiled: CompiledObject, _ context: ObjectContext, _ document: JSONDocument,
        into fields: FieldSlots, findings: inout [Diagnostic]
    ) {
        var miscasedCount = 0
        var camelCaseKeys = 0
        let keyCount = Int(document[object].count)
        var expectedField = 0
        var key = object + 1
        for _ in 0..<keyCount {
            let value = key + 1
            defer { key = Int(document[value].next) }
            let plain = document.plainString(key)
            // A long escaped key is no field; decoding it to compare cost its size each time.
            let isLong = plain == nil && document.isLongString(key)
            let first = plain.map { $0.first } ?? document.firstDecodedByte(key)
            if let first, first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { camelCaseKeys += 1 }
            // Keys usually come in the spec's order, so the search starts after the last match.
            var index = plain.map { compiled.tables.exactField($0, hint: expectedField) }
                ?? (isLong ? -1 : document.withDecodedString(key) { compiled.tables.exactField($0, hint: expectedField) })
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
            index = isLong ? -1 : document.withDecodedString(key) { compiled.tables.caseInsensitiveField($0) }
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
        reportKeys(compiled, context, fields, miscasedCount: miscasedCount, camelCase: camelCaseKeys == keyCount && keyCount > 1, document, findings: &findings)
    }

    /// The findings about keys `collectFields` sorted: miscased, then unknown.
    private func reportKeys(
        _ compiled: CompiledObject, _ context: ObjectContext, _ fields: FieldSlots, miscasedCount: Int, camelCase: Bool,
        _ document: JSONDocument, findings: inout [Diagnostic]
    ) {
        let spec = compiled.spec
        let lookAlikes = context.isRoot ? context.event.lookAlikes : []
        let unknownKeys = fields.unknownKeys
        // A payload of camelCase keys is another vendor's event, not a typo;
        // the first miscased key says so once, so the count of findings stays
        // one per key.
        let lookAlike = miscasedCount > 0 && camelCase && context.isRoot
        for position in 0..<miscasedCount {
            let occurrence = fields.miscased[position]
            let key = fields.occurrenceKeys[occurrence]
            let index = fields.occurrenceFields[occurrence]
            let name = spec.fields[index].name
            let keyText = document.string(key)
            var message = "key \(TerminalSafe.quoted(keyText)) matches the field \(TerminalSafe.quoted(name)) \(Self.keyDifference(keyText, name))"
            if lookAlike && position == 0 { message += lookAlikeCallout(context.event, unknownKeys: unknownKeys, document) }
            // Beside the exact key it is not a harmless typo: Go's encoding/json
            // and others match keys ignoring case and may take this value.
            // Alone, it stands for the field: a required one is missing as sent,
            // said here rather than in a second finding.
            let missing = spec.fields[index].isRequired ? "; as sent, the required field \(TerminalSafe.quoted(name)) is missing" : ""
            let hint = fields.exact[index] != 0
                ? "remove it: \(TerminalSafe.quoted(name)) is also present, and receivers that match keys ignoring case (Go's encoding/json, for one) may read this value as \(TerminalSafe.quoted(name))"
                : "rename it to \(TerminalSafe.quoted(name)); VOD field names are exact\(missing)"
            findings.append(Diagnostic(
                .error, .fieldNameCase, message,
                offset: document.sourceOffset(of: key), pointer: document.rootMemberPointer(key: key, prefix: context.pointer), hint: hint))
        }
        let known = spec.fields.map(\.name)
        for key in unknownKeys {
            let name = document.shortString(key)
            let hint = name.flatMap { name in lookAlikes.lazy.compactMap { $0.keys[name]?.note }.first }
                ?? name.flatMap { nearestMatch(to: $0, among: known) }.map { "did you mean \(TerminalSafe.quoted($0))?" }
                ?? "fields outside the spec are common in practice; --strict makes this an error"
            findings.append(Diagnostic(
                .warning, .unknownField,
                "field \(document.quotedExcerpt(key)) is not in \(context.tableName)",
                offset: document.sourceOffset(of: key), pointer: document.rootMemberPointer(key: key, prefix: context.pointer), hint: hint))
        }
    }

    /// "only when case is ignored", "but for a trailing space": exactly how a key differs from the field it stands for.
    static func keyDifference(_ key: String, _ name: String) -> String {
        let bytes = Array(key.utf8)
        let leading = bytes.prefix { ASCIICase.isSpace($0) }.count
        let trailing = leading == bytes.count ? 0 : bytes.reversed().prefix { ASCIICase.isSpace($0) }.count
        let core = bytes[leading..<(bytes.count - trailing)]
        let caseDiffers = !core.elementsEqual(name.utf8)
        var space: String?
        switch (leading, trailing) {
        case (0, 0): space = nil
        case (0, _): space = trailing == 1 ? Self.spaceName(bytes.last!, "trailing") : "trailing whitespace"
        case (_, 0): space = leading == 1 ? Self.spaceName(bytes.first!, "leading") : "leading whitespace"
        default: space = "surrounding whitespace"
        }
        switch (space, caseDiffers) {
        case (nil, _): return "only when case is ignored"
        case (let space?, false): return "but for \(space)"
        case (let space?, true): return "but for \(space) and case"
        }
    }

    private static func spaceName(_ byte: UInt8, _ side: String) -> String {
        switch byte {
        case 0x20: "a \(side) space"
        case 0x09: "a \(side) tab"
        default: "a \(side) line break"
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
        // Only vendors whose own keys are camelCase explain a camelCase payload.
        let vendors = spec.lookAlikes.filter { $0.keys.keys.allSatisfy { $0.first?.isLowercase ?? false } }.map(\.vendor)
        let example = vendors.isEmpty ? "" : " (\(vendors.joined(separator: ", ")) sends an event of this name with camelCase keys)"
        return "; every key is camelCase: this looks like a look-alike from another vendor\(example) or a hand-written payload, not an ApsaraVideo VOD callback"
    }

    func missingField(_ field: FieldSpec, object: Int, _ context: ObjectContext, unknownKeys: [Int], _ document: JSONDocument) -> Diagnostic {
        let names = unknownKeys.compactMap { document.shortString($0) }
        let lookAlikes = context.isRoot ? context.event.lookAlikes : []
        // A look-alike's stand-in, or a near miss among the unknown keys, is
        // most likely what the writer meant as this field.
        let standIn = lookAlikes.lazy.compactMap { lookAlike in
            names.first { lookAlike.keys[$0]?.counterpart == field.name }.map { (lookAlike.vendor, $0) }
        }.first
        let misspelt = names.first { nearestMatch(to: $0, among: [field.name]) != nil }
        let hint = standIn.map { "the payload has \($0.0)'s \(TerminalSafe.quoted($0.1)) instead, which is not an ApsaraVideo VOD field" }
            ?? misspelt.map { "the key \(TerminalSafe.quotedExcerpt($0)) looks like a misspelling of \(TerminalSafe.quoted(field.name))" }
            ?? "the \(field.name) field holds \(field.summary)"
        let place = context.isRoot ? "" : " in \(context.path)"
        return Diagnostic(
            .error, .missingField, "missing required field \(TerminalSafe.quoted(field.name))\(place)",
            offset: document.sourceOffset(of: object),
            pointer: JSONPointer.appending(field.name, to: context.pointer), hint: hint)
    }
}
