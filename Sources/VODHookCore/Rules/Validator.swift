/// Checks parsed documents against the event specs. Reuse one validator for
/// many documents: the specs are prepared once, and the usual valid
/// callback is checked on bytes with scratch space on the stack, so it
/// costs no allocation; strings, pointers and messages are made only for
/// findings.
public struct Validator {
    /// Every known event's spec, prepared once, in catalog order.
    let specs: [CompiledSpec]

    public init() {
        specs = EventCatalog.events.map(CompiledSpec.init)
    }

    /// The result for one document: findings in source order, and the
    /// event type the document named (nil when it named none as a string).
    public struct Result {
        public var diagnostics: [Diagnostic]
        public var eventType: String?
    }

    public mutating func validate(_ document: JSONDocument, pointerPrefix: String = "") -> Result {
        if let chosen = quickVerdict(document) { return Result(diagnostics: [], eventType: specs[chosen].spec.eventType) }
        return fullCheck(document, pointerPrefix: pointerPrefix)
    }

    /// Every check, with a finding for each problem; what `quickVerdict` spares a valid document.
    func fullCheck(_ document: JSONDocument, pointerPrefix: String) -> Result {
        var findings: [Diagnostic] = []
        let root = document.root
        guard document[root].kind == .object else {
            findings.append(Diagnostic(
                .error, .notAnObject,
                "expected a callback object, found \(document[root].kind.nameWithArticle)",
                offset: document.sourceOffset(of: root), pointer: pointerPrefix,
                hint: notAnObjectHint(document)))
            return Result(diagnostics: findings, eventType: nil)
        }
        let eventTypeKey = eventTypeMembers(document)
        let exactEvent = eventTypeKey.exact.flatMap { document[$0].kind == .string ? knownEvent(document, $0) : nil }
        let eventType = exactEvent.map { specs[$0].spec.eventType } ?? eventTypeText(document, value: eventTypeKey.exact)
        guard let chosen = exactEvent ?? chooseSpec(document, value: eventTypeKey.exact ?? eventTypeKey.caseMatch) else {
            // Another VOD event: its fields differ from every spec here, so
            // checking them would only produce noise. EventType says it all.
            if let value = eventTypeKey.exact ?? eventTypeKey.caseMatch {
                findings.append(unknownEventType(document, value, pointerPrefix))
            }
            return Result(diagnostics: findings, eventType: eventType)
        }
        let spec = specs[chosen]
        let fieldCount = spec.tables.fieldCount
        let keyCount = Int(document[root].count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * fieldCount + 4 * keyCount + 2) { scratch in
            let fields = FieldSlots(scratch, fieldCount: fieldCount, keyCount: keyCount)
            collectFields(document, spec: spec, into: fields, findings: &findings, pointerPrefix: pointerPrefix)
            for index in 0..<fieldCount where fields.values[index] < 0 && spec.tables.isRequired[index] {
                findings.append(missingField(spec.spec.fields[index], spec: spec.spec, unknownKeys: fields.unknownKeys, document, pointerPrefix))
            }
            // The exact EventType's value, when it names a known event.
            // exactEvent is only set from eventTypeKey.exact.
            let knownEventType = exactEvent == nil ? -1 : eventTypeKey.exact!
            for occurrence in 0..<fields.occurrenceCount {
                let index = fields.occurrenceFields[occurrence], value = fields.occurrenceValues[occurrence]
                if passesQuickly(index, spec.tables, value: value, knownEventType: knownEventType, fields, document) { continue }
                checkValue(index, spec: spec, value: value, document, findings: &findings, pointerPrefix: pointerPrefix)
            }
            checkConditions(spec, fields, document, findings: &findings, pointerPrefix: pointerPrefix)
        }
        if findings.count > 1 { findings.sort() }
        return Result(diagnostics: findings, eventType: eventType)
    }

    // MARK: Which event

    /// The values of the first key spelled `EventType`, and of the first key
    /// that is `EventType` only when case is ignored.
    private func eventTypeMembers(_ document: JSONDocument) -> (exact: Int?, caseMatch: Int?) {
        let name: StaticString = "EventType"
        let nameBytes = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var caseMatch: Int?
        var key = document.root + 1
        for _ in 0..<Int(document[document.root].count) {
            let value = key + 1
            let matched = document.plainString(key).map { Self.match($0, nameBytes) }
                ?? document.withDecodedString(key) { Self.match($0, nameBytes) }
            if matched == 2 { return (value, caseMatch) }
            if matched == 1 && caseMatch == nil { caseMatch = value }
            key = Int(document[value].next)
        }
        return (nil, caseMatch)
    }

    /// 2 for the same bytes, 1 for the same ASCII letters in another case, else 0.
    @inline(__always) private static func match(_ key: UnsafeRawBufferPointer, _ name: UnsafeRawBufferPointer) -> Int {
        if key.equals(name) { return 2 }
        return key.count == name.count && ASCIICase.equalIgnoringCase(name, key) ? 1 : 0
    }

    /// The spec EventType names; for a name the tool does not know, the
    /// nearest spec (a typo still deserves a full check) or the fallback; nil
    /// for a VOD event that has no spec here. A payload that names no event
    /// as a string is checked against the fallback, so its fields still are.
    /// The fallback is the catalog's first event.
    private func chooseSpec(_ document: JSONDocument, value: Int?) -> Int? {
        guard let value, document[value].kind == .string, document[value].end - document[value].start > 2 else { return 0 }
        if let known = knownEvent(document, value) { return known }
        let name = document.string(value)
        if name.isEmpty { return 0 }
        if EventCatalog.unspecifiedVODEventTypes.contains(name) { return nil }
        let meant = ValueSuggestion.suggest(name, among: EventCatalog.events.map(\.eventType))
        return meant.flatMap { meant in specs.firstIndex { $0.spec.eventType == meant } } ?? 0
    }

    /// The spec a string value names exactly, if any.
    func knownEvent(_ document: JSONDocument, _ value: Int) -> Int? {
        guard let bytes = document.plainString(value) else {
            return document.withDecodedString(value) { bytes in specs.firstIndex { bytes.equals($0.eventTypeBytes) } }
        }
        for index in specs.indices where bytes.equals(specs[index].eventTypeBytes) { return index }
        return nil
    }

    func unknownEventType(_ document: JSONDocument, _ value: Int, _ pointerPrefix: String) -> Diagnostic {
        let name = document.string(value)
        let names = EventCatalog.events.map(\.eventType)
        let hint: String
        if EventCatalog.unspecifiedVODEventTypes.contains(name) {
            hint = "\(TerminalSafe.quotedExcerpt(name)) is an ApsaraVideo VOD event this tool has no spec for; it checks "
                + names.joined(separator: ", ")
        } else if let meant = ValueSuggestion.suggest(name, among: names) {
            hint = "did you mean \(TerminalSafe.quoted(meant))?"
        } else {
            hint = "known event types: " + names.joined(separator: ", ")
        }
        return Diagnostic(
            .error, .unknownEventType, "unknown event type \(TerminalSafe.quotedExcerpt(name))",
            offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix), hint: hint)
    }

    /// The text of the exact EventType, when a string; a known event's name
    /// is shared rather than built again.
    private func eventTypeText(_ document: JSONDocument, value: Int?) -> String? {
        guard let value, document[value].kind == .string else { return nil }
        if let known = knownEvent(document, value) { return specs[known].spec.eventType }
        return document.string(value)
    }

    /// The value of the first key spelled `name`, else (when asked) of the first key matching it ignoring case.
    static func memberValue(_ document: JSONDocument, named name: String, ignoringCase: Bool) -> Int? {
        var caseMatch: Int?
        for (key, value) in document.members(of: document.root) {
            let matched = document.withDecodedString(key) { bytes -> Int in
                if name.utf8.elementsEqual(bytes) { return 2 }
                return ignoringCase && ASCIICase.equalIgnoringCase(name.utf8, bytes) ? 1 : 0
            }
            if matched == 2 { return value }
            if matched == 1 && caseMatch == nil { caseMatch = value }
        }
        return caseMatch
    }

    // MARK: Helpers

    private func notAnObjectHint(_ document: JSONDocument) -> String? {
        switch document[document.root].kind {
        case .array: return "to check each element as a callback, read the source as a stream (--input stream)"
        case .string:
            let looksEncoded = document.withDecodedString(document.root) { $0.first == UInt8(ascii: "{") }
            return looksEncoded ? "the body is a JSON string holding JSON: it was encoded twice" : nil
        default: return nil
        }
    }
}
