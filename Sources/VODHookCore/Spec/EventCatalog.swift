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

    /// The position in `events` of the event an EventType's UTF-8 names,
    /// without building a String: a probe or two of `eventTypeSlots`, where
    /// comparing with every name cost `summary` 390 instructions a document.
    static func index(forEventType bytes: UnsafeRawBufferPointer) -> Int? {
        let words = KeyWords(bytes)
        var slot = Validator.eventTypeSlot(words)
        while eventTypeSlots[slot] != 0 {
            let index = eventTypeSlots[slot] - 1
            if eventTypeWords[index] == words && (words.coversAll || eventTypeBytes[index].withUnsafeBytes({ bytes.equals($0) })) {
                return index
            }
            slot = (slot + 1) & (Validator.eventTypeSlotCount - 1)
        }
        return nil
    }

    static let eventTypeBytes: [[UInt8]] = events.map { Array($0.eventType.utf8) }
    /// Each event type's `KeyWords`, so a lookup compares integers first.
    static let eventTypeWords: [KeyWords] = eventTypeBytes.map { $0.withUnsafeBytes(KeyWords.init) }
    /// Open addressing from `Validator.eventTypeSlot(_:)` to 1 + an index into `events` (0: empty).
    static let eventTypeSlots: [Int] = {
        var slots = [Int](repeating: 0, count: Validator.eventTypeSlotCount)
        for (index, words) in eventTypeWords.enumerated() {
            var slot = Validator.eventTypeSlot(words)
            while slots[slot] != 0 { slot = (slot + 1) & (Validator.eventTypeSlotCount - 1) }
            slots[slot] = index + 1
        }
        return slots
    }()

    /// The table used when a payload does not say which event it is: the
    /// one the tool began with, whose messages users know.
    public static let fallback: EventSpec = .deleteMediaComplete
}
