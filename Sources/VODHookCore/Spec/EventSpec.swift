/// One event's spec: its field table in the reference page's order (which
/// `normalize` follows) and the conditions between fields.
public struct EventSpec: Sendable {
    public let eventType: String
    public let summary: String
    public let fields: [FieldSpec]
    public let conditions: [FieldCondition]
    /// Other vendors' events of the same shape, for messages that name them.
    public let lookAlikes: [LookAlike]

    public init(eventType: String, summary: String, fields: [FieldSpec], conditions: [FieldCondition], lookAlikes: [LookAlike] = []) {
        self.eventType = eventType
        self.summary = summary
        self.fields = fields
        self.conditions = conditions
        self.lookAlikes = lookAlikes
    }

    public func field(named name: String) -> FieldSpec? { fields.first { $0.name == name } }
    public func fieldIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
