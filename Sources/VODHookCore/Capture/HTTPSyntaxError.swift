/// Why a request in a capture could not be read, and where.
public struct HTTPSyntaxError: Error, Sendable, Equatable {
    /// Capture offset of the problem.
    public let offset: Int
    /// Lowercase fragment, e.g. "Content-Length 120 runs past the end of the capture (58 bytes of body)".
    public let message: String

    /// Builds an error; public so callers can write expected values in tests.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
