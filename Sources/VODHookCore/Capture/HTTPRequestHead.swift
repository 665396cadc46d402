/// A request line and its headers without the body, read by the same rules
/// as a capture: a server must know how the body is framed before it arrives.
public struct HTTPRequestHead: Sendable, Equatable {
    /// How the body that follows the head ends, for a request on a connection.
    public enum BodyLength: Sendable, Equatable {
        /// No Content-Length and no Transfer-Encoding: a request then has no body (RFC 9112 §6.3).
        case none
        case fixed(Int)
        case chunked
    }

    public let method: String
    public let target: String
    public let version: String
    public let headers: [HTTPHeader]
    public let bodyLength: BodyLength

    /// The first header with this name, compared without case.
    public func header(_ name: String) -> HTTPHeader? {
        headers.first { httpNamesEqual($0.name, name) }
    }

    /// Reads `head`: the bytes up to and including the blank line that ends the headers.
    public static func parse(_ head: [UInt8]) -> Result<HTTPRequestHead, HTTPSyntaxError> {
        parse(head[...])
    }

    /// As `parse(_:)` for a slice of a larger buffer (a capture): offsets are indices of its base.
    public static func parse(_ head: ArraySlice<UInt8>) -> Result<HTTPRequestHead, HTTPSyntaxError> {
        let source = HTTPSource(bytes: head)
        let first = source.line(at: source.skipBlankLines(from: head.startIndex))
        guard let requestLine = HTTPRequestLine(source, first) else {
            return .failure(HTTPSyntaxError(offset: first.start, message: "expected a request line such as 'POST /callback HTTP/1.1'"))
        }
        var headers: [HTTPHeader] = []
        var position = first.next
        while true {
            guard position < source.end else {
                return .failure(HTTPSyntaxError(offset: source.end, message: "the head ends before the blank line that closes the headers"))
            }
            let line = source.line(at: position)
            position = line.next
            switch HTTPHeaderLine(source, line) {
            case .field(let header): headers.append(header)
            case .invalid(let error): return .failure(error)
            case .endOfHeaders:
                let bodyLength: BodyLength
                switch HTTPBodyFraming.of(headers) {
                case .failure(let error): return .failure(error)
                case .success(.chunked): bodyLength = .chunked
                case .success(.contentLength(let length, _)): bodyLength = .fixed(length)
                case .success(.untilNextRequest): bodyLength = .none
                }
                return .success(HTTPRequestHead(
                    method: String(decoding: head[requestLine.method], as: UTF8.self),
                    target: String(decoding: head[requestLine.target], as: UTF8.self),
                    version: String(decoding: head[requestLine.version], as: UTF8.self),
                    headers: headers, bodyLength: bodyLength))
            }
        }
    }
}
