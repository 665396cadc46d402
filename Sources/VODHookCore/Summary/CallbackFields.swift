/// The fields a summary shows, read from a document's top-level object as
/// they appeared: strings decoded, other values as their JSON text.
public struct CallbackFields: Sendable, Hashable {
    public var eventType: String?
    public var eventTime: String?
    public var status: String?
    public var mediaType: String?
    public var deleteType: String?
    public var mediaId: String?
    public var errorCode: String?
    /// True when EventTime is a string in the spec's format naming a real instant.
    public var eventTimeIsWellFormed = false

    public init() {}

    public init(_ document: JSONDocument) {
        let nodes = SummaryFieldNodes(document)
        func text(_ value: Int) -> String? {
            value < 0 ? nil : SummaryFieldNodes.withValue(document, value) { String(decoding: $0, as: UTF8.self) }
        }
        eventType = text(nodes.eventType)
        eventTime = text(nodes.eventTime)
        status = text(nodes.status)
        mediaType = text(nodes.mediaType)
        deleteType = text(nodes.deleteType)
        mediaId = text(nodes.mediaId)
        errorCode = text(nodes.errorCode)
        eventTimeIsWellFormed = nodes.eventTime >= 0 && SummaryFieldNodes.isWellFormedTime(document, nodes.eventTime)
    }
}
