/// Where the values a summary reads sit on a document's tape: the first
/// key spelled exactly as each field (as for the validator), -1 when absent.
/// Found by the keys' bytes, so nothing is decoded or allocated.
struct SummaryFieldNodes {
    /// One node per `SummaryFieldTable.names` entry, inline so reading a
    /// document allocates nothing.
    private typealias Slots = (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                               Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    private var slots: Slots = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)

    var eventType: Int { self[.eventType] }
    var eventTime: Int { self[.eventTime] }
    var status: Int { self[.status] }
    var mediaType: Int { self[.mediaType] }
    var deleteType: Int { self[.deleteType] }
    var mediaId: Int { self[.mediaId] }
    var errorCode: Int { self[.errorCode] }
    /// The AI events' result code.
    var code: Int { self[.code] }

    init() {}

    init(_ document: JSONDocument) {
        guard document[document.root].kind == .object else { return }
        var key = document.root + 1
        SummaryFieldTable.lookup.withUnsafeBufferPointer { lookup in
            withUnsafeMutableBytes(of: &slots) { raw in
                let slots = raw.bindMemory(to: Int32.self)
                for _ in 0..<Int(document[document.root].count) {
                    let value = key + 1
                    let slot = document.plainString(key).map { SummaryFieldTable.slot(of: $0, in: lookup) }
                        ?? document.withDecodedString(key) { SummaryFieldTable.slot(of: $0, in: lookup) }
                    // The first key spelled exactly as a field counts, as for the validator.
                    if let slot, slots[slot] < 0 { slots[slot] = Int32(truncatingIfNeeded: value) }
                    key = Int(document[value].next)
                }
            }
        }
    }

    private subscript(_ slot: SummaryFieldTable.Slot) -> Int { node(slot.rawValue) }

    private func node(_ slot: Int) -> Int {
        withUnsafeBytes(of: slots) { Int($0.load(fromByteOffset: slot * MemoryLayout<Int32>.stride, as: Int32.self)) }
    }

    /// The value of the identity field of the event `EventType` names, -1 when absent or unknown.
    func identity(_ document: JSONDocument) -> Int {
        guard let event = event(document) else { return -1 }
        return node(SummaryFieldTable.identitySlots[event])
    }

    /// The catalog index of the event a plain EventType value names.
    func event(_ document: JSONDocument) -> Int? {
        guard eventType >= 0, document[eventType].kind == .string, let bytes = document.plainString(eventType) else { return nil }
        return EventCatalog.index(forEventType: bytes)
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
