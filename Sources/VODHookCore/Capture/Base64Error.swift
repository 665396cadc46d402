/// Why a Base64 text could not be decoded, and where.
public struct Base64Error: Error, Sendable, Equatable {
    /// Index into the input where the problem is, in the input slice's own
    /// indices, so a slice of a larger buffer reports positions in that buffer.
    public let offset: Int
    /// Lowercase fragment, e.g. "invalid Base64 character '#'"; bytes are quoted safely.
    public let message: String

    /// Builds an error; public so callers can write expected values in tests.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
