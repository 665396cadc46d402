/// One event's spec: its field table in the reference page's order (which
/// `normalize` follows), the conditions between fields, and what the other
/// commands need to know about it.
public struct EventSpec: Sendable {
    public let eventType: String
    /// What triggers the event, as a fragment: "a media asset was deleted".
    public let summary: String
    public let object: ObjectSpec
    /// The field naming what the event is about, for copies: VideoId, MediaId, ...
    public let identity: String
    /// Fields the summary table shows for this event, after EventTime and Status.
    public let summaryColumns: [String]
    /// The page the facts come from.
    public let source: String
    /// Other vendors' events of the same shape, for messages that name them.
    public let lookAlikes: [LookAlike]

    public init(
        eventType: String, summary: String, identity: String, summaryColumns: [String] = [], source: String,
        fields: [FieldSpec], conditions: [FieldCondition] = [], lookAlikes: [LookAlike] = []
    ) {
        self.eventType = eventType
        self.summary = summary
        self.object = ObjectSpec(fields, conditions: conditions)
        self.identity = identity
        self.summaryColumns = summaryColumns
        self.source = source
        self.lookAlikes = lookAlikes
    }

    public var fields: [FieldSpec] { object.fields }
    public var conditions: [FieldCondition] { object.conditions }
    public func field(named name: String) -> FieldSpec? { object.field(named: name) }
    public func fieldIndex(named name: String) -> Int? { object.fieldIndex(named: name) }
}
