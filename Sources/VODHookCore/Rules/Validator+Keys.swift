import EditDistance

extension Validator {
    /// Sorts every key into a spec field (exactly or ignoring case) or the
    /// unknown ones, and reports miscased and unknown keys.
    mutating func collectFields(_ document: JSONDocument, spec: EventSpec, findings: inout [Diagnostic], pointerPrefix: String) {
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(-1, count: spec.fields.count))
        slotKeys.removeAll(keepingCapacity: true)
        slotKeys.append(contentsOf: repeatElement(-1, count: spec.fields.count))
        occurrences.removeAll(keepingCapacity: true)
        unknownKeys.removeAll(keepingCapacity: true)
        var exact = [Bool](repeating: false, count: spec.fields.count)
        var miscased: [(key: Int, field: Int)] = []
        var camelCaseKeys = 0
        var keyCount = 0
        for (key, value) in document.members(of: document.root) {
            keyCount += 1
            let match = document.withDecodedString(key) { bytes -> (Int, Bool)? in
                if let first = bytes.first, first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { camelCaseKeys += 1 }
                for (index, field) in spec.fields.enumerated() where field.nameBytes.count == bytes.count {
                    if field.nameBytes.elementsEqual(bytes) { return (index, true) }
                }
                for (index, field) in spec.fields.enumerated() where field.nameBytes.count == bytes.count {
                    if ASCIICase.equalIgnoringCase(field.nameBytes, bytes) { return (index, false) }
                }
                return nil
            }
            guard let (index, isExact) = match else {
                unknownKeys.append(key)
                continue
            }
            occurrences.append((index, key, value))
            if isExact {
                // The first exact key wins; a repeat is the reader's duplicate-key finding.
                if !exact[index] {
                    exact[index] = true
                    slots[index] = value
                    slotKeys[index] = key
                }
            } else {
                miscased.append((key, index))
                if slots[index] == -1 {
                    slots[index] = value
                    slotKeys[index] = key
                }
            }
        }
        // A payload of camelCase keys is another vendor's event, not a typo;
        // the first miscased key says so once, so the count of findings stays
        // one per key.
        let lookAlike = !miscased.isEmpty && keyCount > 1 && camelCaseKeys == keyCount
        for (position, (key, index)) in miscased.enumerated() {
            let name = spec.fields[index].name
            var message = "key \(TerminalSafe.quoted(document.string(key))) matches the field \(TerminalSafe.quoted(name)) only when case is ignored"
            if lookAlike && position == 0 { message += lookAlikeCallout(spec, document) }
            // Beside the exact key it is not a harmless typo: Go's encoding/json
            // and others match keys ignoring case and may take this value.
            let hint = exact[index]
                ? "remove it: \(TerminalSafe.quoted(name)) is also present, and receivers that match keys ignoring case (Go's encoding/json, for one) may read this value as \(TerminalSafe.quoted(name))"
                : "rename it to \(TerminalSafe.quoted(name)); VOD field names are case-sensitive"
            findings.append(Diagnostic(
                .error, .fieldNameCase, message,
                offset: document.sourceOffset(of: key), pointer: document.pointer(to: key, prefix: pointerPrefix), hint: hint))
        }
        let known = spec.fields.map(\.name)
        for key in unknownKeys {
            let name = document.string(key)
            let hint = spec.lookAlikes.lazy.compactMap { $0.keys[name]?.note }.first
                ?? nearestMatch(to: name, among: known).map { "did you mean \(TerminalSafe.quoted($0))?" }
                ?? "fields outside the spec are common in practice; --strict makes this an error"
            findings.append(Diagnostic(
                .warning, .unknownField,
                "field \(TerminalSafe.quotedExcerpt(name)) is not in the \(spec.eventType) spec",
                offset: document.sourceOffset(of: key), pointer: document.pointer(to: key, prefix: pointerPrefix), hint: hint))
        }
    }

    /// "; every key is camelCase and it has Polyv's "vids": ...", naming the
    /// vendor whose own keys the payload has, when it has some.
    private func lookAlikeCallout(_ spec: EventSpec, _ document: JSONDocument) -> String {
        let names = unknownKeys.map { document.string($0) }
        for lookAlike in spec.lookAlikes {
            let evidence = names.filter { lookAlike.keys[$0] != nil }
            guard !evidence.isEmpty else { continue }
            let listed = evidence.map(TerminalSafe.quoted)
            let list = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + listed.last!
            return "; every key is camelCase and it has \(lookAlike.vendor)'s \(list): this is a look-alike from another vendor (\(lookAlike.vendor)), not an ApsaraVideo VOD callback"
        }
        let vendors = spec.lookAlikes.map(\.vendor)
        let example = vendors.isEmpty ? "" : " (\(vendors.joined(separator: ", ")) sends an event of this name with camelCase keys)"
        return "; every key is camelCase: this looks like a look-alike from another vendor\(example) or a hand-written payload, not an ApsaraVideo VOD callback"
    }

    func missingField(_ field: FieldSpec, spec: EventSpec, _ document: JSONDocument, _ pointerPrefix: String) -> Diagnostic {
        let names = unknownKeys.map { document.string($0) }
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
