/// One thing found in a capture: a request, or a stretch that could not be read
/// (reported rather than dropped, so a capture never silently loses a callback).
public enum HTTPCaptureItem: Sendable, Equatable {
    /// A request read in full.
    case request(HTTPRequest)
    /// A request, or text where one was expected, that could not be read;
    /// `requestStart` is the capture offset of its first line.
    case malformed(HTTPSyntaxError, requestStart: Int)
}
