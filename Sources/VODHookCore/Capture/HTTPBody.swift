/// A body as read: decoded bytes, where they came from, and where reading goes on.
struct HTTPBody {
    let bytes: [UInt8]
    let segments: [BodySegment]
    /// Capture offset just past the body (and any chunked trailer).
    let next: Int

    /// A body that is one contiguous run of the capture.
    init(_ source: HTTPSource, _ range: Range<Int>, next: Int) {
        self.bytes = Array(source.bytes[range])
        self.segments = [BodySegment(bodyStart: 0, captureStart: range.lowerBound, length: range.count)]
        self.next = next
    }

    /// A body assembled from pieces; with no pieces it still records where it began.
    init(bytes: [UInt8], segments: [BodySegment], start: Int, next: Int) {
        self.bytes = bytes
        self.segments = segments.isEmpty ? [BodySegment(bodyStart: 0, captureStart: start, length: 0)] : segments
        self.next = next
    }
}
