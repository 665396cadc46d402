/// Walks a capture request by request, turning each into an item and
/// resynchronising after a bad one so one error never hides later requests.
///
/// Framing (request line, headers, Content-Length or chunked body, trailers)
/// is `HTTPRequestParser`'s, the one `listen` answers with; what is the
/// capture's own is what a file needs and a connection does not: a body
/// with no length runs to the next request line, a request cut off by the
/// end of the file or by the next request is a finding there, and reading
/// resumes at the next request line.
struct HTTPCaptureReader {
    let source: HTTPSource

    /// A capture is a file already in memory: the limits a server needs against a slow or endless sender do not apply.
    private static let limits = HTTPRequestParser.Limits(headBytes: 1 << 40, bodyBytes: 1 << 40, requestBytes: 1 << 42)

    func readAll() -> [HTTPCaptureItem] {
        readAllWithEnds().map(\.item)
    }

    /// Every item with the offset where reading goes on after it.
    func readAllWithEnds() -> [(item: HTTPCaptureItem, next: Int)] {
        var items: [(item: HTTPCaptureItem, next: Int)] = []
        var position = source.bytes.startIndex
        while true {
            position = source.skipBlankLines(from: position)
            guard position < source.end else { return items }
            let first = source.line(at: position)
            switch readRequest(startingWith: first) {
            case .success(let read):
                position = read.next
                items.append((.request(read.request), position))
            case .failure(let failure):
                let start = position
                // Always past the first line, so every round makes progress.
                position = source.nextRequestLine(from: max(first.next, failure.resumeSearch)) ?? source.end
                items.append((.malformed(failure.error, requestStart: start), position))
            }
        }
    }

    /// Why a request could not be read, and the line from which to look for the next request line.
    private struct Failure: Error {
        let error: HTTPSyntaxError
        var resumeSearch = 0
    }

    private func readRequest(startingWith first: HTTPLine) -> Result<(request: HTTPRequest, next: Int), Failure> {
        guard HTTPRequestLine(source, first) != nil else {
            return .failure(Failure(error: notARequestLine(first)))
        }
        var parser = HTTPRequestParser(limits: Self.limits, requiresHost: false)
        // The rest of the capture: the parser stops where this request ends.
        switch parser.advance(source.bytes[first.start..<source.end]) {
        case .complete(let end, let head):
            let headEnd = parser.headEnd ?? end
            if case .fixed(let length) = head.bodyLength, let intruder = source.nextRequestLine(from: headEnd, before: end) {
                // A stale Content-Length in a hand-edited capture would otherwise swallow the following
                // request without a word; callback bodies (JSON, Base64) never hold a line like "POST /x HTTP/1.1".
                return .failure(Failure(error: HTTPSyntaxError(
                    offset: declaredLength(head, headEnd: headEnd),
                    message: "Content-Length \(length) runs into the next request at offset \(intruder) (\(intruder - headEnd) bytes of body before it)")))
            }
            return .success(request(head, first: first, body: body(head, parser, headEnd: headEnd, end: end)))
        case .refused:
            let error = parser.problem ?? HTTPSyntaxError(offset: first.start, message: "the request could not be read")
            guard let headEnd = parser.headEnd else {
                // A request line where a header was expected: the head was cut off by the next request.
                if let next = source.nextRequestLine(from: first.next, before: error.offset + 1) {
                    return .failure(Failure(error: newRequestBeforeBlankLine(at: next)))
                }
                return .failure(Failure(error: error))
            }
            // A problem inside the body: look for the next request after it, so a request line in the trailers is never read as one.
            return .failure(Failure(error: error, resumeSearch: error.offset >= headEnd ? source.line(at: error.offset).next : 0))
        case .needsMore:
            return incomplete(parser, first: first)
        }
    }

    private func declaredLength(_ head: HTTPRequestHead, headEnd: Int) -> Int {
        head.header("Content-Length")?.valueOffset ?? headEnd
    }

    private func newRequestBeforeBlankLine(at offset: Int) -> HTTPSyntaxError {
        HTTPSyntaxError(offset: offset, message: "a new request starts before the blank line that closes the headers")
    }

    /// The request's body: Content-Length or chunked as the parser framed it, or, with neither, up to the next request line.
    private func body(_ head: HTTPRequestHead, _ parser: HTTPRequestParser, headEnd: Int, end: Int) -> HTTPBody {
        switch head.bodyLength {
        case .none: return bodyUntilNextRequest(from: headEnd)
        case .fixed: return HTTPBody(source, headEnd..<end, next: end)
        case .chunked: return chunkedBody(parser.chunkData, start: headEnd, next: end)
        }
    }

    /// What a request cut off by the end of the capture, or by the next request line, lacks.
    private func incomplete(_ parser: HTTPRequestParser, first: HTTPLine) -> Result<(request: HTTPRequest, next: Int), Failure> {
        guard let head = parser.head, let headEnd = parser.headEnd else {
            let nextRequest = source.nextRequestLine(from: first.next) ?? source.end
            // The head parser names the first bad line, where there is one before the head is cut off.
            if case .failure(let error) = HTTPRequestHead.parse(source.bytes[first.start..<nextRequest]), error.offset < nextRequest {
                return .failure(Failure(error: error))
            }
            if nextRequest < source.end {
                return .failure(Failure(error: newRequestBeforeBlankLine(at: nextRequest)))
            }
            return .failure(Failure(error: HTTPSyntaxError(
                offset: source.end, message: "the capture ends before the blank line that closes the headers")))
        }
        if let length = parser.announcedLength {
            return .failure(Failure(error: HTTPSyntaxError(
                offset: declaredLength(head, headEnd: headEnd), message: "Content-Length \(length) runs past the end of the capture (\(source.end - headEnd) bytes of body)")))
        }
        if parser.inTrailers {
            // Cut off in the trailers, which carry nothing read: no data is lost.
            let body = chunkedBody(parser.chunkData, start: headEnd, next: source.end)
            return .success(request(head, first: first, body: body))
        }
        if let chunk = parser.awaitedChunk {
            let dataStart = source.line(at: chunk.sizeLine).next
            let available = source.end - dataStart
            if available >= chunk.size {
                return .failure(Failure(error: HTTPSyntaxError(
                    offset: dataStart + chunk.size, message: "missing line end after \(chunk.size) bytes of chunk data")))
            }
            return .failure(Failure(error: HTTPSyntaxError(
                offset: chunk.sizeLine, message: "chunk size \(chunk.size) runs past the end of the capture (\(available) bytes left)")))
        }
        if let line = parser.chunkedLine, line < source.end {
            return .failure(Failure(error: HTTPSyntaxError(offset: source.line(at: line).contentEnd, message: "chunk size line has no line end")))
        }
        return .failure(Failure(error: HTTPSyntaxError(
            offset: source.end, message: "chunked body ends without its last chunk (a '0' size line)")))
    }

    private func request(_ head: HTTPRequestHead, first: HTTPLine, body: HTTPBody) -> (request: HTTPRequest, next: Int) {
        let request = HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            startOffset: first.start, body: body.bytes, bodySegments: body.segments)
        return (request, body.next)
    }

    /// A chunked body decoded from the data ranges the parser found, each a segment so findings point into the capture.
    private func chunkedBody(_ data: [Range<Int>], start: Int, next: Int) -> HTTPBody {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.reduce(0) { $0 + $1.count })
        var segments: [BodySegment] = []
        for range in data {
            segments.append(BodySegment(bodyStart: bytes.count, captureStart: range.lowerBound, length: range.count))
            bytes.append(contentsOf: source.bytes[range])
        }
        return HTTPBody(bytes: bytes, segments: segments, start: start, next: next)
    }

    private func bodyUntilNextRequest(from start: Int) -> HTTPBody {
        let next = source.nextRequestLine(from: start) ?? source.end
        var end = next
        // The newlines separating requests (or ending the file) are not body.
        while end > start, source.bytes[end - 1] == 0x0a || source.bytes[end - 1] == 0x0d { end -= 1 }
        return HTTPBody(source, start..<end, next: next)
    }

    private func notARequestLine(_ line: HTTPLine) -> HTTPSyntaxError {
        if source.bytes[line.start..<line.contentEnd].starts(with: "HTTP/".utf8) {
            return HTTPSyntaxError(offset: line.start, message: "an HTTP response, not a request; only requests are read")
        }
        return HTTPSyntaxError(offset: line.start, message: "expected a request line such as 'POST /callback HTTP/1.1'")
    }
}
