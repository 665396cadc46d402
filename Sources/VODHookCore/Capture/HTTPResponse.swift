/// An HTTP/1.x response as `vodhook send` receives it from a receiver.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public let statusCode: Int
    /// The reason phrase as sent; it may be empty.
    public let reason: String
    /// Header fields in order, duplicates kept.
    public let headers: [HTTPHeader]
    /// The body, de-chunked; empty until the whole response has arrived.
    public let body: [UInt8]

    public init(statusCode: Int, reason: String, headers: [HTTPHeader], body: [UInt8]) {
        self.statusCode = statusCode
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively as HTTP names are.
    public func header(_ name: String) -> HTTPHeader? {
        headers.first { httpNamesEqual($0.name, name) }
    }
}
