/// One row of a field table.
public struct FieldSpec: Sendable, Hashable {
    public let name: String
    public let type: FieldType
    public let isRequired: Bool
    /// The complete set of values the field may hold; nil when free text.
    public let allowedValues: [String]?
    public let format: FieldFormat?
    /// Values people write for an allowed value the spec names differently,
    /// with the allowed value and why: "audio" is a "video" to VOD.
    public let aliases: [String: ValueAlias]
    /// Values outside the docs' table that VOD is seen to send, with why:
    /// accepted with a `spec-drift` note.
    public let valueVariants: [String: String]
    /// Another type VOD is seen to send, accepted with a `spec-drift` note.
    public let typeVariant: TypeVariant?
    public let provenance: Provenance
    public let summary: String
    /// `name` as UTF-8, so keys compare as bytes without building Strings.
    public let nameBytes: [UInt8]

    public init(
        _ name: String, _ type: FieldType, required: Bool, allowed: [String]? = nil,
        format: FieldFormat? = nil, aliases: [String: ValueAlias] = [:], valueVariants: [String: String] = [:],
        typeVariant: TypeVariant? = nil, provenance: Provenance = .documented, summary: String
    ) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.allowedValues = allowed
        self.format = format
        self.aliases = aliases
        self.valueVariants = valueVariants
        self.typeVariant = typeVariant
        self.provenance = provenance
        self.summary = summary
        self.nameBytes = Array(name.utf8)
    }
}

/// A value the spec names differently: `"audio"` is written `"video"`.
public struct ValueAlias: Sendable, Hashable {
    public let value: String
    public let because: String

    public init(_ value: String, because: String) {
        self.value = value
        self.because = because
    }
}
