import Platform
import VODHookCore

/// What `listen` was asked to do, parsed once.
struct ListenSettings: Sendable {
    var host = "127.0.0.1"
    var port = 8080
    /// The URL the signature covers; nil: `http://` + the request's Host + its target.
    var url: String?
    var keys: [String] = []
    var maxAge: Int?
    var respond = 200
    var failFirst = 0
    var forwardTo: CallbackURL?
    var savePath: String?
    var count: Int?
    var json = false
    var strict = false
    var style = TextStyle(enabled: false)
    var limits = ListenLimits()
}

/// What bounds a `listen` run, whoever connects: see docs/receiver.md, "Limits".
struct ListenLimits: Sendable {
    /// Connections held at once; beyond it the oldest idle one is closed, or new ones wait in the backlog.
    var maxConnections = 4096
    /// From a connection's first byte (or the end of its last request) to its head's blank line; then 408.
    var headerMilliseconds = 10_000
    /// A body gets this long, plus a second for every `bodyBytesPerSecond` that arrived; then 408.
    var bodyMilliseconds = 10_000
    /// The slowest body rate that earns more time: a trickle never resets the deadline.
    var bodyBytesPerSecond = 64 * 1024
    /// After the first signal (or --count), how long requests in flight get to finish.
    var graceMilliseconds = 5_000
    /// Bytes of requests in flight, all connections together; a request that would go over is answered 503.
    var bodyMemory = 256 * 1024 * 1024
    /// The threads that check, relay, save and answer requests; the event loop reads them.
    var workers = 16
    var parser = HTTPRequestParser.Limits()
}

/// How one request was answered, and what a relay made of it.
struct ListenAnswer: Sendable {
    var status: Int
    var forward: Forwarded?

    struct Forwarded: Sendable {
        var url: String
        /// The receiver's status, or nil when it gave no answer.
        var status: Int?
        var milliseconds: Int
        var failure: String?
    }
}

/// Relays a request to the user's receiver: the body byte for byte and the
/// X-VOD headers as received, one connection per request.
enum Forwarder {
    static let timeoutMilliseconds = 10_000

    static func relay(_ request: HTTPRequest, to url: CallbackURL) -> ListenAnswer.Forwarded {
        var head = "POST \(url.target) HTTP/1.1\r\nHost: \(url.authority)\r\n"
        head += "Content-Type: \(request.header("Content-Type")?.value ?? "application/json")\r\n"
        head += "Content-Length: \(request.body.count)\r\n"
        for header in request.headers where header.name.lowercased().hasPrefix("x-vod-") {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        let attempt = HTTPExchange.post(Array(head.utf8) + request.body, to: url, timeout: timeoutMilliseconds)
        switch attempt.outcome {
        case .answered(let response, _):
            return .init(url: url.text, status: response.statusCode, milliseconds: attempt.milliseconds, failure: nil)
        case .noAnswer(let reason), .unreachable(let reason), .unresolvable(let reason):
            return .init(url: url.text, status: nil, milliseconds: attempt.milliseconds, failure: reason)
        }
    }
}

/// Reason phrases for the statuses `listen` answers with.
func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 201: "Created"
    case 202: "Accepted"
    case 204: "No Content"
    case 400: "Bad Request"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 413: "Content Too Large"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    default: "Status \(status)"
    }
}
