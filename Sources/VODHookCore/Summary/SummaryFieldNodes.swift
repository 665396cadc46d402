/// Where the values a summary reads sit on a document's tape: the first
/// key spelled exactly as each field (as for the validator), -1 when absent.
/// Found by the keys' bytes, so nothing is decoded or allocated.
struct SummaryFieldNodes {
    var eventType = -1
    var eventTime = -1
    var status = -1
    var mediaType = -1
    var deleteType = -1
    var mediaId = -1
    var errorCode = -1

    init() {}

    init(_ document: JSONDocument) {
        guard document[document.root].kind == .object else { return }
        var key = document.root + 1
        for _ in 0..<Int(document[document.root].count) {
            let value = key + 1
            if let bytes = document.plainString(key) {
                take(bytes, value)
            } else {
                document.withDecodedString(key) { take($0, value) }
            }
            key = Int(document[value].next)
        }
    }

    private mutating func take(_ key: UnsafeRawBufferPointer, _ value: Int) {
        @inline(__always) func named(_ name: StaticString) -> Bool {
            key.equals(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        @inline(__always) func first(_ slot: inout Int) { if slot < 0 { slot = value } }
        switch key.count {
        case 6 where named("Status"): first(&status)
        case 7 where named("MediaId"): first(&mediaId)
        case 9 where named("EventType"): first(&eventType)
        case 9 where named("EventTime"): first(&eventTime)
        case 9 where named("MediaType"): first(&mediaType)
        case 9 where named("ErrorCode"): first(&errorCode)
        case 10 where named("DeleteType"): first(&deleteType)
        default: break
        }
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
