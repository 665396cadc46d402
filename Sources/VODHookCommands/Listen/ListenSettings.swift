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
    /// Whom to trust when --forward-to is an https:// URL (--cacert, --insecure).
    var forwardTrust: TLSTrust?
    /// Loaded from `forwardTrust` before the workers start.
    var forwardTLS: TLSClient?
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
    /// How long a relay waits for the receiver behind --forward-to.
    var forwardMilliseconds = Forwarder.timeoutMilliseconds
    /// The threads that check, relay, save and answer requests; the event loop reads them.
    var workers = 16
    var parser = HTTPRequestParser.Limits()

    /// "10 s", or "400 ms" under a second, as the options are given.
    static func describe(milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}

/// How one request was answered, and what a relay made of it.
struct ListenAnswer: Sendable {
    var status: Int
    var forward: Forwarded?
    /// Why the request was not relayed: it went round a forwarding loop.
    var loop: String?

    struct Forwarded: Sendable {
        var url: String
        /// The receiver's status, or nil when it gave no answer.
        var status: Int?
        var milliseconds: Int
        var failure: String?
        /// The receiver's answer, returned to the sender: its body is the point of a relay for debugging.
        var response: HTTPResponse?
        /// The receiver stalled (or ran long) after its head: its body is cut.
        var bodyCut = false
    }
}

/// Relays a request to the user's receiver: the body byte for byte and the
/// X-VOD headers as received, one connection per request.
enum Forwarder {
    /// Under `send`'s 5 s (and VOD's): a slow receiver is answered for before the sender gives up and retries.
    static let timeoutMilliseconds = 4_000

    /// Hop-by-hop fields (RFC 9110 §7.6.1) and the framing this relay redoes: never passed on.
    static let hopByHop: Set<String> = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                                        "te", "trailer", "transfer-encoding", "upgrade", "content-length"]

    /// The receiver's headers to return to the sender: hop-by-hop ones removed, and any its Connection header names.
    static func endToEnd(_ headers: [HTTPHeader]) -> [(String, String)] {
        let named = Set(headers.filter { isNamed($0.name, "Connection") }.flatMap { $0.value.lowercased().split(separator: ",").map { String($0.filter { $0 != " " && $0 != "\t" }) } })
        return headers.filter { !hopByHop.contains($0.name.lowercased()) && !named.contains($0.name.lowercased()) }.map { ($0.name, $0.value) }
    }

    /// The header each relay adds: a request that comes back carrying this run's mark went round in a loop.
    static let hopHeader = "X-VODHook-Hop"
    /// Hops beyond this are a loop through other relays, whoever's marks they carry.
    static let maximumHops = 8

    private static func isNamed(_ name: String, _ wanted: String) -> Bool { name.lowercased() == wanted.lowercased() }

    /// Whether `url` is the listener's own address, judged before any request: it would relay to itself.
    static func isOwnAddress(_ url: CallbackURL, host: String, port: Int) -> Bool {
        guard url.port == port else { return false }
        let local: Set<String> = ["127.0.0.1", "localhost", "::1", "0.0.0.0", "::", "0"]
        let target = url.host.lowercased()
        return target == host.lowercased() || local.contains(target) && (local.contains(host.lowercased()) || host.hasPrefix("127."))
    }

    /// Why a request must not be relayed: it has been through this relay already, or through too many.
    static func loop(in request: HTTPRequest, mark: String) -> String? {
        let hops = request.headers.filter { isNamed($0.name, hopHeader) }
        if hops.contains(where: { $0.value == mark }) { return "the request came back through this relay (a forwarding loop); not relayed again" }
        if hops.count >= maximumHops { return "the request has been relayed \(hops.count) times already (a forwarding loop); not relayed again" }
        return nil
    }

    /// Every entry of the Via chain is kept and this relay's added (RFC 9110 §7.6.3); `mark` names this run.
    static func relay(
        _ request: HTTPRequest, to url: CallbackURL, tls: TLSClient? = nil, mark: String, timeout: Int = timeoutMilliseconds
    ) -> ListenAnswer.Forwarded {
        var head = "POST \(url.target) HTTP/1.1\r\nHost: \(url.authority)\r\n"
        for header in request.headers where isNamed(header.name, hopHeader) || isNamed(header.name, "Via") {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Via: 1.1 vodhook-listen\r\n\(hopHeader): \(mark)\r\n"
        head += "Content-Type: \(request.header("Content-Type")?.value ?? "application/json")\r\n"
        head += "Content-Length: \(request.body.count)\r\n"
        // The body goes byte for byte, so its coding goes with it.
        if let coding = request.header("Content-Encoding") { head += "Content-Encoding: \(coding.value)\r\n" }
        for header in request.headers where header.name.lowercased().hasPrefix("x-vod-") {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        // The one outbound call, over TLS when the receiver's URL is https://.
        let attempt = HTTPExchange.post(Array(head.utf8) + request.body, to: url, timeout: timeout, tls: tls, keepStalledAnswer: true)
        switch attempt.outcome {
        case .answered(let response, let cut):
            return .init(url: url.text, status: response.statusCode, milliseconds: attempt.milliseconds, failure: nil, response: response, bodyCut: cut)
        case .noAnswer(let reason), .unreachable(let reason), .unresolvable(let reason):
            return .init(url: url.text, status: nil, milliseconds: attempt.milliseconds, failure: reason)
        case .tlsFailed(let failure):
            return .init(url: url.text, status: nil, milliseconds: attempt.milliseconds, failure: failure.description)
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
    case 508: "Loop Detected"
    default: "Status \(status)"
    }
}
