/// Frames HTTP/1.1 requests as their bytes arrive, strictly: the head up to
/// its blank line, then the body its head announces (Content-Length or
/// chunked, with chunk sizes, extensions and trailers), every byte of it
/// counted against one limit. A server feeds it the bytes received so far
/// (from the start of the request) as often as it likes: it resumes where
/// it stopped, so however the bytes are split across reads the outcome is
/// the same.
///
/// Strict where a server must be (RFC 9112): Content-Length together with
/// Transfer-Encoding, an HTTP/1.1 request without exactly one Host, a
/// folded header line, a trailer line that is not a header field: each is
/// refused, never guessed at.
public struct HTTPRequestParser: Sendable {
    public struct Limits: Sendable, Equatable {
        /// The request line and headers; over it: 431.
        public var headBytes: Int
        /// The decoded body; over it: 413.
        public var bodyBytes: Int
        /// Every byte of one request (head, chunk-size lines and their
        /// extensions, trailers, body); over it: 413.
        public var requestBytes: Int

        public init(headBytes: Int = 64 * 1024, bodyBytes: Int = 32 * 1024 * 1024, requestBytes: Int? = nil) {
            self.headBytes = headBytes
            self.bodyBytes = bodyBytes
            // Framing around a full body: chunk-size lines and trailers get the head's allowance.
            self.requestBytes = requestBytes ?? headBytes * 2 + bodyBytes
        }
    }

    public enum Outcome: Sendable, Equatable {
        /// Not a whole request yet.
        case needsMore
        /// A whole request: its bytes are `0..<end` of what was given.
        case complete(end: Int, head: HTTPRequestHead)
        /// Answer `status`, then close: `reason` says why, for the terminal.
        case refused(status: Int, reason: String)
    }

    private enum State: Sendable {
        case head(scanned: Int)
        case fixed(headEnd: Int, length: Int)
        case chunked(ChunkedState)
        case finished(Outcome)
    }

    public let limits: Limits
    private var state: State = .head(scanned: 0)
    /// The head once its blank line has arrived; before that, nil.
    public private(set) var head: HTTPRequestHead?
    /// Where the body starts, once the head is known.
    public private(set) var headEnd: Int?

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// True once the head has arrived and asks for `100 Continue`.
    public var expectsContinue: Bool {
        head?.header("Expect").map { httpNamesEqual($0.value, "100-continue") } ?? false
    }

    /// The body length the head announced; nil for chunked or before the head.
    public var announcedLength: Int? {
        if case .fixed(_, let length) = state { return length }
        return nil
    }

    /// Reads on from where the last call stopped. `bytes` is everything
    /// received for this request so far, from its first byte; it only grows
    /// between calls. Once complete or refused, the outcome stays.
    public mutating func advance(_ bytes: [UInt8]) -> Outcome {
        let outcome: Outcome
        switch state {
        case .finished(let done): return done
        case .head(let scanned): outcome = advanceHead(bytes, scanned: scanned)
        case .fixed(let headEnd, let length): outcome = advanceFixed(bytes, headEnd: headEnd, length: length)
        case .chunked(var chunks):
            outcome = advanceChunked(bytes, &chunks)
        }
        switch outcome {
        case .needsMore: return .needsMore
        default: return finish(outcome)
        }
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        state = .finished(outcome)
        return outcome
    }

    private mutating func advanceHead(_ bytes: [UInt8], scanned: Int) -> Outcome {
        // RFC 9112 §2.2: blank lines before a request line are ignored (a client's stray CRLF after a body).
        var start = 0
        while start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A { start += 1 }
        if start < bytes.count, !(0x41...0x5A).contains(bytes[start]) {
            return .refused(status: 400, reason: "not an HTTP request (its first byte is \(quoteForMessage(bytes[start...start])))")
        }
        if let lineFeed = bytes[start...].firstIndex(of: 0x0A) {
            let source = HTTPSource(bytes: bytes[start...lineFeed])
            if HTTPRequestLine(source, source.line(at: start)) == nil {
                return .refused(status: 400, reason: "not an HTTP request line")
            }
        }
        guard let end = Self.headEnd(in: bytes, from: max(start, scanned - 3)) else {
            if bytes.count - start > limits.headBytes {
                return .refused(status: 431, reason: "the request head is over \(Self.describe(bytes: limits.headBytes))")
            }
            state = .head(scanned: bytes.count)
            return .needsMore
        }
        guard end - start <= limits.headBytes else {
            return .refused(status: 431, reason: "the request head is over \(Self.describe(bytes: limits.headBytes))")
        }
        let parsed: HTTPRequestHead
        switch HTTPRequestHead.parse(Array(bytes[start..<end])) {
        case .success(let value): parsed = value
        case .failure(let error): return .refused(status: 400, reason: error.message)
        }
        if let refusal = Self.strictness(parsed) { return .refused(status: 400, reason: refusal) }
        head = parsed
        headEnd = end
        switch parsed.bodyLength {
        case .none:
            return .complete(end: end, head: parsed)
        case .fixed(let length):
            guard length <= limits.bodyBytes, end + length <= limits.requestBytes else {
                return .refused(status: 413, reason: "the body is \(length) bytes, over \(Self.describe(bytes: limits.bodyBytes))")
            }
            state = .fixed(headEnd: end, length: length)
            return advanceFixed(bytes, headEnd: end, length: length)
        case .chunked:
            var chunks = ChunkedState(position: end)
            return advanceChunked(bytes, &chunks)
        }
    }

    private mutating func advanceChunked(_ bytes: [UInt8], _ chunks: inout ChunkedState) -> Outcome {
        switch chunks.advance(bytes, limits: limits) {
        case .needsMore:
            state = .chunked(chunks)
            return .needsMore
        case .end(let end):
            guard let head else { return .needsMore }
            return .complete(end: end, head: head)
        case .refused(let status, let reason):
            return .refused(status: status, reason: reason)
        }
    }

    private func advanceFixed(_ bytes: [UInt8], headEnd: Int, length: Int) -> Outcome {
        guard bytes.count >= headEnd + length, let head else { return .needsMore }
        return .complete(end: headEnd + length, head: head)
    }

    /// What RFC 9112 tells a server to refuse rather than interpret.
    static func strictness(_ head: HTTPRequestHead) -> String? {
        let hosts = head.headers.filter { httpNamesEqual($0.name, "Host") }
        if hosts.count > 1 { return "the request has \(hosts.count) Host headers; HTTP/1.1 allows one" }
        if hosts.isEmpty && head.version == "HTTP/1.1" { return "an HTTP/1.1 request without a Host header" }
        let hasLength = head.headers.contains { httpNamesEqual($0.name, "Content-Length") }
        let hasTransfer = head.headers.contains { httpNamesEqual($0.name, "Transfer-Encoding") }
        if hasLength && hasTransfer {
            // §6.1: a request with both may be smuggling a second one past a proxy.
            return "the request has both Content-Length and Transfer-Encoding"
        }
        return nil
    }

    /// The offset just past the blank line that ends the head, CRLF or bare LF.
    public static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while let lineFeed = bytes[index...].firstIndex(of: 0x0A) {
            let next = lineFeed + 1
            if next < bytes.count, bytes[next] == 0x0A { return next + 1 }
            if next + 1 < bytes.count, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { return next + 2 }
            index = next
        }
        return nil
    }

    /// A size as the limits are usually given: "32 MiB", "64 KiB".
    public static func describe(bytes: Int) -> String {
        let mebibytes = bytes / (1024 * 1024), rest = bytes % (1024 * 1024)
        if rest == 0 { return "\(mebibytes) MiB" }
        guard rest % 1024 == 0 else { return "\(bytes) bytes" }
        return mebibytes > 0 ? "\(mebibytes) MiB \(rest / 1024) KiB" : "\(rest / 1024) KiB"
    }
}

/// Where a chunked body stands: the next line to read, the bytes decoded,
/// and whether the chunks are over and the trailers are being read.
private struct ChunkedState: Sendable {
    var position: Int
    var decoded = 0
    var inTrailers = false

    /// A chunk-size line with its extensions; a trailer line.
    static let lineLimit = 4096

    enum Outcome {
        case needsMore
        case end(Int)
        case refused(status: Int, reason: String)
    }

    mutating func advance(_ bytes: [UInt8], limits: HTTPRequestParser.Limits) -> Outcome {
        let tooLarge = Outcome.refused(
            status: 413, reason: "the chunked request is over \(HTTPRequestParser.describe(bytes: limits.requestBytes)) with its framing and trailers")
        while true {
            guard let lineFeed = bytes[position...].firstIndex(of: 0x0A) else {
                if bytes.count > limits.requestBytes { return tooLarge }
                if bytes.count - position > Self.lineLimit {
                    return .refused(status: 400, reason: inTrailers ? "a trailer line runs over 4 KiB" : "a chunk-size line runs over 4 KiB")
                }
                return .needsMore
            }
            guard lineFeed < limits.requestBytes else { return tooLarge }
            if lineFeed - position > Self.lineLimit {
                return .refused(status: 400, reason: inTrailers ? "a trailer line runs over 4 KiB" : "a chunk-size line runs over 4 KiB")
            }
            var contentEnd = lineFeed
            if contentEnd > position, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if inTrailers {
                if contentEnd == position {
                    position = lineFeed + 1
                    return .end(position)
                }
                // A trailer is a header field; anything else (a request line above all) is refused, never read as more requests.
                let source = HTTPSource(bytes: bytes[position...lineFeed])
                switch HTTPHeaderLine(source, source.line(at: position)) {
                case .field: break
                case .endOfHeaders: break
                case .invalid(let error):
                    let isRequestLine = HTTPRequestLine(source, source.line(at: position)) != nil
                    return .refused(status: 400, reason: isRequestLine ? "a request line inside the chunked body's trailers" : "a trailer line: " + error.message)
                }
                position = lineFeed + 1
                continue
            }
            var size = 0
            var digits = 0
            for byte in bytes[position..<contentEnd] {
                guard let value = hexValue(byte) else {
                    if byte == UInt8(ascii: ";") || byte == 0x20 || byte == 0x09 { break }
                    return .refused(status: 400, reason: "a chunk size is not hexadecimal")
                }
                digits += 1
                guard digits <= 8 else { return tooLarge }
                size = size * 16 + value
            }
            guard digits > 0 else { return .refused(status: 400, reason: "a chunk-size line holds no size") }
            if size == 0 {
                inTrailers = true
                position = lineFeed + 1
                continue
            }
            guard decoded + size <= limits.bodyBytes, lineFeed + 1 + size <= limits.requestBytes else {
                return .refused(status: 413, reason: "the chunked body is over \(HTTPRequestParser.describe(bytes: limits.bodyBytes))")
            }
            let dataEnd = lineFeed + 1 + size
            guard bytes.count >= dataEnd + 1 else { return .needsMore }
            if bytes[dataEnd] == 0x0A {
                position = dataEnd + 1
            } else if bytes[dataEnd] == 0x0D {
                guard bytes.count >= dataEnd + 2 else { return .needsMore }
                guard bytes[dataEnd + 1] == 0x0A else { return .refused(status: 400, reason: "a chunk's data is not followed by CRLF") }
                position = dataEnd + 2
            } else {
                return .refused(status: 400, reason: "a chunk's data is not followed by CRLF")
            }
            decoded += size
        }
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
