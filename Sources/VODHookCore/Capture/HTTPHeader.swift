/// One header field of a captured request, with where it sits in the capture
/// so findings about it can point at the right byte.
public struct HTTPHeader: Sendable, Equatable {
    /// The field name as written; compare it case-insensitively.
    public let name: String
    /// The field value with surrounding spaces and tabs trimmed.
    public let value: String
    /// Capture offset of the first byte of the name.
    public let nameOffset: Int
    /// Capture offset of the first byte of the trimmed value (where it would start, if empty).
    public let valueOffset: Int

    /// Builds a header; public so callers can construct requests in their tests.
    public init(name: String, value: String, nameOffset: Int, valueOffset: Int) {
        self.name = name
        self.value = value
        self.nameOffset = nameOffset
        self.valueOffset = valueOffset
    }
}
