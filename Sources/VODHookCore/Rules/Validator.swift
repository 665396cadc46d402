
/// Checks parsed documents against the event specs. Reuse one validator for
/// many documents: its scratch space is kept, so the usual valid callback
/// costs no allocation.
public struct Validator {
    /// Tape index of each spec field's value (exact or case-insensitive key), -1 when absent.
    private var slots: [Int] = []
    private var slotKeys: [Int] = []

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

        let spec = chooseSpec(document, findings: &findings, pointerPrefix: pointerPrefix)
        guard let spec else { return Result(diagnostics: findings, eventType: eventTypeText(document)) }
        collectFields(document, spec: spec, findings: &findings, pointerPrefix: pointerPrefix)
        for (index, field) in spec.fields.enumerated() {
            checkField(field, value: slots[index], document, findings: &findings, pointerPrefix: pointerPrefix)
        }
        checkConditions(spec, document, findings: &findings, pointerPrefix: pointerPrefix)
        findings.sort()
        return Result(diagnostics: findings, eventType: eventTypeText(document))
    }

    // MARK: Which event

    /// The spec named by EventType. Nil (with an `unknown-event-type` finding)
    /// when it names an event the tool does not know; the fallback table when
    /// it names none, so the other fields are still checked.
    private func chooseSpec(_ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) -> EventSpec? {
        guard let value = memberValue(document, named: "EventType", ignoringCase: true),
            document[value].kind == .string
        else { return EventCatalog.fallback }
        let known = document.withDecodedString(value) { bytes -> EventSpec? in
            bytes.isEmpty ? EventCatalog.fallback : EventCatalog.spec(forEventType: bytes)
        }
        if let known { return known }
        let name = document.shortString(value, limit: ValueSuggestion.longestSuggestible)
        let names = EventCatalog.events.map(\.eventType)
        let hint = name.flatMap { ValueSuggestion.nearest(to: $0, among: names) }.map { "did you mean \(TerminalSafe.quoted($0))?" }
            ?? "known event types: " + names.joined(separator: ", ")
        findings.append(Diagnostic(
            .error, .unknownEventType, "unknown event type \(document.quotedForMessage(value))",
            offset: document.sourceOffset(of: value), pointer: pointer(document, key: value - 1, pointerPrefix), hint: hint))
        return nil
    }

    private func eventTypeText(_ document: JSONDocument) -> String? {
        guard document[document.root].kind == .object,
            let value = memberValue(document, named: "EventType", ignoringCase: false),
            document[value].kind == .string
        else { return nil }
        return document.string(value)
    }

    private func memberValue(_ document: JSONDocument, named name: String, ignoringCase: Bool) -> Int? {
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

    // MARK: Keys

    private mutating func collectFields(_ document: JSONDocument, spec: EventSpec, findings: inout [Diagnostic], pointerPrefix: String) {
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(-1, count: spec.fields.count))
        slotKeys.removeAll(keepingCapacity: true)
        slotKeys.append(contentsOf: repeatElement(-1, count: spec.fields.count))
        var exact = [Bool](repeating: false, count: spec.fields.count)
        var miscased: [(key: Int, field: Int)] = []
        var unknown: [Int] = []
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
                unknown.append(key)
                continue
            }
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
        for (key, index) in miscased {
            let name = spec.fields[index].name
            findings.append(Diagnostic(
                .error, .fieldNameCase,
                "key \(TerminalSafe.quoted(document.string(key))) matches the field \(TerminalSafe.quoted(name)) only when case is ignored",
                offset: document.sourceOffset(of: key), pointer: pointer(document, key: key, pointerPrefix),
                hint: "rename it to \(TerminalSafe.quoted(name)); VOD field names are case-sensitive"))
        }
        if !miscased.isEmpty && camelCaseKeys == keyCount && keyCount > 1 {
            findings.append(Diagnostic(
                .note, .fieldNameCase,
                "every key is camelCase: this looks like a look-alike from another vendor (Polyv also sends a DeleteMediaComplete event, with camelCase keys), not an ApsaraVideo VOD callback",
                offset: document.sourceOffset(of: document.root), pointer: pointerPrefix))
        }
        let known = spec.fields.map(\.name)
        for key in unknown {
            let name = document.shortString(key, limit: ValueSuggestion.longestSuggestible)
            let hint = name.flatMap { ValueSuggestion.nearest(to: $0, among: known) }.map { "did you mean \(TerminalSafe.quoted($0))?" }
                ?? "fields outside the spec are common in practice; --strict makes this an error"
            findings.append(Diagnostic(
                .warning, .unknownField,
                "field \(document.quotedForMessage(key)) is not in the \(spec.eventType) spec",
                offset: document.sourceOffset(of: key), pointer: pointer(document, key: key, pointerPrefix), hint: hint))
        }
    }

    // MARK: Values

    private func checkField(_ field: FieldSpec, value: Int, _ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) {
        guard value >= 0 else {
            if field.isRequired {
                findings.append(Diagnostic(
                    .error, .missingField, "missing required field \(TerminalSafe.quoted(field.name))",
                    offset: document.sourceOffset(of: document.root),
                    pointer: JSONPointer.appending(field.name, to: pointerPrefix),
                    hint: "the \(field.name) field holds \(field.summary)"))
            }
            return
        }
        let offset = document.sourceOffset(of: value)
        let at = pointer(document, key: value - 1, pointerPrefix)
        guard document[value].kind == .string else {
            findings.append(Diagnostic(
                .error, .wrongType,
                "\(TerminalSafe.quoted(field.name)) must be a string, found \(describe(value, document))",
                offset: offset, pointer: at,
                hint: document[value].kind == .null ? "omit the field or give it a string" : nil))
            return
        }
        let isEmpty = document[value].end - document[value].start == 2
        if isEmpty {
            if field.isRequired {
                findings.append(Diagnostic(.error, .emptyValue, "\(TerminalSafe.quoted(field.name)) is empty", offset: offset, pointer: at))
            }
            return
        }
        if field.name == "EventType" { return }
        if let allowed = field.allowedValues {
            // Compared as bytes, not as Strings (which would take U+037E for ';'),
            // and not decoded at all when too long to be one of them.
            let text = document.shortString(value, limit: ValueSuggestion.longestSuggestible)
            let ok = text != nil && document.withDecodedString(value) { bytes in allowed.contains { $0.utf8.elementsEqual(bytes) } }
            if !ok {
                let list = allowed.map(TerminalSafe.quoted).joined(separator: ", ")
                findings.append(Diagnostic(
                    .error, .invalidValue,
                    "\(document.quotedForMessage(value)) is not a valid \(field.name); expected one of \(list)",
                    offset: offset, pointer: at,
                    hint: text.flatMap { ValueSuggestion.suggest($0, among: allowed) }.map { "did you mean \(TerminalSafe.quoted($0))?" }))
            }
        }
        switch field.format {
        case .eventTime:
            let text = document.string(value)
            if let problem = EventTimeCheck.problem(in: text) {
                findings.append(Diagnostic(
                    .error, .invalidEventTime, "\(field.name) \(TerminalSafe.quoted(text)) \(problem.description)",
                    offset: offset, pointer: at,
                    hint: problem.suggestion.map { "write \(TerminalSafe.quoted($0))" } ?? "the format is yyyy-MM-ddTHH:mm:ssZ, in UTC"))
            }
        case .mediaId:
            let problem = document.withDecodedString(value) { MediaIdCheck.problem(in: $0) }
            if let problem {
                findings.append(Diagnostic(
                    .note, .mediaIdFormat,
                    "\(field.name) \(document.quotedForMessage(value)) is not 32 lowercase hex characters; \(problem)",
                    offset: offset, pointer: at))
            }
        case nil:
            break
        }
    }

    // MARK: Conditions

    private func checkConditions(_ spec: EventSpec, _ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) {
        for condition in spec.conditions {
            guard let governing = spec.fieldIndex(named: condition.field), slots[governing] >= 0 else { continue }
            let value = slots[governing]
            guard document[value].kind == .string,
                let allowed = spec.fields[governing].allowedValues
            else { continue }
            // Only a valid governing value says anything; a wrong one is its own finding.
            guard let text = document.shortString(value, limit: ValueSuggestion.longestSuggestible), allowed.contains(text) else { continue }
            let holds: Bool
            switch condition.trigger {
            case .equals(let expected): holds = text == expected
            case .differsFrom(let other): holds = text != other
            }
            guard holds else { continue }
            let severity = RuleCatalog.severity(of: condition.rule)
            for subject in condition.subjects {
                guard let index = spec.fieldIndex(named: subject) else { continue }
                let present = slots[index] >= 0
                switch condition.expectation {
                case .absent where present:
                    let key = slotKeys[index]
                    findings.append(Diagnostic(
                        severity, condition.rule,
                        "\(subject) is present but \(condition.field) is \(TerminalSafe.quoted(text)); \(condition.reason)",
                        offset: document.sourceOffset(of: key), pointer: pointer(document, key: key, pointerPrefix)))
                case .present where !present:
                    findings.append(Diagnostic(
                        severity, condition.rule,
                        "\(condition.field) is \(TerminalSafe.quoted(text)) but \(subject) is absent; \(condition.reason)",
                        offset: document.sourceOffset(of: value), pointer: pointer(document, key: value - 1, pointerPrefix)))
                default:
                    break
                }
            }
        }
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

    /// The pointer of a top-level member, from its key (a value's key is the
    /// node before it). Every finding here is about one, and a search from
    /// the root costs the members before it: a million unknown fields made
    /// that quadratic, hours of work (found by the stress run).
    private func pointer(_ document: JSONDocument, key: Int, _ prefix: String) -> String {
        JSONPointer.appending(document.string(key), to: prefix)
    }

    /// "a number (42)", "null", "an object": short and terminal-safe.
    private func describe(_ value: Int, _ document: JSONDocument) -> String {
        let node = document[value]
        switch node.kind {
        case .number, .true, .false:
            let raw = String(decoding: document.rawBytes(of: value).prefix(40), as: UTF8.self)
            return "\(node.kind.nameWithArticle) (\(raw))"
        default:
            return node.kind.nameWithArticle
        }
    }
}
