extension Validator {
    /// The spec a document is checked against, when one pass over its
    /// members proves the full check would find nothing; nil when it cannot
    /// (then the full check runs and says what is wrong, or that nothing is).
    ///
    /// Nearly every callback is valid, and proving that needs none of what the
    /// full check keeps for its messages: each key must name a distinct field
    /// exactly, each text value must be a plain, non-empty string that passes
    /// `passesQuickly`'s tests, each other value must have its field's kind
    /// (nested objects proved the same way), every required field must be
    /// present, and no condition may hold against the object. Anything else
    /// (an escaped key or value, an empty string, a repeat, an object sent as
    /// JSON text) is left to the full check.
    ///
    /// A pass also proves that no object in the document repeats a key (a
    /// repeat is refused, and a value of any shape passes only when it
    /// cannot hold one), so a reader may leave its repeated-key search
    /// (`DocumentReader.defersDuplicateKeys`) to the documents this declines.
    func quickVerdict(_ document: JSONDocument) -> Int? {
        document.nodes.withUnsafeBufferPointer { nodes -> Int? in
            guard let base = document.bytes.baseAddress, nodes[0].kind == .object else { return nil }
            guard let (chosen, eventTypeValue) = quickEventType(nodes, base: base) else { return nil }
            // Read in place, through the class: copied out, the tables' words
            // cost a memcpy a document. Unowned: `specs` holds every spec for
            // the validator's life, and a strong reference cost a retain and
            // a release a document (~40 instructions).
            unowned(unsafe) let root = specs[chosen].root
            return root.quickObject(nodes, base: base, object: 0, eventTypeValue: eventTypeValue) ? chosen : nil
        }
    }

    /// The spec the root's plain `EventType` names exactly, with the tape index of that value.
    private func quickEventType(_ nodes: UnsafeBufferPointer<JSONNode>, base: UnsafeRawPointer) -> (Int, Int)? {
        let eventTypeName: StaticString = "EventType"
        let eventTypeBytes = UnsafeRawBufferPointer(start: eventTypeName.utf8Start, count: eventTypeName.utf8CodeUnitCount)
        var key = 1
        for _ in 0..<Int(nodes[0].count) {
            let node = nodes[key]
            guard !node.hasEscapes else { return nil }
            if Self.text(node, base).equals(eventTypeBytes) {
                let value = nodes[key + 1]
                guard value.kind == .string, !value.hasEscapes else { return nil }
                let index = eventIndex(Self.text(value, base))
                return index < 0 ? nil : (index, key + 1)
            }
            key = Int(nodes[key + 1].next)
        }
        return nil
    }

    /// A plain string node's text, between its quotes.
    @inline(__always) static func text(_ node: JSONNode, _ base: UnsafeRawPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + (node.start &+ 1), count: node.end &- node.start &- 2)
    }
}

extension CompiledObject {
    /// The member pass of `Validator.quickVerdict` over the object at tape
    /// index `object`: true when it proves every member passes every check.
    /// `eventTypeValue` is the tape index of the EventType value that chose
    /// the spec (-1 for nested objects).
    func quickObject(_ nodes: UnsafeBufferPointer<JSONNode>, base: UnsafeRawPointer, object: Int, eventTypeValue: Int) -> Bool {
        let fieldCount = tables.fieldCount
        // Masks of fields: one bit a field, so every shift below is by less than 64.
        guard fieldCount <= 64 else { return false }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { allowedMatches -> Bool in
            var present: UInt64 = 0
            var expected = 0
            var key = object &+ 1
            for _ in 0..<Int(nodes[object].count) {
                let keyNode = nodes[key], value = key &+ 1, valueNode = nodes[value]
                key = Int(valueNode.next)
                guard !keyNode.hasEscapes else { return false }
                let index = quickField(Validator.text(keyNode, base), hint: expected)
                guard index >= 0, present & 1 &<< index == 0 else { return false }
                present |= 1 &<< index
                expected = index &+ 1
                if tables.shapes[index] != .string && tables.shapes[index] != .numericString {
                    guard quickValue(index, nodes, base: base, value: value) else { return false }
                    continue
                }
                guard valueNode.kind == .string, valueNode.end &- valueNode.start > 2 else { return false }
                // Free text nothing checks but its kind (Extend, ErrorMessage) may hold escapes.
                // A required one is not blank when its first byte is neither whitespace nor an escape.
                if valueNode.hasEscapes {
                    guard tables.isFreeText[index] else { return false }
                    let first = base.load(fromByteOffset: valueNode.start &+ 1, as: UInt8.self)
                    guard !tables.isRequired[index] || (first != UInt8(ascii: "\\") && !TextChecks.mayStartBlank(first)) else { return false }
                    continue
                }
                guard quickText(index, Validator.text(valueNode, base), isEventType: value == eventTypeValue, match: &allowedMatches[index]) else {
                    return false
                }
            }
            guard present & tables.requiredMask == tables.requiredMask else { return false }
            return conditionsQuiet(present: present, allowedMatches: allowedMatches)
        }
    }

    /// `SpecTables.exactField`, written out: as a call it cost more than
    /// the compares. Keys usually come in the spec's order, so the search
    /// starts after the last match; -1 for no field.
    @inline(__always) private func quickField(_ keyText: UnsafeRawBufferPointer, hint: Int) -> Int {
        let fieldCount = tables.fieldCount
        let keyWords = KeyWords(keyText)
        var index = hint < fieldCount ? hint : 0
        var probes = 1
        while tables.nameWords[index] != keyWords || !(keyWords.coversAll || keyText.equals(tables.name(index))) {
            guard probes < fieldCount else { return -1 }
            probes &+= 1
            index = index &+ 1 == fieldCount ? 0 : index &+ 1
        }
        return index
    }

    /// `passesQuickly`'s tests of a plain, non-empty text value, for the only
    /// occurrence of its field; `match` receives the allowed value it is.
    @inline(__always) private func quickText(_ index: Int, _ bytes: UnsafeRawBufferPointer, isEventType: Bool, match: inout Int) -> Bool {
        if tables.isRequired[index] && TextChecks.mayStartBlank(bytes[0]) { return false }
        if tables.shapes[index] == .numericString { return TextChecks.isNumber(bytes) }
        // Conditions read the match even of a field whose value is not checked against it.
        if tables.hasAllowed[index] {
            // `allowedIndex(of:words:field:)`, written out: as a call
            // (never inlined here) its entry and exit cost more than the search.
            let words = KeyWords(bytes)
            let first = tables.allowedFirst[index], end = tables.allowedFirst[index &+ 1]
            match = -1
            var k = first
            while k < end {
                if tables.valueWords[k] == words && (words.coversAll || bytes.equals(tables.allowedValue(k))) {
                    match = k &- first
                    break
                }
                k &+= 1
            }
        }
        if index == tables.eventTypeField { return isEventType }
        if tables.hasAllowed[index] && match < 0 { return false }
        guard let format = tables.formats[index] else { return true }
        return TextChecks.isWellFormed(bytes, format)
    }

    /// A value that is not text: the right kind, and nested objects (or an
    /// array's elements) proved by their own pass. An object sent as JSON
    /// text is left to the full check.
    func quickValue(_ index: Int, _ nodes: UnsafeBufferPointer<JSONNode>, base: UnsafeRawPointer, value: Int) -> Bool {
        let node = nodes[value]
        switch tables.shapes[index] {
        case .integer: return node.kind == .number && TextChecks.isInteger(Self.raw(node, base))
        case .number: return node.kind == .number
        case .boolean: return node.kind == .true || node.kind == .false
        case .object, .objectOrJSONString:
            return node.kind == .object && children[index]!.quickObject(nodes, base: base, object: value, eventTypeValue: -1)
        case .any: return Self.cannotRepeatKeys(nodes, value)
        case .string, .numericString: return false
        case .array:
            guard node.kind == .array else { return false }
            let shape = tables.elementShapes[index]
            var element = value &+ 1
            for _ in 0..<Int(node.count) {
                let item = nodes[element]
                let passes: Bool = switch shape {
                case .object, .objectOrJSONString:
                    item.kind == .object && children[index]!.quickObject(nodes, base: base, object: element, eventTypeValue: -1)
                case .string: item.kind == .string
                case .numericString: item.kind == .string && !item.hasEscapes && TextChecks.isNumber(Validator.text(item, base))
                case .integer: item.kind == .number && TextChecks.isInteger(Self.raw(item, base))
                case .number: item.kind == .number
                case .boolean: item.kind == .true || item.kind == .false
                case .any: Self.cannotRepeatKeys(nodes, element)
                case .array: false
                }
                guard passes else { return false }
                element = Int(item.next)
            }
            return true
        }
    }

    /// A value nothing checks member by member: true when no object in it
    /// has two members, so it cannot hold a repeated key (see `quickVerdict`).
    @inline(__always) private static func cannotRepeatKeys(_ nodes: UnsafeBufferPointer<JSONNode>, _ value: Int) -> Bool {
        let node = nodes[value]
        guard node.kind == .object || node.kind == .array else { return true }
        for index in value..<Int(node.next) where nodes[index].kind == .object && nodes[index].count > 1 { return false }
        return true
    }

    @inline(__always) private static func raw(_ node: JSONNode, _ base: UnsafeRawPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + node.start, count: node.end &- node.start)
    }

    /// As `checkConditions` decides, with every present text value a non-empty string.
    @inline(__always) private func conditionsQuiet(present: UInt64, allowedMatches: UnsafeMutableBufferPointer<Int>) -> Bool {
        for condition in tables.conditions where present & 1 &<< condition.governing != 0 {
            // `allowedMatches` starts uninitialized; `quickObject` writes a
            // field's slot only when `quickText` checks its value. A present
            // governing field always was: conditions govern only by a field
            // with allowed values (`SpecTables.init` skips any other), which
            // is text and never free text, so no other branch passed it.
            assert(tables.hasAllowed[condition.governing] && !tables.isFreeText[condition.governing]
                   && (tables.shapes[condition.governing] == .string || tables.shapes[condition.governing] == .numericString),
                   "a condition's governing field must be checked by quickText, or its match is uninitialized")
            let matched = allowedMatches[condition.governing]
            guard matched >= 0, (matched == condition.triggerValue) == condition.isEquals else { continue }
            for subject in condition.subjects {
                let isPresent = present & 1 &<< tables.subjectFields[subject] != 0
                if isPresent != condition.expectsPresent { return false }
            }
        }
        return true
    }
}

extension Validator {
    /// What the quick pass and the full check disagree on for `document`;
    /// nil when they agree. The quick pass may decline a clean document,
    /// but must never pass one the full check has anything to say about.
    /// Public for the pipeline fuzzer, which sees only the public API and
    /// asks this of every document it reads.
    public func quickVerdictDisagreement(_ document: JSONDocument) -> String? {
        guard let quick = quickVerdict(document) else { return nil }
        let full = fullCheck(document, pointerPrefix: "")
        if !full.diagnostics.isEmpty {
            return "the quick pass passed a document the full check finds \(full.diagnostics.map { "\($0.rule)" }) in"
        }
        var duplicateFinder = DuplicateKeyFinder()
        if !duplicateFinder.find(in: document).isEmpty {
            return "the quick pass passed a document that repeats a key, which a reader deferring its repeated-key search would miss"
        }
        if full.eventType != specs[quick].spec.eventType {
            return "the quick pass checked it as \(specs[quick].spec.eventType), the full check as \(full.eventType ?? "no event")"
        }
        return nil
    }
}
