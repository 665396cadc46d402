/// What one document adds to a `CallbackSummary`, taken from the document
/// alone, so it can be worked out on another thread and counted later in
/// document order. The values it counts are copied into a caller's byte
/// arena; the entry holds where.
public struct SummaryEntry: Sendable {
    /// Kept small, as a part of a large file holds thousands of entries
    /// until they are counted: the document's own tally, and where its
    /// values start in the arena with each one's length (-1 when absent),
    /// in the order of `Value`.
    var counts: DocumentCounts
    var valuesStart = 0
    var lengths: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1, -1, -1)
    var mediaId: Fingerprint?
    /// The catalog index of the event a plain EventType names, -1 for none:
    /// the summary finds its breakdown by it without comparing names.
    var event: Int8 = -1
    /// The fingerprint of the normalized form, for a well-formed document.
    var normalized: Fingerprint?
    /// The event's identity field is MediaId (DeleteMediaComplete, the AI
    /// and audit events): its value is counted by `mediaId`'s fingerprint,
    /// not copied and fingerprinted a second time.
    var identityIsMediaId = false
    /// For each `Value`, 1 + its number in `SummaryValueTable` when the
    /// catalog lists it (it is then not in the arena), 0 otherwise.
    var numbers: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)

    enum Value: Int { case eventType, status, mediaType, deleteType, errorCode, eventTime, code, identity }

    /// Calls `body` with each value present, in the order of `Value`: its
    /// number in `SummaryValueTable` with no bytes when the catalog lists
    /// it, else -1 and its bytes in `arena`. Only a well-formed EventTime
    /// counts towards the first and last, so only it is kept.
    func forEachValue(in arena: UnsafeRawBufferPointer, _ body: (Value, UnsafeRawBufferPointer, Int) -> Void) {
        withUnsafeBytes(of: lengths) { raw in
            withUnsafeBytes(of: numbers) { numbered in
                let lengths = raw.bindMemory(to: Int32.self), numbers = numbered.bindMemory(to: UInt16.self)
                var start = valuesStart
                for index in 0..<lengths.count {
                    // lengths has one slot per Value case, so every index is one.
                    if numbers[index] != 0 {
                        body(Value(rawValue: index)!, UnsafeRawBufferPointer(start: nil, count: 0), Int(numbers[index]) - 1)
                    } else if lengths[index] >= 0 {
                        let length = Int(lengths[index])
                        body(Value(rawValue: index)!, UnsafeRawBufferPointer(rebasing: arena[start..<start + length]), -1)
                        start += length
                    }
                }
            }
        }
    }

    /// `normalized` is the document's normalized form, when it is
    /// well-formed JSON; the values go to the end of `arena`.
    public init(_ report: DocumentReport, document: JSONDocument?, normalized: UnsafeRawBufferPointer?, arena: inout [UInt8]) {
        self.init(report, document: document, fingerprint: normalized.map(Fingerprint.init), arena: &arena)
    }

    /// The same entry from the fingerprint of the normalized form (see
    /// `Fingerprint(normalizing:order:scratch:)`), so the form need not be written out.
    public init(_ report: DocumentReport, document: JSONDocument?, fingerprint: Fingerprint?, arena: inout [UInt8]) {
        var memo = EventTypeMemo()
        self.init(report, document: document, fingerprint: fingerprint, arena: &arena, memo: &memo)
    }

    /// The same, with the event looked up through `memo`, kept by the
    /// caller from one document to the next.
    public init(
        _ report: DocumentReport, document: JSONDocument?, fingerprint: Fingerprint?, arena: inout [UInt8], memo: inout EventTypeMemo
    ) {
        counts = DocumentCounts(report)
        normalized = fingerprint
        valuesStart = arena.count
        guard let document else { return }
        let nodes = SummaryFieldNodes(document)
        // Only a well-formed EventTime counts towards the first and last.
        let time = nodes.eventTime >= 0 && memo.isWellFormedTime(document, nodes.eventTime) ? nodes.eventTime : -1
        let catalogIndex = nodes.event(document, memo: &memo)
        event = Int8(truncatingIfNeeded: catalogIndex ?? -1)
        var identity = catalogIndex.map { nodes.identity(ofEvent: $0) } ?? -1
        if identity >= 0 && identity == nodes.mediaId {
            identityIsMediaId = true
            identity = -1
        }
        var values = (nodes.eventType, nodes.status, nodes.mediaType, nodes.deleteType, nodes.errorCode, time,
                      nodes.code, identity)
        withUnsafeMutableBytes(of: &values) { raw in
            withUnsafeMutableBytes(of: &numbers) { numbered in
                Self.number(raw.bindMemory(to: Int.self), of: document, event: catalogIndex, in: memo.values, into: numbered.bindMemory(to: UInt16.self))
            }
        }
        withUnsafeBytes(of: values) { raw in
            withUnsafeMutableBytes(of: &lengths) { lengths in
                Self.copy(raw.bindMemory(to: Int.self), of: document, into: &arena, lengths: lengths.bindMemory(to: Int32.self))
            }
        }
        if nodes.mediaId >= 0 {
            mediaId = SummaryFieldNodes.withValue(document, nodes.mediaId) { Fingerprint($0) }
        }
    }
}

extension SummaryEntry {
    /// Numbers each value the catalog lists (a plain EventType by its
    /// event's catalog index, which is its number) and takes it out of
    /// `nodes` (-1), so it is not copied.
    fileprivate static func number(
        _ nodes: UnsafeMutableBufferPointer<Int>, of document: JSONDocument, event: Int?, in table: SummaryValueTable,
        into numbers: UnsafeMutableBufferPointer<UInt16>
    ) {
        if let event {
            numbers[Value.eventType.rawValue] = UInt16(truncatingIfNeeded: event + 1)
            nodes[Value.eventType.rawValue] = -1
        }
        // Status, MediaType, DeleteType, ErrorCode and Code; EventTime and the identity are not listed values.
        for value in Value.status.rawValue...Value.code.rawValue where value != Value.eventTime.rawValue {
            let node = nodes[value]
            guard node >= 0, document[node].kind == .string, let bytes = document.plainString(node) else { continue }
            let number = table.number(of: bytes)
            guard number >= 0 else { continue }
            numbers[value] = UInt16(truncatingIfNeeded: number + 1)
            nodes[value] = -1
        }
    }

    /// Appends the values of `nodes` (those not -1) to `arena` and sets each
    /// one's length: a plain string's bytes or another value's JSON text in
    /// one append, an escaped string decoded straight onto the arena. With
    /// the catalog's values numbered, what is left is mostly EventTime; one
    /// append for all at their source lengths, then trimmed, cost about 430
    /// instructions a document of `summary`, mostly in the trimming.
    fileprivate static func copy(
        _ nodes: UnsafeBufferPointer<Int>, of document: JSONDocument, into arena: inout [UInt8], lengths: UnsafeMutableBufferPointer<Int32>
    ) {
        for (index, node) in nodes.enumerated() where node >= 0 {
            let start = arena.count
            let value = document.nodes[node]
            if value.kind != .string {
                arena.append(contentsOf: document.rawBytes(of: node).assumingMemoryBound(to: UInt8.self))
            } else if value.hasEscapes {
                JSONString.decode(document.bytes, start: value.start, end: value.end, into: &arena)
            } else {
                arena.append(contentsOf: UnsafeRawBufferPointer(rebasing: document.bytes[(value.start + 1)..<(value.end - 1)]).assumingMemoryBound(to: UInt8.self))
            }
            lengths[index] = Int32(truncatingIfNeeded: arena.count - start)
        }
    }
}
