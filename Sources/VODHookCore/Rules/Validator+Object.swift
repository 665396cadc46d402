/// Where an object being checked sits: which event, which member table,
/// and its JSON Pointer, for messages and findings.
struct ObjectContext {
    let event: EventSpec
    /// "" for the top level, else how the spec names the table: "StreamInfos[]", "Data.VideoResult".
    let path: String
    /// The object's RFC 6901 pointer; its members' pointers extend it.
    let pointer: String
    /// Tape index of the exact EventType value when it names a known event, else -1; top level only.
    let knownEventType: Int
    var isRoot: Bool { path.isEmpty }

    /// "the TranscodeComplete spec", or "StreamInfos[] in the TranscodeComplete spec".
    var tableName: String { isRoot ? "the \(event.eventType) spec" : "\(path) in the \(event.eventType) spec" }

    /// The context of an object held by field `name`; `element` for an array's.
    func nested(_ name: String, element: Bool, pointer: String) -> ObjectContext {
        let path = (isRoot ? "" : self.path + ".") + name + (element ? "[]" : "")
        return ObjectContext(event: event, path: path, pointer: pointer, knownEventType: -1)
    }
}

extension Validator {
    /// Every check of one object against its field table: keys, missing
    /// fields, each value (nested ones recursively), then the conditions.
    func checkObject(_ object: Int, _ compiled: CompiledObject, _ context: ObjectContext, _ document: JSONDocument, findings: inout [Diagnostic]) {
        let fieldCount = compiled.tables.fieldCount
        let keyCount = Int(document[object].count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * fieldCount + 4 * keyCount + 2) { scratch in
            let fields = FieldSlots(scratch, fieldCount: fieldCount, keyCount: keyCount)
            collectFields(object, compiled, context, document, into: fields, findings: &findings)
            for index in 0..<fieldCount where fields.values[index] < 0 && compiled.tables.isRequired[index] {
                findings.append(missingField(compiled.spec.fields[index], object: object, context, unknownKeys: fields.unknownKeys, document))
            }
            for occurrence in 0..<fields.occurrenceCount {
                let index = fields.occurrenceFields[occurrence], value = fields.occurrenceValues[occurrence]
                if passesQuickly(index, compiled, value: value, knownEventType: context.knownEventType, fields, document) { continue }
                checkValue(index, compiled, context, value: value, document, findings: &findings)
            }
            checkConditions(compiled, context, fields, document, findings: &findings)
        }
    }
}
