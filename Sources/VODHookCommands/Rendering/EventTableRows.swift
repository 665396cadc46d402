import VODHookCore

/// An event's field table flattened for printing: nested members after
/// their field, with their depth and path, and what each row says about values.
struct EventTableRow {
    let depth: Int
    /// "StreamInfos[].Status" for nested members.
    let path: String
    let field: FieldSpec

    static func rows(_ event: EventSpec) -> [EventTableRow] {
        var rows: [EventTableRow] = []
        func add(_ object: ObjectSpec, depth: Int, prefix: String) {
            for field in object.fields {
                rows.append(EventTableRow(depth: depth, path: prefix + field.name, field: field))
                if let nested = field.type.objectSpec {
                    let isArray = if case .array = field.type { true } else { false }
                    add(nested, depth: depth + 1, prefix: prefix + field.name + (isArray ? "[]." : "."))
                }
            }
        }
        add(event.object, depth: 0, prefix: "")
        return rows
    }

    /// What values the field takes, in a few words.
    func values(_ event: EventSpec) -> String {
        var parts: [String] = []
        if field.name == "EventType" && depth == 0 {
            parts.append("\"\(event.eventType)\"")
        } else if let allowed = field.allowedValues {
            parts.append(allowed.joined(separator: " | "))
            if !field.valueVariants.isEmpty { parts.append("(also seen: " + field.valueVariants.keys.sorted().joined(separator: ", ") + ")") }
        } else {
            switch field.format {
            case .eventTime: parts.append("yyyy-MM-ddTHH:mm:ssZ (UTC)")
            case .eventTimeWithMillis: parts.append("yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss:SSSZ (UTC)")
            case .mediaId: parts.append("32 lowercase hex (a note otherwise)")
            case .url: parts.append("http:// or https:// URL")
            case nil: break
            }
        }
        if let variant = field.typeVariant { parts.append("(also seen as \(variant.type.name))") }
        if field.provenance != .documented { parts.append("[\(field.provenance.rawValue)]") }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }
}
