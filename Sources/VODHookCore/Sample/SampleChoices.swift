/// What `vodhook sample` is told to hold fixed; everything else is drawn.
public struct SampleChoices: Sendable, Hashable {
    public var status: String?
    public var mediaType: String?
    public var deleteType: String?

    public init(status: String? = nil, mediaType: String? = nil, deleteType: String? = nil) {
        self.status = status
        self.mediaType = mediaType
        self.deleteType = deleteType
    }
}
