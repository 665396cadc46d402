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

    /// `index(forEventType:)` for a String, its UTF-8 read in place: for a
    /// caller that keeps something per event, a probe or two instead of
    /// `spec(forEventType:)`'s walk comparing Strings.
    public static func index(forEventType name: String) -> Int? {
        var name = name
        return name.withUTF8 { index(forEventType: UnsafeRawBufferPointer($0)) }
    }

    /// The position in `events` of the event an EventType's UTF-8 names,
    /// without building a String: a probe or two of `eventTypeSlots`, where
    /// comparing with every name cost `summary` 390 instructions a document.
    static func index(forEventType bytes: UnsafeRawBufferPointer) -> Int? {
        let found = lookUp(bytes, words: eventTypeWords, slots: eventTypeSlots, names: eventTypeBytes)
        return found < 0 ? nil : found
    }

    /// The one lookup of an event type, for `index(forEventType:)`, the quick
    /// verdict and the full check alike; the tables are passed in because the
    /// validator keeps its own references to them (reading the statics costs
    /// a lazy-initialization check a document). -1 when no event has the name.
    @inline(__always)
    static func lookUp(_ name: UnsafeRawBufferPointer, words tableWords: [KeyWords], slots: [Int], names: [[UInt8]]) -> Int {
        let words = KeyWords(name)
        var slot = Validator.eventTypeSlot(words)
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if tableWords[index] == words && (words.coversAll || names[index].withUnsafeBytes({ name.equals($0) })) { return index }
            slot = (slot + 1) & (Validator.eventTypeSlotCount - 1)
        }
        return -1
    }

    static let eventTypeBytes: [[UInt8]] = events.map { Array($0.eventType.utf8) }
    /// Each event type's `KeyWords`, so a lookup compares integers first.
    static let eventTypeWords: [KeyWords] = eventTypeBytes.map { $0.withUnsafeBytes(KeyWords.init) }
    /// Open addressing from `Validator.eventTypeSlot(_:)` to 1 + an index into `events` (0: empty).
    static let eventTypeSlots: [Int] = {
        // A probe stops at an empty slot: a full table would make every miss
        // loop forever, and one more than half full makes probes long.
        precondition(events.count <= Validator.eventTypeSlotCount / 2,
                     "\(events.count) events outgrow the \(Validator.eventTypeSlotCount)-slot event-type table: raise Validator.eventTypeSlotCount")
        var slots = [Int](repeating: 0, count: Validator.eventTypeSlotCount)
        for (index, words) in eventTypeWords.enumerated() {
            var slot = Validator.eventTypeSlot(words)
            while slots[slot] != 0 { slot = (slot + 1) & (Validator.eventTypeSlotCount - 1) }
            slots[slot] = index + 1
        }
        return slots
    }()
}
