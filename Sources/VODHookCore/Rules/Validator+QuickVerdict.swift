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
                UnsafeRawBufferPointer(start: base + (node.start &+ 1), count: node.end &- node.start &- 2)
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
            // Read in place, through the class: copied out, the tables' thirteen
            // words cost a memcpy a document.
            return specs[chosen].tables.quickVerdict(nodes, base: base, keyCount: keyCount, eventTypeValue: eventTypeValue) ? chosen : nil
        }
    }
}

extension SpecTables {
    /// The member pass of `Validator.quickVerdict` against this spec: true
    /// when it proves the document's `keyCount` members pass every check.
    /// `eventTypeValue` is the tape index of the EventType value that chose the spec.
    @inline(__always)
    func quickVerdict(_ nodes: UnsafeBufferPointer<JSONNode>, base: UnsafeRawPointer, keyCount: Int, eventTypeValue: Int) -> Bool {
        // A plain string node's text, between its quotes.
        @inline(__always) func text(_ node: JSONNode) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + (node.start &+ 1), count: node.end &- node.start &- 2)
        }
        // Masks of fields: one bit a field, so every shift below is by less than 64.
        guard fieldCount <= 64 else { return false }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { allowedMatches -> Bool in
            var present: UInt64 = 0
            var expected = 0
            var key = 1
            for _ in 0..<keyCount {
                let keyNode = nodes[key], value = key &+ 1, valueNode = nodes[value]
                key = Int(valueNode.next)
                guard !keyNode.hasEscapes, valueNode.kind == .string, !valueNode.hasEscapes, valueNode.end &- valueNode.start > 2 else {
                    return false
                }
                // `exactField`, written out: as a call it cost more than
                // the compares. Keys usually come in the spec's order, so the
                // search starts after the last match.
                let keyText = text(keyNode), keyWords = KeyWords(keyText)
                var index = expected < fieldCount ? expected : 0
                var probes = 1
                while nameWords[index] != keyWords || !(keyWords.coversAll || keyText.equals(name(index))) {
                    guard probes < fieldCount else { return false }
                    probes &+= 1
                    index = index &+ 1 == fieldCount ? 0 : index &+ 1
                }
                guard present & 1 &<< index == 0 else { return false }
                present |= 1 &<< index
                expected = index &+ 1
                // `passesQuickly`'s tests, for the only occurrence of the field.
                let bytes = text(valueNode)
                let first = bytes[0]
                if isRequired[index] && (first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D) { return false }
                // Conditions read the match even of a field whose value is not checked against it.
                if hasAllowed[index] {
                    // `allowedIndex(of:words:field:)`, written out: as a call
                    // (never inlined here) its entry and exit cost more than the search.
                    let words = KeyWords(bytes)
                    let first = allowedFirst[index], end = allowedFirst[index &+ 1]
                    var match = -1
                    var k = first
                    while k < end {
                        if valueWords[k] == words && (words.coversAll || bytes.equals(allowedValue(k))) {
                            match = k &- first
                            break
                        }
                        k &+= 1
                    }
                    allowedMatches[index] = match
                }
                if index == eventTypeField {
                    guard value == eventTypeValue else { return false }
                    continue
                }
                if hasAllowed[index] && allowedMatches[index] < 0 { return false }
                switch formats[index] {
                case .eventTime: guard EventTimeCheck.isWellFormed(bytes) else { return false }
                case .mediaId: guard MediaIdCheck.isWellFormed(bytes) else { return false }
                case nil: break
                }
            }
            guard present & requiredMask == requiredMask else { return false }
            // As `checkConditions` decides, with every present value a non-empty string.
            for condition in conditions where present & 1 &<< condition.governing != 0 {
                let matched = allowedMatches[condition.governing]
                guard matched >= 0, (matched == condition.triggerValue) == condition.isEquals else { continue }
                for subject in condition.subjects {
                    let isPresent = present & 1 &<< subjectFields[subject] != 0
                    if isPresent != condition.expectsPresent { return false }
                }
            }
            return true
        }
    }
}
