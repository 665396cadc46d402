/// Reads an HTTP/1.x response from the bytes received so far, with the
/// capture reader's header and body framing (RFC 9112), so `send` and
/// `check` agree on what a well-formed message is.
public enum HTTPResponseReader {
    public enum Progress: Sendable, Equatable {
        /// More bytes are needed; `head` is the status line and headers once they have arrived.
        case incomplete(head: HTTPResponse?)
        case complete(HTTPResponse)
        /// Not an HTTP response, or one that the closed connection cut short.
        case malformed(String)
    }

    /// Reads `bytes`; `connectionClosed` says no more will come, which ends
    /// a body that has no length and turns a short one into a malformed answer.
    /// Interim 1xx responses are skipped.
    public static func read(_ bytes: [UInt8], connectionClosed: Bool) -> Progress {
        let source = HTTPSource(bytes: bytes[...])
        var position = 0
        while true {
            let head: (response: HTTPResponse, bodyStart: Int)
            switch readHead(source, from: position, closed: connectionClosed) {
            case .success(nil): return .incomplete(head: nil)
            case .success(let read?): head = read
            case .failure(let message): return .malformed(message.text)
            }
            let status = head.response.statusCode
            if (100...199).contains(status) && status != 101 {
                position = head.bodyStart
                continue
            }
            return readBody(source, head: head.response, from: head.bodyStart, closed: connectionClosed)
        }
    }

    /// The status line and headers, nil while they have not all arrived.
    private static func readHead(_ source: HTTPSource, from start: Int, closed: Bool) -> Result<(response: HTTPResponse, bodyStart: Int)?, Message> {
        let first = source.line(at: start)
        guard first.isTerminated else {
            guard closed else { return .success(nil) }
            return .failure(Message(start == source.end ? "the connection closed without an answer" : "the answer ends inside its status line"))
        }
        guard let (status, reason) = statusLine(source, first) else {
            return .failure(Message("expected a status line such as 'HTTP/1.1 200 OK', found \(quoteForMessage(source.bytes[first.start..<first.contentEnd]))"))
        }
        var headers: [HTTPHeader] = []
        var position = first.next
        while true {
            let line = source.line(at: position)
            guard line.isTerminated else {
                return closed ? .failure(Message("the answer ends inside its headers")) : .success(nil)
            }
            position = line.next
            switch HTTPHeaderLine(source, line) {
            case .field(let header): headers.append(header)
            case .endOfHeaders: return .success((HTTPResponse(statusCode: status, reason: reason, headers: headers, body: []), position))
            case .invalid(let error): return .failure(Message(error.message))
            }
        }
    }

    private static func readBody(_ source: HTTPSource, head: HTTPResponse, from start: Int, closed: Bool) -> Progress {
        func complete(_ body: [UInt8]) -> Progress {
            .complete(HTTPResponse(statusCode: head.statusCode, reason: head.reason, headers: head.headers, body: body))
        }
        // RFC 9112 §6.3: these never have a body, whatever the headers say.
        if head.statusCode == 204 || head.statusCode == 304 || (100...199).contains(head.statusCode) { return complete([]) }
        switch HTTPBodyFraming.of(head.headers) {
        case .failure(let error):
            return .malformed(error.message)
        case .success(.chunked):
            var framing = ChunkedFraming(position: start, origin: source.bytes.startIndex)
            var data: [Range<Int>] = []
            switch framing.advance(source.bytes, limits: Self.limits, data: &data) {
            case .end: return complete(data.flatMap { source.bytes[$0] })
            case .refused(_, let reason, _): return .malformed(reason)
            case .needsMore:
                guard closed else { return .incomplete(head: head) }
                // Cut off in the trailers, which carry nothing read: the body is whole.
                return framing.inTrailers ? complete(data.flatMap { source.bytes[$0] }) : .malformed("the answer ends inside its chunked body")
            }
        case .success(.contentLength(let length, _)):
            let available = source.end - start
            if available >= length { return complete(Array(source.bytes[start..<start + length])) }
            return closed ? .malformed("the answer ends after \(available) of its \(length) body bytes") : .incomplete(head: head)
        case .success(.untilNextRequest):
            return closed ? complete(Array(source.bytes[start...])) : .incomplete(head: head)
        }
    }

    /// An answer is read from bytes already received; its size is bounded by whoever received them.
    private static let limits = HTTPRequestParser.Limits(headBytes: 1 << 40, bodyBytes: 1 << 40, requestBytes: 1 << 42)

    /// `HTTP/1.x SP 3DIGIT [SP reason]`; a missing reason is tolerated, as clients do.
    private static func statusLine(_ source: HTTPSource, _ line: HTTPLine) -> (Int, String)? {
        let text = source.bytes[line.start..<line.contentEnd]
        let prefix = Array("HTTP/1.".utf8)
        guard text.count >= 12, text.starts(with: prefix) else { return nil }
        var i = text.startIndex + prefix.count
        guard (0x30...0x39).contains(text[i]), text[i + 1] == 0x20 else { return nil }
        i += 2
        let digits = text[i..<i + 3]
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }), let status = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        i += 3
        guard i == text.endIndex || text[i] == 0x20 else { return nil }
        let reason = i == text.endIndex ? "" : String(decoding: text[(i + 1)...], as: UTF8.self)
        return (status, reason)
    }

    /// An error message as a value, so `Result` can carry it.
    private struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
