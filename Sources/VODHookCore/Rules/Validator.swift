/// Checks parsed documents against the event specs. Reuse one validator for
/// many documents: its scratch space is kept, so the usual valid callback
/// costs little allocation.
public struct Validator {
    /// Tape index of each spec field's value (first exact key, else first
    /// case-insensitive one), -1 when absent; what conditions and missing-field read.
    var slots: [Int] = []
    var slotKeys: [Int] = []
    /// Every member whose key names a spec field, exactly or ignoring case,
    /// so a repeated or miscased key's value is checked too.
    var occurrences: [(field: Int, key: Int, value: Int)] = []
    /// Keys that name no spec field, in source order.
    var unknownKeys: [Int] = []

    public init() {}

    /// The result for one document: findings in source order, and the
    /// event type the document named (nil when it named none as a string).
    public struct Result {
        public var diagnostics: [Diagnostic]
        public var eventType: String?
    }

    public mutating func validate(_ document: JSONDocument, pointerPrefix: String = "") -> Result {
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
        guard let spec = chooseSpec(document) else {
            // Another VOD event: its fields differ from every spec here, so
            // checking them would only produce noise. EventType says it all.
            if let value = Self.memberValue(document, named: "EventType", ignoringCase: true) {
                findings.append(unknownEventType(document, value, pointerPrefix))
            }
            return Result(diagnostics: findings, eventType: eventTypeText(document))
        }
        collectFields(document, spec: spec, findings: &findings, pointerPrefix: pointerPrefix)
        for (index, field) in spec.fields.enumerated() where slots[index] < 0 && field.isRequired {
            findings.append(missingField(field, spec: spec, document, pointerPrefix))
        }
        for occurrence in occurrences {
            checkValue(spec.fields[occurrence.field], spec: spec, value: occurrence.value, document, findings: &findings, pointerPrefix: pointerPrefix)
        }
        checkConditions(spec, document, findings: &findings, pointerPrefix: pointerPrefix)
        findings.sort()
        return Result(diagnostics: findings, eventType: eventTypeText(document))
    }

    // MARK: Which event

    /// The spec EventType names; for a name the tool does not know, the
    /// nearest spec (a typo still deserves a full check) or the fallback; nil
    /// for a VOD event that has no spec here. A payload that names no event
    /// as a string is checked against the fallback, so its fields still are.
    private func chooseSpec(_ document: JSONDocument) -> EventSpec? {
        guard let value = Self.memberValue(document, named: "EventType", ignoringCase: true),
            document[value].kind == .string
        else { return EventCatalog.fallback }
        let known = document.withDecodedString(value) { bytes -> EventSpec? in
            bytes.isEmpty ? EventCatalog.fallback : EventCatalog.spec(forEventType: bytes)
        }
        if let known { return known }
        let name = document.string(value)
        if EventCatalog.unspecifiedVODEventTypes.contains(name) { return nil }
        return ValueSuggestion.suggest(name, among: EventCatalog.events.map(\.eventType))
            .flatMap(EventCatalog.spec(forEventType:)) ?? EventCatalog.fallback
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
            offset: document.sourceOffset(of: value), pointer: document.pointer(to: value, prefix: pointerPrefix), hint: hint)
    }

    private func eventTypeText(_ document: JSONDocument) -> String? {
        guard let value = Self.memberValue(document, named: "EventType", ignoringCase: false),
            document[value].kind == .string
        else { return nil }
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
