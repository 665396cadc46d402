/// Which event a document without a usable EventType is, judged by its
/// fields: an event fits when the document has its identity field and every
/// other required field, and fits best when most of the document's keys are
/// its fields and fewest are not, or, among those, covers by far the most of
/// the event's table. One best fit is checked as that event;
/// none, or a tie, leaves one finding about EventType. A document none of
/// whose keys is any event's field is not a callback at all.
struct EventInference {
    /// The index in `EventCatalog.events` of the one best fit.
    let event: Int?
    /// The events tied for the best fit, when more than one.
    let tied: [Int]
    /// Whether any key names a catalog field (exactly, or but for case and surrounding whitespace).
    let hasCatalogField: Bool

    init(_ document: JSONDocument) {
        var keys: [String] = []
        for (key, _) in document.members(of: document.root) {
            if let name = document.shortString(key) { keys.append(name) }
        }
        // (event, keys that are its fields less keys that are not, share of its table covered in ‰)
        var fits: [(event: Int, score: Int, coverage: Int)] = []
        for (index, spec) in EventCatalog.events.enumerated() {
            let names = spec.fields.map(\.name)
            guard keys.contains(spec.identity) else { continue }
            let required = spec.fields.filter { $0.isRequired && $0.name != "EventType" }
            guard required.allSatisfy({ keys.contains($0.name) }) else { continue }
            let matched = keys.count { names.contains($0) }
            fits.append((index, matched - (keys.count - matched), matched * 1000 / max(names.count, 1)))
        }
        let best = fits.map(\.score).max() ?? 0
        let leaders = fits.filter { $0.score == best }.sorted { $0.coverage > $1.coverage }
        // Between events that fit as well, the one whose table the fields
        // cover at least twice as much wins: a FileUploadComplete's five
        // fields are also five of StreamTranscodeComplete's twenty-four, but
        // all but two of its own seven. EventTime, Status and VideoId alone
        // fit a dozen events about as well, and name none.
        if leaders.count == 1 || (leaders.count > 1 && leaders[0].coverage >= 2 * leaders[1].coverage) {
            event = leaders[0].event
            tied = []
        } else {
            event = nil
            tied = leaders.map(\.event)
        }
        hasCatalogField = keys.contains { Self.catalogFieldNames.contains(FieldNameKey($0)) }
    }

    /// Every top-level field name of every event, folded for comparison.
    static let catalogFieldNames: Set<FieldNameKey> = Set(EventCatalog.events.flatMap { $0.fields.map { FieldNameKey($0.name) } })

    /// The one finding when no event fits: `not-a-callback` when no key is
    /// any event's field and there is no EventType; else one about EventType.
    func finding(_ document: JSONDocument, eventTypeValue: Int?, pointerPrefix: String) -> Diagnostic {
        let root = document.root
        if eventTypeValue == nil && !hasCatalogField {
            let count = Int(document[root].count)
            let what = count == 0 ? "an empty object: it has no keys"
                : count == 1 ? "its one key is not a field of any ApsaraVideo VOD event"
                : "none of its \(count) keys is a field of any ApsaraVideo VOD event"
            return Diagnostic(
                .error, .notACallback, "not a callback: \(what)",
                offset: document.sourceOffset(of: root), pointer: pointerPrefix,
                hint: "a VOD callback is an object with EventType, EventTime and the event's fields; if a hook or a directory walk picked this file up, leave it out of the paths given to vodhook")
        }
        let fit = tied.isEmpty
            ? "its fields fit no one event well (an event's identity field and its required fields)"
            : "its fields fit " + Self.list(tied.prefix(4).map { EventCatalog.events[$0].eventType } + (tied.count > 4 ? ["\(tied.count - 4) more events"] : [])) + " about as well"
        let help = "\(fit); add \"EventType\" naming the event it is ('vodhook spec' lists them)"
        guard let eventTypeValue else {
            return Diagnostic(
                .error, .missingField, "missing required field \"EventType\"",
                offset: document.sourceOffset(of: root), pointer: JSONPointer.appending("EventType", to: pointerPrefix), hint: help)
        }
        let pointer = document.rootMemberPointer(key: eventTypeValue - 1, prefix: pointerPrefix)
        let node = document[eventTypeValue]
        if node.kind == .string {
            return Diagnostic(
                .error, .emptyValue, "\"EventType\" is empty",
                offset: document.sourceOffset(of: eventTypeValue), pointer: pointer, hint: help)
        }
        return Diagnostic(
            .error, .wrongType, "\"EventType\" is \(node.kind.nameWithArticle), expected a string",
            offset: document.sourceOffset(of: eventTypeValue), pointer: pointer, hint: help)
    }

    static func list(_ names: [String]) -> String {
        let quoted = names
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}

/// A key as compared with field names: ASCII case folded and surrounding
/// whitespace dropped, so "mediaid" and "ErrorCode " still count.
struct FieldNameKey: Hashable {
    let folded: [UInt8]

    init(_ name: String) {
        var bytes = Array(name.utf8)
        while let last = bytes.last, ASCIICase.isSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !ASCIICase.isSpace($0) } ?? bytes.endIndex
        folded = bytes[start...].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    }
}
