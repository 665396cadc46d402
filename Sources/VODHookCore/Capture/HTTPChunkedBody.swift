/// Decodes `Transfer-Encoding: chunked` (RFC 9112 §7.1).
enum HTTPChunkedBody {
    static func read(_ source: HTTPSource, from start: Int) -> Result<HTTPBody, HTTPSyntaxError> {
        let bytes = source.bytes
        var body: [UInt8] = []
        var segments: [BodySegment] = []
        var position = start

        while true {
            guard position < source.end else {
                return .failure(HTTPSyntaxError(
                    offset: position, message: "chunked body ends without its last chunk (a '0' size line)"))
            }
            let line = source.line(at: position)
            let size: Int
            switch chunkSize(source, line) {
            case .success(let value): size = value
            case .failure(let error): return .failure(error)
            }
            if size == 0 {
                let next = skipTrailers(source, from: line.next)
                return .success(HTTPBody(bytes: body, segments: segments, start: start, next: next))
            }

            let dataStart = line.next
            let available = source.end - dataStart
            guard size <= available else {
                return .failure(HTTPSyntaxError(
                    offset: line.start,
                    message: "chunk size \(size) runs past the end of the capture (\(available) bytes left)"))
            }
            segments.append(BodySegment(bodyStart: body.count, captureStart: dataStart, length: size))
            body.append(contentsOf: bytes[dataStart..<dataStart + size])

            let dataEnd = dataStart + size
            if dataEnd < source.end, bytes[dataEnd] == 0x0a {
                position = dataEnd + 1
            } else if dataEnd + 1 < source.end, bytes[dataEnd] == 0x0d, bytes[dataEnd + 1] == 0x0a {
                position = dataEnd + 2
            } else {
                return .failure(HTTPSyntaxError(
                    offset: dataEnd, message: "missing line end after \(size) bytes of chunk data"))
            }
        }
    }

    /// `chunk-size [BWS ";" chunk-ext] CRLF`; extensions carry nothing we use, so they are skipped unread.
    private static func chunkSize(_ source: HTTPSource, _ line: HTTPLine) -> Result<Int, HTTPSyntaxError> {
        let bytes = source.bytes
        var cursor = line.start
        var size = 0
        while cursor < line.contentEnd, let digit = hexDigitValue(bytes[cursor]) {
            guard size <= (Int.max - 15) >> 4 else {
                return .failure(HTTPSyntaxError(offset: line.start, message: "chunk size is too large"))
            }
            size = size << 4 | digit
            cursor += 1
        }
        guard cursor > line.start else {
            return .failure(HTTPSyntaxError(
                offset: line.start,
                message: "invalid chunk size \(quoteForMessage(bytes[line.start..<line.contentEnd])) (expected hex digits)"))
        }
        while cursor < line.contentEnd, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor < line.contentEnd, bytes[cursor] != UInt8(ascii: ";") {
            return .failure(HTTPSyntaxError(offset: cursor, message: "invalid \(describeByte(bytes[cursor])) after chunk size"))
        }
        guard line.isTerminated else {
            return .failure(HTTPSyntaxError(offset: line.contentEnd, message: "chunk size line has no line end"))
        }
        return .success(size)
    }

    // Trailer fields are ignored. They end at a blank line; a capture cut off
    // there, or a next request starting, also ends them, since no data is lost.
    private static func skipTrailers(_ source: HTTPSource, from start: Int) -> Int {
        var position = start
        while position < source.end {
            let line = source.line(at: position)
            if source.isBlank(line) { return line.next }
            if HTTPRequestLine(source, line) != nil { return position }
            position = line.next
        }
        return source.end
    }

    private static func hexDigitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
