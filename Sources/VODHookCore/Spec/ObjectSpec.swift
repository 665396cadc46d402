/// A field table: an event's top level, or a nested object's members. Its
/// order is the docs' table order, which `normalize` writes at every level.
public struct ObjectSpec: Sendable, Hashable {
    public let fields: [FieldSpec]
    public let conditions: [FieldCondition]

    public init(_ fields: [FieldSpec], conditions: [FieldCondition] = []) {
        self.fields = fields
        self.conditions = conditions
    }

    public func field(named name: String) -> FieldSpec? { fields.first { $0.name == name } }
    public func fieldIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
