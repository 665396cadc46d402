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
        guard document[document.root].kind == .object else { return }
        for (key, value) in document.members(of: document.root) {
            let field = document.withDecodedString(key) { bytes -> WritableKeyPath<CallbackFields, String?>? in
                switch bytes.count {
                case 6 where "Status".utf8.elementsEqual(bytes): \.status
                case 7 where "MediaId".utf8.elementsEqual(bytes): \.mediaId
                case 9 where "EventType".utf8.elementsEqual(bytes): \.eventType
                case 9 where "EventTime".utf8.elementsEqual(bytes): \.eventTime
                case 9 where "MediaType".utf8.elementsEqual(bytes): \.mediaType
                case 9 where "ErrorCode".utf8.elementsEqual(bytes): \.errorCode
                case 10 where "DeleteType".utf8.elementsEqual(bytes): \.deleteType
                default: nil
                }
            }
            // The first occurrence counts, as it does for the validator.
            guard let field, self[keyPath: field] == nil else { continue }
            self[keyPath: field] = document[value].kind == .string
                ? document.string(value)
                : String(decoding: document.rawBytes(of: value), as: UTF8.self)
            if field == \.eventTime {
                eventTimeIsWellFormed = document[value].kind == .string && EventTimeCheck.problem(in: self.eventTime!) == nil
            }
        }
    }
}
