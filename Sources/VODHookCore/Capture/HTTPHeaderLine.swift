/// What one line of a header section turned out to be.
enum HTTPHeaderLine {
    case field(HTTPHeader)
    /// The empty line that ends the header section.
    case endOfHeaders
    case invalid(HTTPSyntaxError)

    /// Reads `Name: value` (RFC 9112 §5): a token name, no space before the
    /// colon, the value trimmed of spaces and tabs and free of control characters.
    init(_ source: HTTPSource, _ line: HTTPLine) {
        let bytes = source.bytes
        let start = line.start
        let stop = line.contentEnd
        // A line of only blanks counts as the empty line: hand-edited captures
        // leave stray spaces there, and folding an empty line means nothing.
        guard !source.isBlank(line) else {
            self = .endOfHeaders
            return
        }
        if bytes[start] == 0x20 || bytes[start] == 0x09 {
            self = .invalid(HTTPSyntaxError(
                offset: start,
                message: "header line starts with whitespace (obsolete line folding is not supported)"))
            return
        }
        if bytes[start] == UInt8(ascii: ":") {
            self = .invalid(HTTPSyntaxError(offset: start, message: "header line has an empty name"))
            return
        }
        guard isTokenByte(bytes[start]), let colon = bytes[start..<stop].firstIndex(of: UInt8(ascii: ":")) else {
            // Most often the blank line before the body was lost and this is the body.
            self = .invalid(HTTPSyntaxError(
                offset: start,
                message: "expected a header line 'Name: value' or the blank line before the body"))
            return
        }
        if let bad = bytes[start..<colon].firstIndex(where: { !isTokenByte($0) }) {
            let message = bytes[bad] == 0x20 || bytes[bad] == 0x09
                ? "whitespace in header name or before its ':'"
                : "invalid \(describeByte(bytes[bad])) in header name"
            self = .invalid(HTTPSyntaxError(offset: bad, message: message))
            return
        }

        var valueStart = colon + 1
        while valueStart < stop, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = stop
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        if let bad = bytes[valueStart..<valueEnd].firstIndex(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7f }) {
            self = .invalid(HTTPSyntaxError(offset: bad, message: "control character \(hexByte(bytes[bad])) in header value"))
            return
        }

        self = .field(HTTPHeader(
            name: String(decoding: bytes[start..<colon], as: UTF8.self),
            value: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self),
            nameOffset: start,
            valueOffset: valueStart))
    }
}
