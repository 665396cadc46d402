/// The events the tool knows. Adding an event is adding an `EventSpec` here.
public enum EventCatalog {
    /// In the order of VOD-EVENTS.md's summary table.
    public static let events: [EventSpec] = [
        .fileUploadComplete, .imageUploadComplete, .attachedMediaUploadComplete, .uploadByURLComplete,
        .streamTranscodeComplete, .transcodeComplete, .snapshotComplete, .dynamicImageComplete, .videoAnalysisComplete,
        .addLiveRecordVideoComplete, .liveRecordVideoComposeStart,
        .createAuditComplete, .aiMediaAuditComplete, .aiMediaDNAComplete, .aiVideoTagComplete,
        .produceMediaComplete, .deleteMediaComplete, .mediaBaseChangeComplete,
        .restoreMediaComplete, .updateMediaStorageClassComplete, .submitMediaRefreshComplete,
    ]

    public static func spec(forEventType name: String) -> EventSpec? {
        events.first { $0.eventType == name }
    }

    /// The table used when a payload does not say which event it is: the
    /// one the tool began with, whose messages users know.
    public static let fallback: EventSpec = .deleteMediaComplete
}
