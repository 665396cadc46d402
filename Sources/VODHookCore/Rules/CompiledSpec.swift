/// An event spec prepared once for checking many documents: its name as
/// UTF-8 and its top-level field table compiled.
final class CompiledSpec: Sendable {
    let spec: EventSpec
    let eventTypeBytes: [UInt8]
    let root: CompiledObject

    init(_ spec: EventSpec) {
        self.spec = spec
        eventTypeBytes = Array(spec.eventType.utf8)
        root = CompiledObject(spec.object, isRoot: true)
    }
}

/// A field table prepared once: names and allowed values as UTF-8,
/// conditions resolved to field indices, so a valid object is checked with
/// byte compares and never builds a `String`. Nested tables are compiled
/// once too, per field that holds objects.
///
/// The per-document checks read `tables`, plain pointers into memory this
/// object owns; `SpecTables` cannot be copied, so they cannot outlive it.
final class CompiledObject: Sendable {
    let spec: ObjectSpec
    let tables: SpecTables
    /// The names of `tables.subjectFields`, for messages.
    let subjectNames: [String]
    /// For each field, the compiled table of the objects it holds (an
    /// object, an array's objects, a JSON string's object); nil for others.
    let children: [CompiledObject?]

    init(_ spec: ObjectSpec, isRoot: Bool) {
        self.spec = spec
        tables = SpecTables(spec, isRoot: isRoot)
        subjectNames = spec.conditions.flatMap { condition -> [String] in
            guard let governing = spec.fieldIndex(named: condition.field), spec.fields[governing].allowedValues != nil else { return [] }
            return condition.subjects.filter { spec.fieldIndex(named: $0) != nil }
        }
        children = spec.fields.map { field in field.type.objectSpec.map { CompiledObject($0, isRoot: false) } }
    }
}

/// How a field's value is checked, as one byte the quick pass switches on.
enum ValueShape: UInt8 {
    case string, numericString, integer, number, boolean, object, array, objectOrJSONString, any

    init(_ type: FieldType) {
        switch type {
        case .string: self = .string
        case .numericString: self = .numericString
        case .integer: self = .integer
        case .number: self = .number
        case .boolean: self = .boolean
        case .object: self = .object
        case .array: self = .array
        case .objectOrJSONString: self = .objectOrJSONString
        case .any: self = .any
        }
    }
}

/// The lookup tables behind `CompiledObject`, field by field in spec order.
/// Not copyable: it owns its buffers and frees them when its owner goes.
struct SpecTables: ~Copyable, @unchecked Sendable {  // @unchecked: its buffers are written once, in init, and only read after
    let fieldCount: Int
    /// The EventType field, whose value chose the spec and is not checked again; -1 when absent or nested.
    let eventTypeField: Int
    /// Each field's `ValueShape`, and for arrays their elements'.
    let shapes: UnsafeBufferPointer<ValueShape>
    let elementShapes: UnsafeBufferPointer<ValueShape>
    /// Field `i`'s name is `names[nameStarts[i]..<nameStarts[i + 1]]`.
    let names: UnsafeBufferPointer<UInt8>
    let nameStarts: UnsafeBufferPointer<Int>
    /// Each name's `KeyWords`: comparing a key with a name is then three
    /// integer compares, the key's words taken once for all names.
    let nameWords: UnsafeBufferPointer<KeyWords>
    let isRequired: UnsafeBufferPointer<Bool>
    /// `isRequired` as one bit a field, for specs of at most 64 fields (0 for larger ones).
    let requiredMask: UInt64
    let formats: UnsafeBufferPointer<FieldFormat?>
    /// A string field without allowed values or a format: any non-empty, non-blank string passes.
    let isFreeText: UnsafeBufferPointer<Bool>
    /// Whether a field's values are restricted; its allowed values are then
    /// values `allowedFirst[i]..<allowedFirst[i + 1]`, value `k` being
    /// `values[valueStarts[k]..<valueStarts[k + 1]]`. Byte equality is
    /// `String` equality for them: they are ASCII, and no ASCII text is
    /// canonically equivalent to any other text.
    let hasAllowed: UnsafeBufferPointer<Bool>
    let allowedFirst: UnsafeBufferPointer<Int>
    let values: UnsafeBufferPointer<UInt8>
    let valueStarts: UnsafeBufferPointer<Int>
    /// Each allowed value's `KeyWords`, as `nameWords` are the names'.
    let valueWords: UnsafeBufferPointer<KeyWords>
    /// The conditions that can ever hold: their governing field exists and has allowed values.
    let conditions: UnsafeBufferPointer<CompiledCondition>
    /// Field indices of the conditions' subjects, each condition's in its order.
    let subjectFields: UnsafeBufferPointer<Int>

    init(_ spec: ObjectSpec, isRoot: Bool) {
        fieldCount = spec.fields.count
        eventTypeField = isRoot ? spec.fieldIndex(named: "EventType") ?? -1 : -1
        shapes = Self.copy(spec.fields.map { ValueShape($0.type) })
        elementShapes = Self.copy(spec.fields.map { field in
            if case .array(let element) = field.type { return ValueShape(element) }
            return ValueShape.any
        })
        var names: [UInt8] = []
        var nameStarts: [Int] = []
        var values: [UInt8] = []
        var valueStarts: [Int] = []
        var allowedFirst: [Int] = []
        var valueWords: [KeyWords] = []
        for field in spec.fields {
            nameStarts.append(names.count)
            names += field.nameBytes
            allowedFirst.append(valueStarts.count)
            for value in field.allowedValues ?? [] {
                valueStarts.append(values.count)
                values += Array(value.utf8)
                valueWords.append(Array(value.utf8).withUnsafeBytes(KeyWords.init))
            }
        }
        nameStarts.append(names.count)
        allowedFirst.append(valueStarts.count)
        valueStarts.append(values.count)
        var conditions: [CompiledCondition] = []
        var subjectFields: [Int] = []
        for (index, condition) in spec.conditions.enumerated() {
            guard let governing = spec.fieldIndex(named: condition.field),
                let allowed = spec.fields[governing].allowedValues
            else { continue }
            let triggerText: String
            let isEquals: Bool
            switch condition.trigger {
            case .equals(let expected): (triggerText, isEquals) = (expected, true)
            case .differsFrom(let other): (triggerText, isEquals) = (other, false)
            }
            let firstSubject = subjectFields.count
            for subject in condition.subjects {
                guard let field = spec.fieldIndex(named: subject) else { continue }
                subjectFields.append(field)
            }
            conditions.append(CompiledCondition(
                index: index, governing: governing, triggerValue: allowed.firstIndex(of: triggerText) ?? -1,
                isEquals: isEquals, expectsPresent: condition.expectation == .present,
                subjects: firstSubject..<subjectFields.count))
        }
        self.names = Self.copy(names)
        self.nameStarts = Self.copy(nameStarts)
        self.nameWords = Self.copy(spec.fields.map { field in field.nameBytes.withUnsafeBytes(KeyWords.init) })
        self.isRequired = Self.copy(spec.fields.map(\.isRequired))
        requiredMask = spec.fields.count > 64 ? 0
            : spec.fields.indices.reduce(0) { mask, index in spec.fields[index].isRequired ? mask | 1 << index : mask }
        self.formats = Self.copy(spec.fields.map(\.format))
        self.isFreeText = Self.copy(spec.fields.map { $0.type == .string && $0.allowedValues == nil && $0.format == nil })
        self.hasAllowed = Self.copy(spec.fields.map { $0.allowedValues != nil })
        self.allowedFirst = Self.copy(allowedFirst)
        self.values = Self.copy(values)
        self.valueStarts = Self.copy(valueStarts)
        self.valueWords = Self.copy(valueWords)
        self.conditions = Self.copy(conditions)
        self.subjectFields = Self.copy(subjectFields)
    }

    deinit {
        shapes.deallocate()
        elementShapes.deallocate()
        names.deallocate()
        nameStarts.deallocate()
        nameWords.deallocate()
        isRequired.deallocate()
        formats.deallocate()
        isFreeText.deallocate()
        hasAllowed.deallocate()
        allowedFirst.deallocate()
        values.deallocate()
        valueStarts.deallocate()
        valueWords.deallocate()
        conditions.deallocate()
        subjectFields.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    @inline(__always) func name(_ field: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(names)[nameStarts[field]..<nameStarts[field + 1]])
    }

    /// The field named exactly `key`, or -1. Keys usually come in the spec's
    /// order, so the search starts at `hint`; names are distinct, so where it
    /// starts cannot change the answer.
    @inline(__always) func exactField(_ key: UnsafeRawBufferPointer, hint: Int) -> Int {
        let words = KeyWords(key)
        var index = hint < fieldCount ? hint : 0
        for _ in 0..<fieldCount {
            if nameWords[index] == words && (words.coversAll || key.equals(name(index))) { return index }
            index = index + 1 == fieldCount ? 0 : index + 1
        }
        return -1
    }

    /// The first field, in spec order, named `key` when case and the key's
    /// surrounding whitespace are ignored, or -1.
    func caseInsensitiveField(_ untrimmed: UnsafeRawBufferPointer) -> Int {
        let key = ASCIICase.trimmed(untrimmed)
        for index in 0..<fieldCount {
            let name = name(index)
            if name.count == key.count && ASCIICase.equalIgnoringCase(name, key) { return index }
        }
        return -1
    }

    /// Allowed value `k` (counted over all fields, as `valueWords` is).
    @inline(__always) func allowedValue(_ k: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(values)[valueStarts[k]..<valueStarts[k + 1]])
    }

    /// Index (within the field's list) of the first allowed value equal to
    /// `value`, or -1; meaningful only where `hasAllowed`.
    @inline(__always) func allowedIndex(of value: UnsafeRawBufferPointer, field: Int) -> Int {
        let first = allowedFirst[field]
        for k in first..<allowedFirst[field + 1] {
            let allowed = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(values)[valueStarts[k]..<valueStarts[k + 1]])
            if value.equals(allowed) { return k - first }
        }
        return -1
    }

    /// `allowedIndex(of:field:)` for a value whose `KeyWords` are known: a
    /// few integer compares an allowed value rather than a byte compare.
    @inline(__always) func allowedIndex(of value: UnsafeRawBufferPointer, words: KeyWords, field: Int) -> Int {
        let first = allowedFirst[field]
        for k in first..<allowedFirst[field + 1] where valueWords[k] == words {
            if words.coversAll || value.equals(allowedValue(k)) {
                return k - first
            }
        }
        return -1
    }
}

/// A `FieldCondition` with its fields resolved, as plain values.
struct CompiledCondition {
    /// Position in the spec's `conditions`, for the rule and the message.
    let index: Int
    let governing: Int
    /// Index of the trigger's value among the governing field's allowed
    /// values; -1 when it is not one, so `equals` never holds and `differsFrom` always does.
    let triggerValue: Int
    let isEquals: Bool
    let expectsPresent: Bool
    /// The condition's entries in `subjectFields` (and `CompiledSpec.subjectNames`).
    /// The rule's severity is looked up only for a finding: the rule catalog
    /// builds every rule's examples, which a short run need not pay for.
    let subjects: Range<Int>
}
