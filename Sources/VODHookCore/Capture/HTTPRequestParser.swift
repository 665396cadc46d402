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
///
/// Captures are read by the same parser (`HTTPCaptureReader`), which gives
/// it a slice of the capture file, so every offset it reports (`problem`,
/// `chunkData`, the headers') is an offset in the capture.
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
        case chunked(ChunkedFraming)
        case finished(Outcome)
    }

    public let limits: Limits
    /// False for captures: a hand-written or HTTP/1.0-style capture may lack Host (docs/input.md).
    public let requiresHost: Bool
    private var state: State = .head(scanned: 0)
    /// Why and where the request was refused: the offset is an index into the bytes given.
    public private(set) var problem: HTTPSyntaxError?
    /// Where each chunk's data lies in the bytes given, in order, for a chunked body.
    public private(set) var chunkData: [Range<Int>] = []
    /// While a chunked body is incomplete: the chunk-size line whose data has not all arrived, and its size.
    public private(set) var awaitedChunk: (sizeLine: Int, size: Int)?
    /// True once a chunked body's last chunk has been read and its trailers are being read.
    public private(set) var inTrailers = false
    /// While a chunked body is incomplete: where its next chunk-size or trailer line starts.
    public private(set) var chunkedLine: Int?
    /// The head once its blank line has arrived; before that, nil.
    public private(set) var head: HTTPRequestHead?
    /// Where the body starts, once the head is known.
    public private(set) var headEnd: Int?

    public init(limits: Limits = Limits(), requiresHost: Bool = true) {
        self.limits = limits
        self.requiresHost = requiresHost
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
        advance(bytes[...])
    }

    /// As `advance(_:)` for a slice whose first byte is the request's first
    /// byte; offsets reported are indices into the slice's base.
    public mutating func advance(_ bytes: ArraySlice<UInt8>) -> Outcome {
        let outcome: Outcome
        switch state {
        case .finished(let done): return done
        case .head(let scanned): outcome = advanceHead(bytes, scanned: scanned)
        case .fixed(let headEnd, let length): outcome = advanceFixed(bytes, headEnd: headEnd, length: length)
        case .chunked(var chunks):
            outcome = advanceChunked(bytes, &chunks)
        }
        if case .refused(_, let reason) = outcome, problem == nil {
            problem = HTTPSyntaxError(offset: bytes.endIndex, message: reason)
        }
        switch outcome {
        case .needsMore: return .needsMore
        default: return finish(outcome)
        }
    }

    private mutating func refuse(_ status: Int, _ reason: String, at offset: Int) -> Outcome {
        problem = HTTPSyntaxError(offset: offset, message: reason)
        return .refused(status: status, reason: reason)
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        state = .finished(outcome)
        return outcome
    }

    private mutating func advanceHead(_ bytes: ArraySlice<UInt8>, scanned: Int) -> Outcome {
        // RFC 9112 §2.2: blank lines before a request line are ignored (a client's stray CRLF after a body).
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x0D || bytes[start] == 0x0A { start += 1 }
        if start < bytes.endIndex, !(0x41...0x5A).contains(bytes[start]) {
            return refuse(400, "not an HTTP request (its first byte is \(quoteForMessage(bytes[start...start])))", at: start)
        }
        if let lineFeed = bytes[start...].firstIndex(of: 0x0A) {
            let source = HTTPSource(bytes: bytes[start...lineFeed])
            if HTTPRequestLine(source, source.line(at: start)) == nil {
                return refuse(400, "not an HTTP request line", at: start)
            }
        }
        guard let end = Self.headEnd(in: bytes, from: max(start, scanned - 3)) else {
            if bytes.endIndex - start > limits.headBytes {
                return refuse(431, "the request head is over \(Self.describe(bytes: limits.headBytes))", at: start + limits.headBytes)
            }
            state = .head(scanned: bytes.endIndex)
            return .needsMore
        }
        guard end - start <= limits.headBytes else {
            return refuse(431, "the request head is over \(Self.describe(bytes: limits.headBytes))", at: start + limits.headBytes)
        }
        let parsed: HTTPRequestHead
        switch HTTPRequestHead.parse(bytes[start..<end]) {
        case .success(let value): parsed = value
        case .failure(let error): return refuse(400, error.message, at: error.offset)
        }
        if let refusal = Self.strictness(parsed, requiresHost: requiresHost, start: start) { return refuse(400, refusal.message, at: refusal.offset) }
        head = parsed
        headEnd = end
        switch parsed.bodyLength {
        case .none:
            return .complete(end: end, head: parsed)
        case .fixed(let length):
            guard length <= limits.bodyBytes, end - start + length <= limits.requestBytes else {
                let declared = parsed.header("Content-Length")?.valueOffset ?? end
                return refuse(413, "the body is \(length) bytes, over \(Self.describe(bytes: limits.bodyBytes))", at: declared)
            }
            state = .fixed(headEnd: end, length: length)
            return advanceFixed(bytes, headEnd: end, length: length)
        case .chunked:
            var chunks = ChunkedFraming(position: end, origin: bytes.startIndex)
            return advanceChunked(bytes, &chunks)
        }
    }

    private mutating func advanceChunked(_ bytes: ArraySlice<UInt8>, _ chunks: inout ChunkedFraming) -> Outcome {
        let outcome = chunks.advance(bytes, limits: limits, data: &chunkData)
        awaitedChunk = chunks.awaited
        inTrailers = chunks.inTrailers
        chunkedLine = chunks.position
        switch outcome {
        case .needsMore:
            state = .chunked(chunks)
            return .needsMore
        case .end(let end):
            guard let head else { return .needsMore }
            return .complete(end: end, head: head)
        case .refused(let status, let reason, let offset):
            return refuse(status, reason, at: offset)
        }
    }

    private func advanceFixed(_ bytes: ArraySlice<UInt8>, headEnd: Int, length: Int) -> Outcome {
        guard bytes.endIndex >= headEnd + length, let head else { return .needsMore }
        return .complete(end: headEnd + length, head: head)
    }

    /// What RFC 9112 tells a server to refuse rather than interpret.
    static func strictness(_ head: HTTPRequestHead, requiresHost: Bool, start: Int) -> HTTPSyntaxError? {
        // One pass over the headers: every request, in listen and in a capture, goes through here.
        var hosts = 0, secondHost: HTTPHeader?, contentLength: HTTPHeader?, transfer: HTTPHeader?
        for header in head.headers {
            // Most headers are none of the three: their length says so before any comparison.
            let nameLength = header.name.utf8.count
            guard nameLength == 4 || nameLength == 14 || nameLength == 17 else { continue }
            if httpNamesEqual(header.name, "Host") {
                hosts += 1
                if hosts == 2 { secondHost = header }
            } else if contentLength == nil, httpNamesEqual(header.name, "Content-Length") {
                contentLength = header
            } else if transfer == nil, httpNamesEqual(header.name, "Transfer-Encoding") {
                transfer = header
            }
        }
        if let secondHost {
            return HTTPSyntaxError(offset: secondHost.nameOffset, message: "the request has \(hosts) Host headers; HTTP/1.1 allows one")
        }
        if requiresHost && hosts == 0 && head.version == "HTTP/1.1" {
            return HTTPSyntaxError(offset: start, message: "an HTTP/1.1 request without a Host header")
        }
        if let contentLength, let transfer {
            // §6.1: a request with both may be smuggling a second one past a proxy.
            return HTTPSyntaxError(offset: max(contentLength.nameOffset, transfer.nameOffset), message: "the request has both Content-Length and Transfer-Encoding")
        }
        return nil
    }

    /// The offset just past the blank line that ends the head, CRLF or bare LF.
    public static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        headEnd(in: bytes[...], from: start)
    }

    /// As `headEnd(in:from:)`, in a slice, with offsets indices of its base.
    static func headEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while let lineFeed = bytes[index...].firstIndex(of: 0x0A) {
            let next = lineFeed + 1
            if next < bytes.endIndex, bytes[next] == 0x0A { return next + 1 }
            if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { return next + 2 }
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
/// and whether the chunks are over and the trailers are being read. The
/// request parser's, and the response reader's too, so both frame chunks alike.
struct ChunkedFraming: Sendable {
    var position: Int
    /// Index of the request's first byte, which limits count from.
    let origin: Int
    var decoded = 0
    var inTrailers = false
    var awaited: (sizeLine: Int, size: Int)?

    /// A chunk-size line with its extensions; a trailer line.
    static let lineLimit = 4096

    enum Outcome {
        case needsMore
        case end(Int)
        case refused(status: Int, reason: String, offset: Int)
    }

    init(position: Int, origin: Int) {
        self.position = position
        self.origin = origin
    }

    mutating func advance(_ bytes: ArraySlice<UInt8>, limits: HTTPRequestParser.Limits, data: inout [Range<Int>]) -> Outcome {
        let requestEnd = origin + limits.requestBytes
        let tooLarge = Outcome.refused(
            status: 413, reason: "the chunked request is over \(HTTPRequestParser.describe(bytes: limits.requestBytes)) with its framing and trailers",
            offset: min(bytes.endIndex, requestEnd))
        while true {
            guard let lineFeed = bytes[position...].firstIndex(of: 0x0A) else {
                if bytes.endIndex > requestEnd { return tooLarge }
                if bytes.endIndex - position > Self.lineLimit { return lineTooLong() }
                return .needsMore
            }
            guard lineFeed < requestEnd else { return tooLarge }
            if lineFeed - position > Self.lineLimit { return lineTooLong() }
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
                    return .refused(
                        status: 400, reason: isRequestLine ? "a request line inside the chunked body's trailers" : "a trailer line: " + error.message,
                        offset: isRequestLine ? position : error.offset)
                }
                position = lineFeed + 1
                continue
            }
            let size: Int
            switch chunkSize(bytes[position..<contentEnd]) {
            case .size(let value): size = value
            case .tooLarge: return .refused(status: 413, reason: "chunk size is too large", offset: position)
            case .invalid(let message, let offset): return .refused(status: 400, reason: message, offset: offset)
            }
            if size == 0 {
                inTrailers = true
                awaited = nil
                position = lineFeed + 1
                continue
            }
            guard decoded + size <= limits.bodyBytes, lineFeed + 1 + size <= requestEnd else {
                return .refused(status: 413, reason: "the chunked body is over \(HTTPRequestParser.describe(bytes: limits.bodyBytes))", offset: position)
            }
            let dataEnd = lineFeed + 1 + size
            awaited = (position, size)
            guard bytes.endIndex >= dataEnd + 1 else { return .needsMore }
            if bytes[dataEnd] == 0x0A {
                position = dataEnd + 1
            } else if bytes[dataEnd] == 0x0D {
                guard bytes.endIndex >= dataEnd + 2 else { return .needsMore }
                guard bytes[dataEnd + 1] == 0x0A else { return missingLineEnd(after: size, at: dataEnd) }
                position = dataEnd + 2
            } else {
                return missingLineEnd(after: size, at: dataEnd)
            }
            awaited = nil
            data.append(lineFeed + 1..<dataEnd)
            decoded += size
        }
    }

    private func lineTooLong() -> Outcome {
        .refused(status: 400, reason: inTrailers ? "a trailer line runs over 4 KiB" : "a chunk-size line runs over 4 KiB", offset: position)
    }

    private func missingLineEnd(after size: Int, at offset: Int) -> Outcome {
        .refused(status: 400, reason: "missing line end after \(size) bytes of chunk data", offset: offset)
    }

    private enum ChunkSize {
        case size(Int)
        case tooLarge
        case invalid(String, offset: Int)
    }

    /// `chunk-size [BWS ";" chunk-ext]`: extensions carry nothing used, so they are skipped unread (but counted).
    private func chunkSize(_ line: ArraySlice<UInt8>) -> ChunkSize {
        var cursor = line.startIndex
        var size = 0
        while cursor < line.endIndex, let value = hexValue(line[cursor]) {
            guard cursor - line.startIndex < 8 else { return .tooLarge }
            size = size * 16 + value
            cursor += 1
        }
        guard cursor > line.startIndex else {
            return .invalid("invalid chunk size \(quoteForMessage(line)) (expected hex digits)", offset: line.startIndex)
        }
        while cursor < line.endIndex, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
        if cursor < line.endIndex, line[cursor] != UInt8(ascii: ";") {
            return .invalid("invalid \(describeByte(line[cursor])) after chunk size", offset: cursor)
        }
        return .size(size)
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
