/// The fields a summary shows, read from a document's top-level object as
/// they appeared: strings decoded, other values as their JSON text.
public struct CallbackFields: Sendable {
    public var eventType: String?
    public var eventTime: String?
    public var status: String?
    public var mediaType: String?
    public var deleteType: String?
    public var mediaId: String?
    public var errorCode: String?
    /// The value of the event's identity field (VideoId, MediaId, JobId...).
    public var identity: String?
    /// The event's own summary columns that are present, as name and value.
    public var details: [(name: String, value: String)] = []
    /// True when EventTime is a string in the spec's format naming a real instant.
    public var eventTimeIsWellFormed = false

    public init() {}

    /// `prefixBytes`: keep only about that many bytes of each value, cut
    /// between characters, for a table row that shows a few dozen: a 100 MB
    /// value then costs no copy of itself beyond its decoding.
    public init(_ document: JSONDocument, prefixBytes: Int = Int.max) {
        let nodes = SummaryFieldNodes(document)
        func text(_ value: Int) -> String? {
            guard value >= 0 else { return nil }
            return SummaryFieldNodes.withValue(document, value) { bytes in
                guard bytes.count > prefixBytes else { return String(decoding: bytes, as: UTF8.self) }
                var cut = prefixBytes
                while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
            }
        }
        eventType = text(nodes.eventType)
        eventTime = text(nodes.eventTime)
        status = text(nodes.status)
        mediaType = text(nodes.mediaType)
        deleteType = text(nodes.deleteType)
        mediaId = text(nodes.mediaId)
        errorCode = text(nodes.errorCode)
        eventTimeIsWellFormed = nodes.eventTime >= 0 && SummaryFieldNodes.isWellFormedTime(document, nodes.eventTime)
        identity = text(nodes.identity(document))
        guard let index = nodes.event(document), document[document.root].kind == .object else { return }
        let event = EventCatalog.events[index]
        for column in event.summaryColumns {
            // The first key spelled as the column; an array shows its length.
            guard let value = Validator.memberValue(document, named: column, ignoringCase: false) else { continue }
            let shown = document[value].kind == .array ? "\(document[value].count) items" : text(value)
            if let shown { details.append((column, shown)) }
        }
    }
}
