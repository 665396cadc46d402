import Platform
import VODHookCore

/// Delivers bodies the way VOD does: a POST per attempt, signed when a key
/// is given, retried after a pause until a 200 answer or the attempts run out.
struct CallbackSender {
    let url: CallbackURL
    let key: String?
    /// Sent as X-VOD-TIMESTAMP on every attempt; nil takes the time of each attempt, as VOD does.
    let timestamp: Int?
    let attempts: Int
    /// Milliseconds per attempt.
    let timeout: Int
    /// Milliseconds between attempts.
    let delay: Int
    let now: @Sendable () -> Int
    /// How https:// URLs are reached; set once libcurl is loaded.
    var tls: TLSClient?

    /// What happened to one body.
    struct Delivery {
        var attempts: [HTTPExchange.Attempt] = []

        /// Only a 200 counts, as for VOD; a redirect is not followed.
        var delivered: Bool {
            guard case .answered(let response, _)? = attempts.last?.outcome else { return false }
            return response.statusCode == 200
        }
    }

    func deliver(_ body: [UInt8]) -> Delivery {
        var delivery = Delivery()
        for number in 1...attempts {
            if number > 1 { MonotonicClock.sleep(milliseconds: delay) }
            let attempt = HTTPExchange.post(request(body), to: url, timeout: timeout, tls: tls)
            delivery.attempts.append(attempt)
            if delivery.delivered { break }
            // A name that does not resolve will not resolve a second later, nor a certificate change.
            if case .unresolvable = attempt.outcome { break }
            if case .tlsFailed = attempt.outcome { break }
        }
        return delivery
    }

    /// The request as bytes: HTTP/1.1, one request per connection.
    func request(_ body: [UInt8]) -> [UInt8] {
        var head = "POST \(url.target) HTTP/1.1\r\n"
        head += "Host: \(url.authority)\r\n"
        head += "User-Agent: vodhook/\(VODHook.version)\r\n"
        head += "Content-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\n"
        if let key {
            let stamp = String(timestamp ?? now())
            head += "X-VOD-TIMESTAMP: \(stamp)\r\n"
            head += "X-VOD-SIGNATURE: \(CallbackSignature.compute(url: url.text, timestamp: stamp, key: key))\r\n"
        }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}
