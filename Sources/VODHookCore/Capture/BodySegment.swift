/// A run of body bytes that is contiguous in the capture, so an offset found
/// in a decoded (e.g. de-chunked) body can be traced back to the file.
public struct BodySegment: Sendable, Equatable {
    /// Offset of the run's first byte in the decoded body.
    public let bodyStart: Int
    /// Offset of the same byte in the capture.
    public let captureStart: Int
    /// Number of bytes in the run.
    public let length: Int

    /// Builds a segment; public so callers can construct requests in their tests.
    public init(bodyStart: Int, captureStart: Int, length: Int) {
        self.bodyStart = bodyStart
        self.captureStart = captureStart
        self.length = length
    }
}
