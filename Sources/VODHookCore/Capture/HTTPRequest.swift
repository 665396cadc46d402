/// One HTTP/1.x request read from a capture.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, e.g. "POST".
    public let method: String
    /// The request target as written, e.g. "/callback?x=1".
    public let target: String
    /// The protocol version, e.g. "HTTP/1.1".
    public let version: String
    /// Header fields in capture order, duplicates kept.
    public let headers: [HTTPHeader]
    /// Offset of the request line in the capture.
    public let startOffset: Int
    /// Decoded body bytes (de-chunked when the request was chunked).
    public let body: [UInt8]
    /// Maps body offsets back to capture offsets: contiguous pieces (one for Content-Length bodies, one per chunk when chunked).
    ///
    /// An empty body has one zero-length segment at the capture offset where
    /// the body would begin, so even "unexpected end of body" has a place.
    public let bodySegments: [BodySegment]

    /// Builds a request; public so callers can construct requests in their tests.
    public init(
        method: String, target: String, version: String, headers: [HTTPHeader],
        startOffset: Int, body: [UInt8], bodySegments: [BodySegment]
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.startOffset = startOffset
        self.body = body
        self.bodySegments = bodySegments
    }

    /// The first header with this name, compared case-insensitively as HTTP names are.
    public func header(_ name: String) -> HTTPHeader? {
        headers.first { httpNamesEqual($0.name, name) }
    }

    /// The capture offset of a body offset; `body.count` maps to just past the
    /// body's last byte. Out-of-range offsets are clamped rather than trapping,
    /// since they usually come from other components' error positions.
    public func captureOffset(ofBodyOffset offset: Int) -> Int {
        guard !bodySegments.isEmpty else { return startOffset }
        let clamped = min(max(offset, 0), body.count)
        // The last segment starting at or before the offset holds it.
        var low = 0
        var high = bodySegments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if bodySegments[middle].bodyStart <= clamped {
                low = middle
            } else {
                high = middle - 1
            }
        }
        let segment = bodySegments[low]
        return segment.captureStart + max(clamped - segment.bodyStart, 0)
    }
}

/// ASCII case-insensitive equality, the rule for HTTP field names.
func httpNamesEqual(_ left: some StringProtocol, _ right: some StringProtocol) -> Bool {
    let a = left.utf8
    let b = right.utf8
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
}

@inline(__always)
func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5a).contains(byte) ? byte | 0x20 : byte
}
