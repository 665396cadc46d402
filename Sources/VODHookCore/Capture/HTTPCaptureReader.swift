/// Walks a capture request by request, turning each into an item and
/// resynchronising after a bad one so one error never hides later requests.
struct HTTPCaptureReader {
    let source: HTTPSource

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
            case .failure(let error):
                let start = position
                // Always past the first line, so every round makes progress.
                position = source.nextRequestLine(from: first.next) ?? source.end
                items.append((.malformed(error, requestStart: start), position))
            }
        }
    }

    private func readRequest(startingWith first: HTTPLine) -> Result<(request: HTTPRequest, next: Int), HTTPSyntaxError> {
        guard let requestLine = HTTPRequestLine(source, first) else {
            return .failure(notARequestLine(first))
        }

        var headers: [HTTPHeader] = []
        var position = first.next
        readingHeaders: while true {
            guard position < source.end else {
                return .failure(HTTPSyntaxError(
                    offset: source.end, message: "the capture ends before the blank line that closes the headers"))
            }
            let line = source.line(at: position)
            if HTTPRequestLine(source, line) != nil {
                return .failure(HTTPSyntaxError(
                    offset: line.start, message: "a new request starts before the blank line that closes the headers"))
            }
            position = line.next
            switch HTTPHeaderLine(source, line) {
            case .field(let header): headers.append(header)
            case .endOfHeaders: break readingHeaders
            case .invalid(let error): return .failure(error)
            }
        }

        let body: Result<HTTPBody, HTTPSyntaxError>
        switch HTTPBodyFraming.of(headers) {
        case .failure(let error): return .failure(error)
        case .success(.chunked): body = HTTPChunkedBody.read(source, from: position)
        case .success(.contentLength(let length, let header)): body = fixedLengthBody(length, header, from: position)
        case .success(.untilNextRequest): body = bodyUntilNextRequest(from: position)
        }

        return body.map { body in
            let bytes = source.bytes
            let request = HTTPRequest(
                method: String(decoding: bytes[requestLine.method], as: UTF8.self),
                target: String(decoding: bytes[requestLine.target], as: UTF8.self),
                version: String(decoding: bytes[requestLine.version], as: UTF8.self),
                headers: headers,
                startOffset: first.start,
                body: body.bytes,
                bodySegments: body.segments)
            return (request, body.next)
        }
    }

    private func fixedLengthBody(_ length: Int, _ header: HTTPHeader, from start: Int) -> Result<HTTPBody, HTTPSyntaxError> {
        let available = source.end - start
        guard length <= available else {
            return .failure(HTTPSyntaxError(
                offset: header.valueOffset,
                message: "Content-Length \(length) runs past the end of the capture (\(available) bytes of body)"))
        }
        // A stale Content-Length in a hand-edited capture would otherwise
        // swallow the following request without a word. Callback bodies (JSON,
        // Base64) never hold a line like "POST /x HTTP/1.1", so this costs nothing.
        if let intruder = source.nextRequestLine(from: start, before: start + length) {
            return .failure(HTTPSyntaxError(
                offset: header.valueOffset,
                message: "Content-Length \(length) runs into the next request at offset \(intruder) (\(intruder - start) bytes of body before it)"))
        }
        return .success(HTTPBody(source, start..<start + length, next: start + length))
    }

    private func bodyUntilNextRequest(from start: Int) -> Result<HTTPBody, HTTPSyntaxError> {
        let next = source.nextRequestLine(from: start) ?? source.end
        var end = next
        // The newlines separating requests (or ending the file) are not body.
        while end > start, source.bytes[end - 1] == 0x0a || source.bytes[end - 1] == 0x0d { end -= 1 }
        return .success(HTTPBody(source, start..<end, next: next))
    }

    private func notARequestLine(_ line: HTTPLine) -> HTTPSyntaxError {
        if source.bytes[line.start..<line.contentEnd].starts(with: "HTTP/".utf8) {
            return HTTPSyntaxError(offset: line.start, message: "an HTTP response, not a request; only requests are read")
        }
        return HTTPSyntaxError(offset: line.start, message: "expected a request line such as 'POST /callback HTTP/1.1'")
    }
}
