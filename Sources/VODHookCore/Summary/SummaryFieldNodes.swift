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
    /// The AI events' result code.
    var code = -1
    /// The identity fields events other than DeleteMediaComplete use.
    var videoId = -1
    var jobId = -1
    var imageId = -1
    var attachedMediaId = -1
    var mediaRefreshJobId = -1

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
        case 4 where named("Code"): first(&code)
        case 5 where named("JobId"): first(&jobId)
        case 7 where named("VideoId"): first(&videoId)
        case 7 where named("ImageId"): first(&imageId)
        case 15 where named("AttachedMediaId"): first(&attachedMediaId)
        case 17 where named("MediaRefreshJobId"): first(&mediaRefreshJobId)
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

    /// The value of the event's identity field (`EventSpec.identity`), -1 when absent.
    func identity(_ event: EventSpec?) -> Int {
        switch event?.identity {
        case "VideoId": videoId
        case "JobId": jobId
        case "ImageId": imageId
        case "AttachedMediaId": attachedMediaId
        case "MediaRefreshJobId": mediaRefreshJobId
        case "MediaId": mediaId
        default: -1
        }
    }

    /// The catalog's event a plain EventType value names.
    func event(_ document: JSONDocument) -> EventSpec? {
        guard eventType >= 0, document[eventType].kind == .string, let bytes = document.plainString(eventType) else { return nil }
        return EventCatalog.spec(forEventType: bytes)
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
