/// The catalog index of the EventType a thread saw last: documents in a log
/// often name the event before them, and one byte compare with the
/// catalog's spelling is cheaper than `EventCatalog.index(forEventType:)`'s
/// hash and probe (about 170 instructions a document of `summary`).
///
/// It also holds the catalog's table of counted values for the thread, so
/// the hot loop reads it from here rather than through a lazy global.
public struct EventTypeMemo: Sendable {
    private var last = -1
    let values = SummaryValueTable.catalog

    public init() {}

    mutating func index(forEventType eventType: UnsafeRawBufferPointer) -> Int? {
        if last >= 0 && EventCatalog.eventTypeBytes[last].withUnsafeBytes({ eventType.equals($0) }) { return last }
        let found = EventCatalog.index(forEventType: eventType)
        last = found ?? -1
        return found
    }
}
