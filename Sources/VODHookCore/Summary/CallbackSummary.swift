/// The totals of a log of callbacks. Memory grows with the number of
/// distinct values and documents' fingerprints, never with their size.
public struct CallbackSummary: Sendable {
    public var tally = DiagnosticTally()
    public var eventTypes = ValueCounter()
    public var status = ValueCounter()
    public var mediaType = ValueCounter()
    public var deleteType = ValueCounter()
    public var errorCodes = ValueCounter()
    public var firstEventTime: String?
    public var lastEventTime: String?
    /// Extra copies of a document seen before (VOD retries failed deliveries).
    public var duplicates = 0
    /// Where each distinct normalized document was first seen.
    private var firstCopies: [Fingerprint: DocumentLocation] = [:]
    private var mediaIds: Set<Fingerprint> = []

    public init() {}

    public var distinctMediaIds: Int { mediaIds.count }

    /// A document's place, kept small: sources are numbered in the order read.
    public struct DocumentLocation: Sendable, Hashable {
        public var source: Int
        public var line: Int
        public init(source: Int, line: Int) {
            self.source = source
            self.line = line
        }
    }

    /// Counts one document. `normalized` is its normalized form, when it is
    /// well-formed JSON; returns where an identical document was first seen.
    @discardableResult
    public mutating func add(
        _ report: DocumentReport, fields: CallbackFields, normalized: UnsafeRawBufferPointer?, at location: DocumentLocation
    ) -> DocumentLocation? {
        tally.add(report)
        if let value = fields.eventType { eventTypes.add(value) }
        if let value = fields.status { status.add(value) }
        if let value = fields.mediaType { mediaType.add(value) }
        if let value = fields.deleteType { deleteType.add(value) }
        if let value = fields.errorCode { errorCodes.add(value) }
        if let time = fields.eventTime, fields.eventTimeIsWellFormed {
            // The format is fixed-width, so text order is time order.
            if firstEventTime.map({ time < $0 }) ?? true { firstEventTime = time }
            if lastEventTime.map({ time > $0 }) ?? true { lastEventTime = time }
        }
        if let id = fields.mediaId {
            var id = id
            mediaIds.insert(id.withUTF8 { Fingerprint(UnsafeRawBufferPointer($0)) })
        }
        guard let normalized else { return nil }
        let fingerprint = Fingerprint(normalized)
        if let first = firstCopies[fingerprint] {
            duplicates += 1
            return first
        }
        firstCopies[fingerprint] = location
        return nil
    }
}
