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

    /// The identity fields a summary finds, in the order of `slot(_:)`.
    private static let identityNames = ["VideoId", "JobId", "ImageId", "AttachedMediaId", "MediaRefreshJobId", "MediaId"]
    /// Each catalog event's identity field, as a position in `identityNames`, worked out once.
    private static let identitySlots: [Int] = EventCatalog.events.map { identityNames.firstIndex(of: $0.identity) ?? -1 }

    private func slot(_ position: Int) -> Int {
        switch position {
        case 0: videoId
        case 1: jobId
        case 2: imageId
        case 3: attachedMediaId
        case 4: mediaRefreshJobId
        case 5: mediaId
        default: -1
        }
    }

    /// The value of the identity field of the event `EventType` names, -1 when absent or unknown.
    func identity(_ document: JSONDocument) -> Int {
        guard let event = event(document) else { return -1 }
        return slot(Self.identitySlots[event])
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
