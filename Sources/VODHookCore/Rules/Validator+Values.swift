extension Validator {
    /// True when a member's value certainly passes every check `checkValue`
    /// makes: for text fields a plain, non-empty, non-blank string that is a
    /// known event type, an allowed value or well formed, as the field asks;
    /// for the others the right kind, nested objects proved by their own
    /// quick pass. False sends it to `checkValue`, which decides again and
    /// says what is wrong.
    @inline(__always)
    func passesQuickly(_ index: Int, _ compiled: CompiledObject, value: Int, knownEventType: Int, _ fields: FieldSlots, _ document: JSONDocument) -> Bool {
        switch compiled.tables.shapes[index] {
        case .string, .numericString: break
        default:
            return document.nodes.withUnsafeBufferPointer { nodes in
                guard let base = document.bytes.baseAddress else { return false }
                return compiled.quickValue(index, nodes, base: base, value: value)
            }
        }
        guard document[value].kind == .string, let bytes = document.plainString(value), let first = bytes.first else { return false }
        if compiled.tables.isRequired[index] && TextChecks.mayStartBlank(first) { return false }
        if index == compiled.tables.eventTypeField { return value == knownEventType }
        if compiled.tables.shapes[index] == .numericString { return TextChecks.isNumber(bytes) }
        if compiled.tables.hasAllowed[index] {
            let match = compiled.tables.allowedIndex(of: bytes, field: index)
            if value == fields.values[index] { fields.allowedMatches[index] = match }
            if match < 0 { return false }
        }
        return compiled.tables.formats[index].map { TextChecks.isWellFormed(bytes, $0) } ?? true
    }

    /// Type, emptiness, allowed values and format of one value of a field,
    /// nested values included. Each check decides on the value's bytes; the
    /// message and the pointer are made only when it fails.
    func checkValue(_ index: Int, _ compiled: CompiledObject, _ context: ObjectContext, value: Int, _ document: JSONDocument, findings: inout [Diagnostic]) {
        let field = compiled.spec.fields[index]
        let place = ValuePlace(container: context.pointer, key: value - 1, element: -1)
        guard let type = acceptedType(field, value: value, place, document, findings: &findings) else { return }
        switch type {
        case .string, .numericString:
            checkText(field, type: type, in: (compiled, index), value: value, place, context, document, findings: &findings)
        case .object(let spec), .objectOrJSONString(let spec):
            let child = compiled.children[index] ?? CompiledObject(spec, isRoot: false)
            checkHeldObject(field, child, value: value, place, context, document, findings: &findings)
        case .array(let element):
            let pointer = place.pointer(document)
            let arrayContext = context.nested(field.name, element: true, pointer: pointer)
            var item = value + 1
            for position in 0..<Int(document[value].count) {
                let elementPlace = ValuePlace(container: pointer, key: -1, element: position)
                checkElement(field, element, child: compiled.children[index], value: item, elementPlace, arrayContext, document, findings: &findings)
                item = Int(document[item].next)
            }
        case .integer, .number, .boolean, .any:
            break
        }
    }

    /// One element of an array field, against the array's element type.
    private func checkElement(
        _ field: FieldSpec, _ type: FieldType, child: CompiledObject?, value: Int, _ place: ValuePlace, _ context: ObjectContext,
        _ document: JSONDocument, findings: inout [Diagnostic]
    ) {
        guard type.matches(document, value) else {
            findings.append(wrongType(field.name + "[]", expected: type, value: value, place, document, hint: nil))
            return
        }
        switch type {
        case .object(let spec), .objectOrJSONString(let spec):
            let compiled = child ?? CompiledObject(spec, isRoot: false)
            if document[value].kind == .object {
                checkObject(value, compiled, ObjectContext(event: context.event, path: context.path, pointer: place.pointer(document), knownEventType: -1),
                            document, findings: &findings)
            } else {
                checkHeldObject(field, compiled, value: value, place, context, document, findings: &findings)
            }
        case .string, .numericString:
            checkText(field, type: type, in: nil, value: value, place, context, document, findings: &findings)
        default:
            break
        }
    }

    /// The type a value is checked as: the field's own, or its variant with
    /// a `spec-drift` note; nil after a `wrong-type` finding.
    private func acceptedType(_ field: FieldSpec, value: Int, _ place: ValuePlace, _ document: JSONDocument, findings: inout [Diagnostic]) -> FieldType? {
        if field.type.matches(document, value) { return field.type }
        if let variant = field.typeVariant, variant.type.matches(document, value) {
            findings.append(Diagnostic(
                RuleCatalog.severity(of: .specDrift), .specDrift,
                "\(field.name) is \(variant.type.nameWithArticle) (\(describeValue(value, document))) where the docs' table says \(field.type.name); \(variant.because)",
                offset: document.sourceOffset(of: value), pointer: place.pointer(document)))
            return variant.type
        }
        // Text in a numeric field that is no number is a wrong type too, but it is text: the usual checks say more.
        let hint: String? = switch document[value].kind {
        case .null: "omit the field or give it \(field.type.nameWithArticle)"
        case .string where field.type == .numericString: "write the number as text, such as \"925\""
        default: nil
        }
        if document[value].kind == .string, field.type.isText, document[value].end - document[value].start == 2 {
            // An empty value is one problem: not also a wrong type.
            if field.isRequired { findings.append(emptyValue(field.name, value: value, place, document)) }
            return nil
        }
        findings.append(wrongType(field.name, expected: field.type, value: value, place, document, hint: hint))
        return nil
    }

    /// An object a field holds, as an object or as a JSON string holding one.
    private func checkHeldObject(
        _ field: FieldSpec, _ compiled: CompiledObject, value: Int, _ place: ValuePlace, _ context: ObjectContext,
        _ document: JSONDocument, findings: inout [Diagnostic]
    ) {
        let pointer = place.pointer(document)
        if document[value].kind == .object {
            checkObject(value, compiled, context.nested(field.name, element: false, pointer: pointer), document, findings: &findings)
            return
        }
        checkJSONText(field, compiled, value: value, pointer: pointer, context, document, findings: &findings)
    }

    func wrongType(_ name: String, expected: FieldType, value: Int, _ place: ValuePlace, _ document: JSONDocument, hint: String?) -> Diagnostic {
        Diagnostic(
            .error, .wrongType,
            "\(TerminalSafe.quoted(name)) must be \(expected.nameWithArticle), found \(describe(value, document))",
            offset: document.sourceOffset(of: value), pointer: place.pointer(document), hint: hint)
    }

    func emptyValue(_ name: String, value: Int, _ place: ValuePlace, _ document: JSONDocument) -> Diagnostic {
        Diagnostic(.error, .emptyValue, "\(TerminalSafe.quoted(name)) is empty",
                   offset: document.sourceOffset(of: value), pointer: place.pointer(document))
    }

    /// "a number (42)", "null", "an object", "a string (\"abc\")": short and terminal-safe.
    func describe(_ value: Int, _ document: JSONDocument) -> String {
        let node = document[value]
        switch node.kind {
        case .number, .true, .false, .string:
            return "\(node.kind.nameWithArticle) (\(describeValue(value, document)))"
        default:
            return node.kind.nameWithArticle
        }
    }

    /// A scalar's text as it should be shown: numbers as written, strings quoted.
    func describeValue(_ value: Int, _ document: JSONDocument) -> String {
        if document[value].kind == .string { return document.quotedExcerpt(value) }
        // Number text is ASCII, so cutting it cannot split a character.
        let raw = document.rawBytes(of: value)
        return String(decoding: raw.prefix(40), as: UTF8.self) + (raw.count > 40 ? "..." : "")
    }
}

/// Where a value is: a member of the object at `container` (its key's tape
/// index), or element `element` of the array there. The pointer is built
/// only for a finding.
struct ValuePlace {
    let container: String
    let key: Int
    let element: Int

    func pointer(_ document: JSONDocument) -> String {
        key >= 0 ? document.rootMemberPointer(key: key, prefix: container) : JSONPointer.appending(element, to: container)
    }
}

extension FieldType {
    /// Whether a value has this type's JSON shape (not its contents: a
    /// numeric string's text is checked with the other text checks).
    func matches(_ document: JSONDocument, _ value: Int) -> Bool {
        let kind = document[value].kind
        switch self {
        case .string: return kind == .string
        case .numericString:
            guard kind == .string else { return false }
            return document.withDecodedString(value) { $0.isEmpty || TextChecks.isNumber($0) }
        case .integer: return kind == .number && TextChecks.isInteger(document.rawBytes(of: value))
        case .number: return kind == .number
        case .boolean: return kind == .true || kind == .false
        case .object: return kind == .object
        case .array: return kind == .array
        case .objectOrJSONString: return kind == .object || kind == .string
        case .any: return true
        }
    }
}
