extension Validator {
    /// The spec a document is checked against, when one pass over its
    /// members proves the full check would find nothing; nil when it cannot
    /// (then the full check runs and says what is wrong, or that nothing is).
    ///
    /// Nearly every callback is valid, and proving that needs none of what the
    /// full check keeps for its messages: each key must name a distinct spec
    /// field exactly, each value must be a plain, non-empty string that
    /// passes `passesQuickly`'s tests, every required field must be present,
    /// and no condition may hold against the document. Anything else (an
    /// escaped key or value, an empty string, a repeat) is left to the full check.
    func quickVerdict(_ document: JSONDocument) -> Int? {
        document.nodes.withUnsafeBufferPointer { nodes -> Int? in
            guard let base = document.bytes.baseAddress, nodes[0].kind == .object else { return nil }
            let keyCount = Int(nodes[0].count)
            // A plain string node's text, between its quotes.
            @inline(__always) func text(_ node: JSONNode) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(start: base + node.start + 1, count: node.end - node.start - 2)
            }
            // The EventType value chooses the spec, so it is found first.
            let eventTypeName: StaticString = "EventType"
            let eventTypeBytes = UnsafeRawBufferPointer(start: eventTypeName.utf8Start, count: eventTypeName.utf8CodeUnitCount)
            var eventTypeValue = -1
            var key = 1
            for _ in 0..<keyCount {
                let node = nodes[key]
                guard !node.hasEscapes else { return nil }
                if text(node).equals(eventTypeBytes) {
                    eventTypeValue = key + 1
                    break
                }
                key = Int(nodes[key + 1].next)
            }
            guard eventTypeValue >= 0, nodes[eventTypeValue].kind == .string, !nodes[eventTypeValue].hasEscapes else { return nil }
            let eventName = text(nodes[eventTypeValue])
            guard let chosen = specs.firstIndex(where: { eventName.equals($0.eventTypeBytes) }) else { return nil }
            let tables = specs[chosen].tables
            // Masks of fields: one bit a field.
            guard tables.fieldCount <= 64 else { return nil }
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: tables.fieldCount) { allowedMatches -> Int? in
                var present: UInt64 = 0
                var expected = 0
                key = 1
                for _ in 0..<keyCount {
                    let keyNode = nodes[key], value = key + 1, valueNode = nodes[value]
                    key = Int(valueNode.next)
                    guard !keyNode.hasEscapes, valueNode.kind == .string, !valueNode.hasEscapes, valueNode.end - valueNode.start > 2 else {
                        return nil
                    }
                    // `tables.exactField`, written out: as a call it cost more than
                    // the compares. Keys usually come in the spec's order, so the
                    // search starts after the last match.
                    let keyText = text(keyNode), keyWords = KeyWords(keyText)
                    var index = expected < tables.fieldCount ? expected : 0
                    var probes = 1
                    while tables.nameWords[index] != keyWords || !(keyWords.coversAll || keyText.equals(tables.name(index))) {
                        guard probes < tables.fieldCount else { return nil }
                        probes += 1
                        index = index + 1 == tables.fieldCount ? 0 : index + 1
                    }
                    guard present & 1 << index == 0 else { return nil }
                    present |= 1 << index
                    expected = index + 1
                    // `passesQuickly`'s tests, for the only occurrence of the field.
                    let bytes = text(valueNode)
                    let first = bytes[0]
                    if tables.isRequired[index] && (first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D) { return nil }
                    // Conditions read the match even of a field whose value is not checked against it.
                    if tables.hasAllowed[index] { allowedMatches[index] = tables.allowedIndex(of: bytes, words: KeyWords(bytes), field: index) }
                    if index == tables.eventTypeField {
                        guard value == eventTypeValue else { return nil }
                        continue
                    }
                    if tables.hasAllowed[index] && allowedMatches[index] < 0 { return nil }
                    switch tables.formats[index] {
                    case .eventTime: guard EventTimeCheck.isWellFormed(bytes) else { return nil }
                    case .mediaId: guard MediaIdCheck.isWellFormed(bytes) else { return nil }
                    case nil: break
                    }
                }
                for index in 0..<tables.fieldCount where tables.isRequired[index] && present & 1 << index == 0 { return nil }
                // As `checkConditions` decides, with every present value a non-empty string.
                for condition in tables.conditions where present & 1 << condition.governing != 0 {
                    let matched = allowedMatches[condition.governing]
                    guard matched >= 0, (matched == condition.triggerValue) == condition.isEquals else { continue }
                    for subject in condition.subjects {
                        let isPresent = present & 1 << tables.subjectFields[subject] != 0
                        if isPresent != condition.expectsPresent { return nil }
                    }
                }
                return chosen
            }
        }
    }
}
