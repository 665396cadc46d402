import Foundation

/// A JSON value as `JSONDecoder` reads it, keeping booleans, integers and
/// other numbers apart (JSONSerialization's NSNumber blurs them).
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }
}

/// Checks a value against the few JSON Schema (draft 2020-12) keywords the
/// schemas in docs/schemas use. Any other keyword is reported, so a schema
/// cannot lean on a rule this checker would silently skip.
enum SchemaSubset {
    static let annotations: Set = ["$schema", "title", "description"]
    static let keywords: Set = ["type", "enum", "minimum", "required", "properties", "additionalProperties", "items"]

    /// The problems found, each with the JSON Pointer of the value; empty when it conforms.
    static func problems(_ value: JSONValue, _ schema: JSONValue, at pointer: String = "") -> [String] {
        guard case .object(let rules) = schema else { return ["\(pointer): the schema is not an object"] }
        var found: [String] = []
        for key in rules.keys where !annotations.contains(key) && !keywords.contains(key) {
            found.append("\(pointer): the checker does not know the keyword \(key)")
        }
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { matches(value, type: $0) }) { found.append("\(pointer): \(value) is not of type \(allowed)") }
        }
        if case .array(let options) = rules["enum"], !options.contains(value) {
            found.append("\(pointer): \(value) is not one of \(options)")
        }
        if let minimum = rules["minimum"].flatMap(number), let actual = number(value), actual < minimum {
            found.append("\(pointer): \(actual) is below \(minimum)")
        }
        if case .object(let members) = value {
            if case .array(let required) = rules["required"] {
                for case .string(let name) in required where members[name] == nil { found.append("\(pointer): \(name) is missing") }
            }
            let properties: [String: JSONValue]
            if case .object(let declared) = rules["properties"] { properties = declared } else { properties = [:] }
            for (name, member) in members {
                let path = pointer + "/" + name
                if let rule = properties[name] {
                    found += problems(member, rule, at: path)
                } else if let extra = rules["additionalProperties"] {
                    if extra == .bool(false) { found.append("\(path): not allowed") }
                    else if extra != .bool(true) { found += problems(member, extra, at: path) }
                }
            }
        }
        if case .array(let elements) = value, let items = rules["items"] {
            for (index, element) in elements.enumerated() { found += problems(element, items, at: "\(pointer)/\(index)") }
        }
        return found
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object): true
        default: false
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        default: nil
        }
    }
}
