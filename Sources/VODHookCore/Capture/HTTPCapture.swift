/// Reads raw HTTP/1.x request captures (from `nc -l`, a proxy, a log) so
/// callbacks can be checked exactly as they arrived, headers included.
///
/// Decisions for what RFC 9112 does not cover, since a capture is a file and
/// not a connection:
/// - Requests sit back to back; blank lines between them are skipped.
/// - Lines end in CRLF or bare LF, mixed freely; a line of only blanks is empty.
/// - Framing is `HTTPRequestParser`'s, as `listen` frames a request, so what
///   it refuses (Content-Length with Transfer-Encoding, two Host headers, a
///   trailer line that is no header) is a finding; Host may be missing.
/// - The body is framed by Transfer-Encoding chunked, else by
///   Content-Length, else it runs to the next line that looks like a
///   request line, or to the end, without trailing newlines.
/// - A Content-Length body that would contain a request line is rejected
///   instead of silently swallowing that request.
/// - A request line is `METHOD SP target SP HTTP/1.x` with a method starting
///   with an uppercase letter; that is also how resynchronisation finds the
///   next request after a malformed one.
public enum HTTPCapture {
    /// Every request in the capture, in order, with malformed stretches reported where they occur.
    public static func read(_ capture: [UInt8]) -> [HTTPCaptureItem] {
        HTTPCaptureReader(source: HTTPSource(bytes: capture[...])).readAll()
    }

    /// True when the first non-blank line of the source is an HTTP request line (used by input auto-detection); must be false for any JSON text.
    public static func startsWithRequestLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        let source = HTTPSource(bytes: bytes)
        let start = source.skipBlankLines(from: bytes.startIndex)
        guard start < source.end else { return false }
        return HTTPRequestLine(source, source.line(at: start)) != nil
    }
}
