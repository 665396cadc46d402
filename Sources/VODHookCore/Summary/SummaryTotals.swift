/// A summary's figures as plain values: what `summary` prints, and what
/// `summary --merge` reads back from per-shard JSON and adds up. Every list
/// is in one order decided by the figures alone (most frequent first, ties
/// in byte order of the value), so a merge of parts prints the same bytes
/// as a summary of the whole.
public struct SummaryTotals: Sendable, Equatable {
    /// Documents, valid and invalid, and findings by severity.
    public var tally = DiagnosticTally()
    public var eventTypes = CountedValues()
    public var status = CountedValues()
    public var mediaType = CountedValues()
    public var deleteType = CountedValues()
    public var errorCodes = CountedValues()
    public var firstEventTime: String?
    public var lastEventTime: String?
    public var duplicates = 0
    public var distinctMediaIds = 0
    public var distinctMedia = 0
    /// Each event type's figures, keyed by the EventType as it appeared.
    public var events: [String: EventTotals] = [:]
    /// How the summarized documents were chosen from a larger log, as the
    /// user declared it (`--shard-key identity`): nil when not declared.
    public var shardKey: String?
    /// The one shard key `summary` accepts: each media's callbacks in one part.
    public static let identityShardKey = "identity"
    /// False for a merge of parts not all declared sharded by identity:
    /// duplicates and distinct counts are then only per part, added up.
    public var distinctCountsAreExact = true

    public init() {}

    /// The figures of a summary read whole.
    public init(_ summary: CallbackSummary, shardKey: String?) {
        tally = summary.tally
        eventTypes = CountedValues(summary.eventTypes)
        status = CountedValues(summary.status)
        mediaType = CountedValues(summary.mediaType)
        deleteType = CountedValues(summary.deleteType)
        errorCodes = CountedValues(summary.errorCodes)
        firstEventTime = summary.firstEventTime
        lastEventTime = summary.lastEventTime
        duplicates = summary.duplicates
        distinctMediaIds = summary.distinctMediaIds
        distinctMedia = summary.distinctMedia
        for event in summary.byEventType {
            events[event.eventType] = EventTotals(
                documents: event.documents, valid: event.valid, status: CountedValues(event.status),
                errorCodes: CountedValues(event.errorCodes), codes: CountedValues(event.codes), duplicates: event.duplicates,
                identity: event.identityField, distinctIdentities: event.distinctIdentities)
        }
        self.shardKey = shardKey
    }

    /// The event types, most documents first, ties in byte order.
    public var byEventType: [(eventType: String, totals: EventTotals)] {
        events.map { ($0.key, $0.value) }.sorted { a, b in
            a.totals.documents != b.totals.documents ? a.totals.documents > b.totals.documents : CountedValues.precedes(a.eventType, b.eventType)
        }
    }

    /// Whether the log held deletions, whose MediaType and DeleteType the totals count.
    public var hasDeletions: Bool { !mediaType.isEmpty || !deleteType.isEmpty || events["DeleteMediaComplete"] != nil }

    /// Adds another part's figures. Counts add exactly; the time range
    /// widens; duplicates and distinct counts add, which is exact only when
    /// no media's callbacks were split between parts, so the result says
    /// it is exact only when both parts were declared sharded by identity.
    public mutating func merge(_ other: SummaryTotals) {
        distinctCountsAreExact = distinctCountsAreExact && other.distinctCountsAreExact
            && shardKey == Self.identityShardKey && other.shardKey == Self.identityShardKey
        if shardKey != other.shardKey { shardKey = nil }
        tally.add(other.tally)
        eventTypes.merge(other.eventTypes)
        status.merge(other.status)
        mediaType.merge(other.mediaType)
        deleteType.merge(other.deleteType)
        errorCodes.merge(other.errorCodes)
        // EventTime is fixed-width ASCII when well-formed: byte order is time order.
        if let time = other.firstEventTime, firstEventTime.map({ CountedValues.precedes(time, $0) }) ?? true { firstEventTime = time }
        if let time = other.lastEventTime, lastEventTime.map({ CountedValues.precedes($0, time) }) ?? true { lastEventTime = time }
        duplicates += other.duplicates
        distinctMediaIds += other.distinctMediaIds
        distinctMedia += other.distinctMedia
        for (name, event) in other.events {
            if events[name] == nil {
                events[name] = event
            } else {
                events[name]!.merge(event)
            }
        }
    }
}

/// One event type's figures in a `SummaryTotals`.
public struct EventTotals: Sendable, Equatable {
    public var documents: Int
    public var valid: Int
    public var invalid: Int { documents - valid }
    public var status: CountedValues
    public var errorCodes: CountedValues
    /// The AI events' `Code` values.
    public var codes: CountedValues
    public var duplicates: Int
    /// The event's identity field; nil for an event the catalog does not know.
    public var identity: String?
    public var distinctIdentities: Int

    public init(
        documents: Int, valid: Int, status: CountedValues, errorCodes: CountedValues, codes: CountedValues, duplicates: Int,
        identity: String?, distinctIdentities: Int
    ) {
        self.documents = documents
        self.valid = valid
        self.status = status
        self.errorCodes = errorCodes
        self.codes = codes
        self.duplicates = duplicates
        self.identity = identity
        self.distinctIdentities = distinctIdentities
    }

    mutating func merge(_ other: EventTotals) {
        documents += other.documents
        valid += other.valid
        status.merge(other.status)
        errorCodes.merge(other.errorCodes)
        codes.merge(other.codes)
        duplicates += other.duplicates
        identity = identity ?? other.identity
        distinctIdentities += other.distinctIdentities
    }
}

/// Values and how often each came, listed most frequent first, ties in
/// byte order of the value: an order the counts alone decide, so parts
/// added up list their values as the whole does.
public struct CountedValues: Sendable, Equatable {
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    init(_ counter: ValueCounter) {
        for (value, count) in counter.sorted { counts[value, default: 0] += count }
    }

    public var isEmpty: Bool { counts.isEmpty }

    public mutating func add(_ value: String, count: Int) { counts[value, default: 0] += count }

    mutating func merge(_ other: CountedValues) {
        for (value, count) in other.counts { counts[value, default: 0] += count }
    }

    public var sorted: [(value: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : Self.precedes(a.0, b.0) }
    }

    /// Byte order of UTF-8, which every reader of the output can reproduce.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
