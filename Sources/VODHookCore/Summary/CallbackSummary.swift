import Platform

/// The totals of a log of callbacks. Memory grows with the number of
/// distinct values and documents' fingerprints, never with their size.
public struct CallbackSummary {
    public var tally = DiagnosticTally()
    public var eventTypes = ValueCounter()
    public var status = ValueCounter()
    public var mediaType = ValueCounter()
    public var deleteType = ValueCounter()
    public var errorCodes = ValueCounter()
    /// Extra copies of a document seen before (VOD retries failed deliveries).
    public var duplicates = 0
    /// Each event type's own counts, in the order first seen.
    var breakdowns = EventBreakdowns()
    public var byEventType: [EventBreakdown] { breakdowns.all }
    /// The earliest and latest well-formed EventTime, as UTF-8: a new one
    /// is copied over the old bytes instead of becoming a `String`.
    private var firstTime: [UInt8]?
    private var lastTime: [UInt8]?
    /// Each distinct normalized document, with where it was first seen when
    /// that is remembered, and each distinct MediaId.
    var firstCopies: DocumentTable
    let remembersLocations: Bool
    private var unpackedLocations: [DocumentLocation] = []
    /// Documents counted whose check for an earlier copy waits, oldest at
    /// `pendingStart`, for their table slots to reach the cache.
    var pendingCopies = [(document: Fingerprint, mediaId: Fingerprint?, event: Int)?](repeating: nil, count: copyCheckLag)
    var pendingStart = 0
    var pendingCount = 0
    /// How many documents a copy check waits: enough for the slot to arrive
    /// while committed documents come one after another in a tight loop.
    static let copyCheckLag = 8

    /// `remembersLocations`: keep where each distinct document was first
    /// seen, for `add` to return; a summary that only counts duplicates
    /// needs a third to a half less memory for its documents without it.
    public init(remembersLocations: Bool = true) {
        self.remembersLocations = remembersLocations
        firstCopies = DocumentTable(remembersPayloads: remembersLocations)
    }

    public var distinctMediaIds: Int { firstCopies.mediaIds }

    /// Each distinct value of an event's identity field (VideoId, MediaId,
    /// JobId...), whatever the event, with one flag per catalog event that
    /// named it: one lookup a document counts both the distinct media and
    /// each event's distinct identities.
    private var identities = FingerprintTable(remembersPayloads: true)

    /// How many distinct media the log names, by each event's identity field.
    public var distinctMedia: Int { identities.count }

    /// Makes room for about `documents` more documents, when a caller can
    /// tell from a source's size, so the tables of fingerprints are sized
    /// once instead of grown (and copied) over and over.
    public mutating func reserveCapacity(documents: Int) {
        // A guess can be wrong; past two million the tables grow as they fill.
        let documents = min(max(documents, 0), 2_000_000)
        firstCopies.reserveCapacity(firstCopies.documents + documents)
    }

    /// The earliest well-formed EventTime seen.
    public var firstEventTime: String? {
        get { firstTime.map { String(decoding: $0, as: UTF8.self) } }
        set { firstTime = newValue.map { Array($0.utf8) } }
    }

    /// The latest well-formed EventTime seen.
    public var lastEventTime: String? {
        get { lastTime.map { String(decoding: $0, as: UTF8.self) } }
        set { lastTime = newValue.map { Array($0.utf8) } }
    }

    /// A document's place, kept small: sources are numbered in the order read.
    public struct DocumentLocation: Sendable, Hashable {
        public var source: Int
        public var line: Int
        public init(source: Int, line: Int) {
            self.source = source
            self.line = line
        }

        /// Source in bits 40-62 and line in bits 0-39, when they fit.
        var packed: UInt64? {
            guard source >= 0, source < 1 << 23, line >= 0, line < 1 << 40 else { return nil }
            return UInt64(source) << 40 | UInt64(line)
        }

        init(packed: UInt64) { self.init(source: Int(packed >> 40), line: Int(packed & (1 << 40 - 1))) }
    }

    /// Counts one document. `normalized` is its normalized form, when it is
    /// well-formed JSON; returns where an identical document was first seen
    /// (line 0 of source 0 when this summary does not remember locations).
    @discardableResult
    public mutating func add(
        _ report: DocumentReport, fields: CallbackFields, normalized: UnsafeRawBufferPointer?, at location: DocumentLocation
    ) -> DocumentLocation? {
        finishCopyChecks()
        tally.add(report)
        if let value = fields.eventType { eventTypes.add(value) }
        if let value = fields.status { status.add(value) }
        if let value = fields.mediaType { mediaType.add(value) }
        if let value = fields.deleteType { deleteType.add(value) }
        if let value = fields.errorCode { errorCodes.add(value) }
        let event = fields.eventType.map { name in
            var name = name
            return name.withUTF8 { breakdowns.index(of: UnsafeRawBufferPointer($0)) }
        } ?? -1
        if event >= 0 {
            breakdowns[event].documents += 1
            if report.isValid { breakdowns[event].valid += 1 }
            if let value = fields.status { breakdowns[event].status.add(value) }
            if let value = fields.errorCode { breakdowns[event].errorCodes.add(value) }
        }
        if var time = fields.eventTime, fields.eventTimeIsWellFormed {
            time.withUTF8 { noteTime(UnsafeRawBufferPointer($0)) }
        }
        let mediaId = fields.mediaId.map { id in
            var id = id
            return id.withUTF8 { Fingerprint(UnsafeRawBufferPointer($0)) }
        }
        guard let normalized else {
            if let mediaId { firstCopies.insert(mediaId: mediaId) }
            return nil
        }
        return noteCopy(Fingerprint(normalized), mediaId: mediaId, event: event, at: location)
    }

    /// The same count as `add(_:fields:normalized:at:)` with
    /// `CallbackFields(document)`, read straight from the document's bytes.
    @discardableResult
    public mutating func add(
        _ report: DocumentReport, document: JSONDocument?, normalized: UnsafeRawBufferPointer?, at location: DocumentLocation
    ) -> DocumentLocation? {
        var arena: [UInt8] = []
        let entry = SummaryEntry(report, document: document, normalized: normalized, arena: &arena)
        return arena.withUnsafeBytes { add(entry, values: $0, at: location) }
    }

    /// Counts a document worked out earlier; `values` is the arena its entry was made with.
    @discardableResult
    public mutating func add(_ entry: SummaryEntry, values: UnsafeRawBufferPointer, at location: DocumentLocation) -> DocumentLocation? {
        // Documents keep their order in the table: those still waiting go first.
        finishCopyChecks()
        let event = countValues(entry, values)
        guard let fingerprint = entry.normalized else {
            if let mediaId = entry.mediaId { firstCopies.insert(mediaId: mediaId) }
            return nil
        }
        return noteCopy(fingerprint, mediaId: entry.mediaId, event: event, at: location)
    }

    /// Counts `entry`'s tally and values, leaving the copy check to the
    /// caller; returns the index of its event type's breakdown, or -1.
    @discardableResult
    mutating func countValues(_ entry: SummaryEntry, _ values: UnsafeRawBufferPointer) -> Int {
        tally.add(entry.counts)
        var event = -1
        entry.forEachValue(in: values) { value, bytes, number in
            switch value {
            case .eventType:
                eventTypes.add(bytes: bytes, number: number)
                // A catalog event's EventType is numbered by its catalog index.
                event = entry.event >= 0 ? breakdowns.index(ofEvent: Int(entry.event)) : breakdowns.index(of: bytes)
                breakdowns[event].documents += 1
                if entry.counts.isValid { breakdowns[event].valid += 1 }
            case .status:
                status.add(bytes: bytes, number: number)
                if event >= 0 { breakdowns[event].status.add(bytes: bytes, number: number) }
            case .mediaType: mediaType.add(bytes: bytes, number: number)
            case .deleteType: deleteType.add(bytes: bytes, number: number)
            case .errorCode:
                errorCodes.add(bytes: bytes, number: number)
                if event >= 0 { breakdowns[event].errorCodes.add(bytes: bytes, number: number) }
            case .eventTime: noteTime(bytes)
            case .code:
                if event >= 0 { breakdowns[event].codes.add(bytes: bytes, number: number) }
            case .identity:
                if event >= 0 { noteIdentity(Fingerprint(bytes), event: event) }
            }
        }
        if entry.identityIsMediaId, event >= 0, let mediaId = entry.mediaId { noteIdentity(mediaId, event: event) }
        return event
    }

    private mutating func noteIdentity(_ fingerprint: Fingerprint, event: Int) {
        let catalogIndex = breakdowns[event].catalogIndex
        // Only a catalog event has an identity field to read.
        guard catalogIndex >= 0 else { return }
        if identities.insert(fingerprint, settingBit: catalogIndex).bitIsNew { breakdowns[event].distinctIdentities += 1 }
    }

    /// Keeps the earliest and latest time; the format is fixed-width ASCII,
    /// so byte order is text order is time order.
    private mutating func noteTime(_ time: UnsafeRawBufferPointer) {
        if let first = firstTime {
            if first.withUnsafeBytes({ Self.order(time, $0) < 0 }) { Self.copy(time, over: &firstTime) }
        } else {
            firstTime = Array(time)
        }
        if let last = lastTime {
            if last.withUnsafeBytes({ Self.order(time, $0) > 0 }) { Self.copy(time, over: &lastTime) }
        } else {
            lastTime = Array(time)
        }
    }

    /// Byte order, shorter first on a common prefix: `lexicographicallyPrecedes` in one `memcmp`.
    private static func order(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
        let common = min(a.count, b.count)
        // Both non-empty when common > 0, so both have a base address.
        let order = common == 0 ? 0 : Memory.compare(a.baseAddress!, b.baseAddress!, count: common)
        return order != 0 ? order : Int32(a.count - b.count).signum()
    }

    private static func copy(_ time: UnsafeRawBufferPointer, over stored: inout [UInt8]?) {
        if stored?.count == time.count {
            // Non-nil: its count was just compared.
            stored!.withUnsafeMutableBytes { $0.copyMemory(from: time) }
        } else {
            stored = Array(time)
        }
    }

    mutating func noteCopy(_ fingerprint: Fingerprint, mediaId: Fingerprint?, event: Int, at location: DocumentLocation) -> DocumentLocation? {
        // A location too large to pack goes to a side list, its index flagged by the top bit.
        var payload: UInt64 = 0
        if remembersLocations {
            payload = location.packed ?? (1 << 63 | UInt64(unpackedLocations.count))
        }
        guard let first = firstCopies.insert(document: fingerprint, mediaId: mediaId, payload: payload) else {
            if remembersLocations && location.packed == nil { unpackedLocations.append(location) }
            return nil
        }
        duplicates += 1
        if event >= 0 { breakdowns[event].duplicates += 1 }
        guard first >> 63 == 0 else { return unpackedLocations[Int(first & (1 << 63 - 1))] }
        return DocumentLocation(packed: first)
    }
}
