/// One event type's share of a summary: its documents, their status and
/// error codes (the AI events' `Code` too), exact copies, and how many
/// distinct values its identity field took.
public struct EventBreakdown: Sendable {
    public let eventType: String
    /// The event's identity field, nil for an event the catalog does not know.
    public let identityField: String?
    public var documents = 0
    public var valid = 0
    public var status = ValueCounter()
    public var errorCodes = ValueCounter()
    public var codes = ValueCounter()
    /// Extra copies of a document seen before, this event's among `CallbackSummary.duplicates`.
    public var duplicates = 0
    /// How many distinct values its identity field took (the summary's
    /// table of identities keeps one flag per event for each value).
    public internal(set) var distinctIdentities = 0
    /// The event's position in `EventCatalog.events`, -1 for one it does not know.
    let catalogIndex: Int

    init(eventType: String) {
        self.eventType = eventType
        var name = eventType
        catalogIndex = name.withUTF8 { EventCatalog.index(forEventType: UnsafeRawBufferPointer($0)) } ?? -1
        identityField = catalogIndex >= 0 ? EventCatalog.events[catalogIndex].identity : nil
    }
}

/// The breakdowns of a summary, in the order their event types were first
/// seen; a repeat of the last event type is found by one byte compare.
struct EventBreakdowns: Sendable {
    private(set) var all: [EventBreakdown] = []
    private var names: [[UInt8]] = []
    private var last = -1
    /// For each catalog event, the index of its breakdown, -1 before first sight.
    private var byCatalog = [Int](repeating: -1, count: 64)

    /// The index of the breakdown of the catalog's `event`, for an EventType spelled exactly as the catalog's.
    @inline(__always)
    mutating func index(ofEvent event: Int) -> Int {
        let found = byCatalog[event]
        if found >= 0 { return found }
        let made = EventCatalog.eventTypeBytes[event].withUnsafeBytes { index(of: $0) }
        byCatalog[event] = made
        return made
    }

    /// The index of the breakdown of the event type spelled `bytes`, made on first sight.
    mutating func index(of bytes: UnsafeRawBufferPointer) -> Int {
        if last >= 0 && names[last].withUnsafeBytes({ bytes.equals($0) }) { return last }
        if let found = names.firstIndex(where: { name in name.withUnsafeBytes { bytes.equals($0) } }) {
            last = found
            return found
        }
        names.append(Array(bytes))
        all.append(EventBreakdown(eventType: String(decoding: bytes, as: UTF8.self)))
        last = all.count - 1
        return last
    }

    subscript(index: Int) -> EventBreakdown {
        get { all[index] }
        _modify { yield &all[index] }
    }
}
