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
    /// The first 16 bytes (through the minutes) of the last well-formed
    /// EventTime this thread saw, 0 before one: a log's times share them
    /// for a minute at a time, and then only the seconds need checking.
    private var timeHead: UInt64 = 0
    private var timeMiddle: UInt64 = 0

    public init() {}

    mutating func index(forEventType eventType: UnsafeRawBufferPointer) -> Int? {
        if last >= 0 && EventCatalog.eventTypeBytes[last].withUnsafeBytes({ eventType.equals($0) }) { return last }
        let found = EventCatalog.index(forEventType: eventType)
        last = found ?? -1
        return found
    }

    /// True when the value is a string in the spec's format naming a real
    /// instant, as `SummaryFieldNodes.isWellFormedTime` says. A time whose
    /// date, hour and minute are the last well-formed one's is well-formed
    /// exactly when its ":ssZ" is (the parts are checked apart, and only the
    /// day depends on the year and month): about 30 instructions instead of
    /// 165 a document of `summary` (BENCHMARKS.md, issue 24).
    mutating func isWellFormedTime(_ document: JSONDocument, _ value: Int) -> Bool {
        guard document[value].kind == .string, let bytes = document.plainString(value) else {
            return SummaryFieldNodes.isWellFormedTime(document, value)
        }
        guard bytes.count == 20 else { return false }
        let head = bytes.loadUnaligned(as: UInt64.self), middle = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if head == timeHead && middle == timeMiddle {
            let tens = bytes[17], ones = bytes[18]
            return bytes[16] == UInt8(ascii: ":") && (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(tens)
                && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ones) && bytes[19] == UInt8(ascii: "Z")
        }
        guard EventTimeCheck.isWellFormed(bytes) else { return false }
        (timeHead, timeMiddle) = (head, middle)
        return true
    }
}
