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

    /// The position in `events` of the event an EventType's UTF-8 names, without building a String.
    static func index(forEventType bytes: UnsafeRawBufferPointer) -> Int? {
        for index in eventTypeBytes.indices where eventTypeBytes[index].count == bytes.count {
            if eventTypeBytes[index].withUnsafeBytes({ bytes.equals($0) }) { return index }
        }
        return nil
    }

    private static let eventTypeBytes: [[UInt8]] = events.map { Array($0.eventType.utf8) }

    /// The table used when a payload does not say which event it is: the
    /// one the tool began with, whose messages users know.
    public static let fallback: EventSpec = .deleteMediaComplete
}
