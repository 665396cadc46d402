/// The JSON shape a field must have. Recursive: an object carries its own
/// field table, an array the type of its elements.
public indirect enum FieldType: Sendable, Hashable {
    case string
    /// A JSON number without a fraction or exponent.
    case integer
    case number
    case boolean
    /// A string holding a decimal number: VOD sends Bitrate and Fps as `"925"`.
    case numericString
    case object(ObjectSpec)
    case array(FieldType)
    /// An object, or a string whose text is one (MediaContent, AI `Data`):
    /// the docs' tables say "JSON string" while their examples send objects.
    case objectOrJSONString(ObjectSpec)
    /// Any JSON value: a member whose shape no source describes.
    case any

    /// The name `spec` prints: "string", "array of object", ...
    public var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .numericString: "numeric string"
        case .object: "object"
        case .array(let element): "array of " + element.name
        case .objectOrJSONString: "object or JSON string"
        case .any: "any"
        }
    }

    /// "a string", "an integer", for messages.
    public var nameWithArticle: String {
        switch self {
        case .integer, .object, .array, .objectOrJSONString: "an " + name
        case .any: "any value"
        default: "a " + name
        }
    }

    /// The field table of an object, of a JSON string holding one, or of an array's objects.
    public var objectSpec: ObjectSpec? {
        switch self {
        case .object(let spec), .objectOrJSONString(let spec): spec
        case .array(let element): element.objectSpec
        default: nil
        }
    }

    /// Whether values of this type are JSON strings the text checks apply to.
    var isText: Bool { self == .string || self == .numericString }
}

/// Extra checks on a field's text beyond its type and allowed values.
public enum FieldFormat: String, Sendable, Hashable {
    /// `yyyy-MM-ddTHH:mm:ssZ`, in UTC, naming a real instant.
    case eventTime
    /// `eventTime`, or `yyyy-MM-ddTHH:mm:ss:SSSZ`, which the docs show for
    /// ImageUploadComplete and the AI events (real payloads use the first).
    case eventTimeWithMillis
    /// 32 lowercase hex characters (a note when not): media, video and job IDs.
    case mediaId
    /// An `http://` or `https://` URL (a note when not).
    case url
}

/// A second type VOD is seen to send for a field, accepted with a
/// `spec-drift` note that says where the docs and the payloads disagree.
public struct TypeVariant: Sendable, Hashable {
    public let type: FieldType
    public let because: String

    public init(_ type: FieldType, because: String) {
        self.type = type
        self.because = because
    }
}

/// Where a fact comes from, as VOD-EVENTS.md labels it.
public enum Provenance: String, Sendable, Hashable {
    /// Current Alibaba Cloud docs.
    case documented
    /// Only the 2021 snapshot of the docs.
    case documented2021 = "documented (2021)"
    /// Real payloads, not the docs' tables.
    case observed
    /// No source states it; a reasonable default.
    case inferred
}
