/// Checks parsed documents against the event specs. Reuse one validator for
/// many documents: the specs are prepared once, and the usual valid
/// callback is checked on bytes with scratch space on the stack, so it
/// costs no allocation; strings, pointers and messages are made only for
/// findings.
public struct Validator {
    /// Every known event's spec, prepared once, in catalog order.
    let specs: [CompiledSpec]
    /// Each event type's `KeyWords`, so the quick pass finds a document's
    /// event with integer compares rather than a byte compare per event.
    let eventTypeWords: [KeyWords]
    /// `EventCatalog.eventTypeSlots`: the event is found in a probe or two, not a scan of the catalog.
    let eventTypeSlots: [Int]
    /// `EventCatalog.eventTypeBytes`, for the probe's final compare.
    let eventTypeNames: [[UInt8]]

    /// The catalog compiled once per process: every part of a `--jobs` run
    /// makes its own validator, and compiling 21 tables each time cost as
    /// much as checking a few hundred documents. The tables never change.
    private static let compiled: (specs: [CompiledSpec], words: [KeyWords], slots: [Int], names: [[UInt8]]) =
        (EventCatalog.events.map(CompiledSpec.init), EventCatalog.eventTypeWords, EventCatalog.eventTypeSlots, EventCatalog.eventTypeBytes)

    public init() {
        (specs, eventTypeWords, eventTypeSlots, eventTypeNames) = Self.compiled
    }

    /// `EventCatalog.lookUp` with this validator's references to its tables; -1 for no event.
    @inline(__always) func eventIndex(_ name: UnsafeRawBufferPointer) -> Int {
        EventCatalog.lookUp(name, words: eventTypeWords, slots: eventTypeSlots, names: eventTypeNames)
    }

    static let eventTypeSlotCount = 64

    @inline(__always) static func eventTypeSlot(_ words: KeyWords) -> Int {
        Int(truncatingIfNeeded: ((words.head ^ words.tail ^ UInt64(truncatingIfNeeded: words.count)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The result for one document: findings in source order, the event
    /// whose spec they were checked against (else the EventType it named
    /// when that names no known event), and whether that event was inferred
    /// (from its fields, or as the nearest name) rather than named exactly.
    public struct Result {
        public var diagnostics: [Diagnostic]
        public var eventType: String?
        public var eventTypeInferred: Bool = false
    }

    public func validate(_ document: JSONDocument, pointerPrefix: String = "") -> Result {
        quickResult(document) ?? fullCheck(document, pointerPrefix: pointerPrefix)
    }

    /// The result of a document the quick verdict proves clean (no finding,
    /// and no repeated key anywhere in it); nil when it cannot, and
    /// `fullCheck` must say. `validate` is the two in turn: a reader that
    /// leaves repeated keys to its caller looks for them only between the two.
    public func quickResult(_ document: JSONDocument) -> Result? {
        quickVerdict(document).map { Result(diagnostics: [], eventType: specs[$0].spec.eventType) }
    }

    /// Every check, with a finding for each problem; what `quickVerdict` spares a valid document.
    public func fullCheck(_ document: JSONDocument, pointerPrefix: String) -> Result {
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
        // Another vendor's payload is named as such, whatever event name it
        // borrows: checked against a VOD event it would get a pile of findings.
        if let lookAlike = vendorLookAlike(document, pointerPrefix) {
            return Result(diagnostics: [lookAlike], eventType: eventTypeText(document, value: eventTypeKey.exact))
        }
        let exactEvent = eventTypeKey.exact.flatMap { document[$0].kind == .string ? knownEvent(document, $0) : nil }
        let chosen: Int, inferred: Bool
        var inferredByFields = false
        if let exactEvent {
            (chosen, inferred) = (exactEvent, false)
        } else {
            switch chooseSpec(document, eventTypeKey, pointerPrefix) {
            case .named(let index, let guessed): (chosen, inferred) = (index, guessed)
            case .byFields(let index): (chosen, inferred, inferredByFields) = (index, true, true)
            case .unknown(let value):
                // An event the catalog does not have (a new one, or another
                // product's): its fields are not any spec's, so checking them
                // against one would bury the one finding that matters.
                return Result(diagnostics: [unknownEventType(document, value, pointerPrefix)], eventType: document.string(value))
            case .undecided(let finding):
                return Result(diagnostics: [finding], eventType: nil)
            }
        }
        // The exact EventType's value, when it names a known event
        // (exactEvent is only set from eventTypeKey.exact).
        let knownEventType = exactEvent == nil ? -1 : eventTypeKey.exact!
        let context = ObjectContext(event: specs[chosen].spec, path: "", pointer: pointerPrefix, knownEventType: knownEventType)
        checkObject(root, specs[chosen].root, context, document, findings: &findings)
        if inferredByFields { sayInferred(specs[chosen].spec.eventType, &findings, pointer: JSONPointer.appending("EventType", to: pointerPrefix)) }
        if findings.count > 1 { findings.sort() }
        return Result(diagnostics: findings, eventType: specs[chosen].spec.eventType, eventTypeInferred: inferred)
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
            let matched = document.plainString(key).map { KeyMatch($0, nameBytes) }
                ?? document.withDecodedString(key) { KeyMatch($0, nameBytes) }
            if matched == .exact { return (value, caseMatch) }
            if matched == .ignoringCase && caseMatch == nil { caseMatch = value }
            key = Int(document[value].next)
        }
        return (nil, caseMatch)
    }


    /// The EventType finding (missing, wrong type, empty) of a document
    /// checked as the event its fields fit says so in its help: every other
    /// finding is about that event's table.
    private func sayInferred(_ name: String, _ findings: inout [Diagnostic], pointer: String) {
        for index in findings.indices where findings[index].pointer == pointer
            && [.missingField, .wrongType, .emptyValue].contains(findings[index].rule) {
            findings[index].hint = "looks like \(name) (by its fields), so it was checked as one; add \"EventType\":\"\(name)\""
        }
    }

    /// How the spec is chosen when the exact EventType names no known event.
    enum Choice {
        /// The event a miscased key names (not inferred), or the nearest known name to a misspelt one (inferred).
        case named(Int, inferred: Bool)
        /// No usable EventType, but the fields fit this event well.
        case byFields(Int)
        /// The exact EventType names an event near no known one.
        case unknown(value: Int)
        /// Nothing to check against: the one finding that says why.
        case undecided(Diagnostic)
    }

    /// The spec a document without a known exact EventType is checked
    /// against: the nearest known name to the one it gives (a typo still
    /// deserves a full check), else the event its fields fit (by
    /// `EventInference`), else none, with the one finding that says why.
    private func chooseSpec(_ document: JSONDocument, _ eventTypeKey: (exact: Int?, caseMatch: Int?), _ pointerPrefix: String) -> Choice {
        let named = eventTypeKey.exact ?? eventTypeKey.caseMatch
        if let named, document[named].kind == .string, document[named].end - document[named].start > 2 {
            if let known = knownEvent(document, named) { return .named(known, inferred: false) }
            let meant = ValueSuggestion.suggest(document.string(named), among: EventCatalog.events.map(\.eventType))
            if let meant, let index = specs.firstIndex(where: { $0.spec.eventType == meant }) { return .named(index, inferred: true) }
            // Only the exact key's value decides: a misspelt key still gets its finding from the full check.
            if named == eventTypeKey.exact { return .unknown(value: named) }
        }
        let inference = EventInference(document)
        if let event = inference.event { return .byFields(event) }
        return .undecided(inference.finding(document, eventTypeValue: eventTypeKey.exact, pointerPrefix: pointerPrefix))
    }

    /// The spec a string value names exactly, if any.
    func knownEvent(_ document: JSONDocument, _ value: Int) -> Int? {
        let index = document.withDecodedString(value) { eventIndex($0) }
        return index < 0 ? nil : index
    }

    func unknownEventType(_ document: JSONDocument, _ value: Int, _ pointerPrefix: String) -> Diagnostic {
        let name = document.string(value)
        let names = EventCatalog.events.map(\.eventType)
        let hint: String
        if name == "AIComplete" {
            hint = "AIComplete is how a callback subscribes to the AI events; payloads name AIMediaAuditComplete, AIMediaDNAComplete or AIVideoTagComplete"
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
            let matched = document.withDecodedString(key) { bytes -> KeyMatch in
                if name.utf8.elementsEqual(bytes) { return .exact }
                return ignoringCase && ASCIICase.equalIgnoringCase(name.utf8, bytes) ? .ignoringCase : .different
            }
            if matched == .exact { return value }
            if matched == .ignoringCase && caseMatch == nil { caseMatch = value }
        }
        return caseMatch
    }

    // MARK: Helpers

    /// How a key compares with a field name.
    enum KeyMatch {
        case exact, ignoringCase, different

        @inline(__always) init(_ key: UnsafeRawBufferPointer, _ name: UnsafeRawBufferPointer) {
            if key.equals(name) {
                self = .exact
            } else {
                self = key.count == name.count && ASCIICase.equalIgnoringCase(name, key) ? .ignoringCase : .different
            }
        }
    }

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
