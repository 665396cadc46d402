/// Where the values a summary reads sit on a document's tape: the first
/// key spelled exactly as each field (as for the validator), -1 when absent.
/// Found by the keys' bytes, so nothing is decoded or allocated.
struct SummaryFieldNodes {
    /// One node per `SummaryFieldTable.names` entry, inline so reading a
    /// document allocates nothing.
    private typealias Slots = (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                               Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    private var slots: Slots = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)

    // The counted fields' nodes, copied out of `slots` once: reading a
    // tuple's element through its bytes copied the whole tuple each time.
    private(set) var eventType = -1
    private(set) var eventTime = -1
    private(set) var status = -1
    private(set) var mediaType = -1
    private(set) var deleteType = -1
    private(set) var mediaId = -1
    private(set) var errorCode = -1
    /// The AI events' result code.
    private(set) var code = -1

    init() {}

    init(_ document: JSONDocument) {
        guard document[document.root].kind == .object else { return }
        var key = document.root + 1
        let multiplier = SummaryFieldTable.lookup.multiplier
        SummaryFieldTable.lookup.entries.withUnsafeBufferPointer { entries in
            withUnsafeMutableBytes(of: &slots) { raw in
                let slots = raw.bindMemory(to: Int32.self)
                for _ in 0..<Int(document[document.root].count) {
                    let value = key + 1
                    let slot = document.plainString(key).map { SummaryFieldTable.slot(of: $0, in: entries, multiplier: multiplier) }
                        ?? document.withDecodedString(key) { SummaryFieldTable.slot(of: $0, in: entries, multiplier: multiplier) }
                    // The first key spelled exactly as a field counts, as for the validator.
                    if let slot, slots[slot] < 0 { slots[slot] = Int32(truncatingIfNeeded: value) }
                    key = Int(document[value].next)
                }
            }
        }
        (eventType, eventTime, status, mediaType, deleteType, mediaId, errorCode, code) = (
            Int(slots.0), Int(slots.1), Int(slots.2), Int(slots.3), Int(slots.4), Int(slots.5), Int(slots.6), Int(slots.7))
    }

    private func node(_ slot: Int) -> Int {
        withUnsafeBytes(of: slots) { Int($0.load(fromByteOffset: slot * MemoryLayout<Int32>.stride, as: Int32.self)) }
    }

    /// The value of the identity field of the event `EventType` names, -1 when absent or unknown.
    func identity(_ document: JSONDocument) -> Int {
        var memo = EventTypeMemo()
        return identity(document, memo: &memo)
    }

    /// The same, the event looked up through a thread's `memo`.
    func identity(_ document: JSONDocument, memo: inout EventTypeMemo) -> Int {
        guard let event = event(document, memo: &memo) else { return -1 }
        return identity(ofEvent: event)
    }

    /// The node of the identity field of the catalog's `event`, -1 when absent.
    func identity(ofEvent event: Int) -> Int { node(SummaryFieldTable.identitySlots[event]) }

    /// The catalog index of the event a plain EventType value names.
    func event(_ document: JSONDocument) -> Int? {
        var memo = EventTypeMemo()
        return event(document, memo: &memo)
    }

    func event(_ document: JSONDocument, memo: inout EventTypeMemo) -> Int? {
        guard eventType >= 0, document[eventType].kind == .string, let bytes = document.plainString(eventType) else { return nil }
        return memo.index(forEventType: bytes)
    }

    /// A value as a summary shows it: a string's decoded UTF-8, any other
    /// value's JSON text.
    static func withValue<R>(_ document: JSONDocument, _ value: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        document[value].kind == .string ? document.withDecodedString(value, body) : body(document.rawBytes(of: value))
    }

    /// True when the value is a string in the spec's format naming a real instant.
    static func isWellFormedTime(_ document: JSONDocument, _ value: Int) -> Bool {
        document[value].kind == .string && document.withDecodedString(value, EventTimeCheck.isWellFormed)
    }
}
