/// The events the tool knows. Adding an event is adding an `EventSpec` here.
public enum EventCatalog {
    public static let events: [EventSpec] = [.deleteMediaComplete]

    /// VOD events that exist (shared/spec/VOD-CALLBACKS.md) but have no spec
    /// here yet, so such a payload is named as one instead of as a typo.
    public static let unspecifiedVODEventTypes: [String] = [
        "FileUploadComplete", "ImageUploadComplete", "AttachedMediaUploadComplete",
        "StreamTranscodeComplete", "TranscodeComplete", "SnapshotComplete", "DynamicImageComplete",
        "AddLiveRecordVideoComplete", "LiveRecordVideoComposeStart", "UploadByURLComplete",
        "CreateAuditComplete", "VideoAnalysisComplete", "ProduceMediaComplete",
        "MediaBaseChangeComplete", "AIMediaAuditComplete", "AIMediaDNAComplete", "AIVideoTagComplete",
        "UpdateMediaStorageClassComplete", "RestoreMediaComplete", "SubmitMediaRefreshComplete",
    ]

    public static func spec(forEventType name: String) -> EventSpec? {
        events.first { $0.eventType == name }
    }

    static func spec(forEventType bytes: UnsafeRawBufferPointer) -> EventSpec? {
        events.first { $0.eventType.utf8.elementsEqual(bytes) }
    }

    /// The table used when a payload does not say which event it is.
    public static let fallback: EventSpec = .deleteMediaComplete
}
