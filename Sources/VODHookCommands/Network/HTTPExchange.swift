import Platform
import VODHookCore

/// One POST to a receiver: connect, send, read the answer, all within one
/// timeout, as one VOD delivery attempt. http:// over plain TCP; https://
/// over TLS, through the `TLSClient` given, with the same request bytes
/// and the same reading of the answer.
enum HTTPExchange {
    enum Outcome: Equatable {
        /// `bodyCut` when the answer was too long to read whole.
        case answered(HTTPResponse, bodyCut: Bool)
        /// The receiver was reached but gave no usable answer: silence, an early close, or not HTTP.
        case noAnswer(String)
        case unreachable(String)
        case unresolvable(String)
        /// The TLS handshake failed; a certificate is not fixed by trying again.
        case tlsFailed(TLSFailure)
    }

    struct Attempt: Equatable {
        var outcome: Outcome
        var milliseconds: Int
    }

    /// Answers are read up to this size; only their status and first line matter here.
    static let answerLimit = 1 << 20

    /// `tls` is needed for an https:// URL, and not used for http://.
    /// `keepStalledAnswer`: a receiver that sent its status and head, then
    /// stalled, counts as having answered (its body cut), as a relay wants.
    static func post(
        _ request: [UInt8], to url: CallbackURL, timeout: Int, tls: TLSClient? = nil, keepStalledAnswer: Bool = false
    ) -> Attempt {
        let started = MonotonicClock.milliseconds()
        let outcome = exchange(request, url: url, tls: tls, deadline: started + timeout, timeout: timeout, keepStalledAnswer: keepStalledAnswer)
        return Attempt(outcome: outcome, milliseconds: MonotonicClock.milliseconds() - started)
    }

    private static func exchange(
        _ request: [UInt8], url: CallbackURL, tls: TLSClient?, deadline: Int, timeout: Int, keepStalledAnswer: Bool
    ) -> Outcome {
        let connection: any ByteConnection
        do {
            if url.isSecure {
                guard let tls else { return .unreachable("https:// needs libcurl, which was not loaded") }
                connection = try TLSConnection.open(host: url.host, port: url.port, client: tls, deadline: deadline)
            } else {
                connection = try TCPConnection.open(host: url.host, port: url.port, deadline: deadline)
            }
        } catch {
            switch error {
            case .unresolvable(let reason): return .unresolvable(reason)
            case .unreachable(let reason), .broken(let reason): return .unreachable(reason)
            case .timedOut: return .unreachable("no answer to the connection request in time")
            case .tls(let failure): return .tlsFailed(failure)
            }
        }
        var received: [UInt8] = []
        var closed = false
        var stalledHead: HTTPResponse?
        do {
            try connection.send(request, deadline: deadline)
            while true {
                switch HTTPResponseReader.read(received, connectionClosed: closed) {
                case .complete(let response):
                    return .answered(response, bodyCut: false)
                case .malformed(let message):
                    return .noAnswer(message)
                case .incomplete(let head):
                    stalledHead = head
                    if received.count > answerLimit {
                        guard let head else { return .noAnswer("no status line in the first MiB of the answer") }
                        return .answered(head, bodyCut: true)
                    }
                }
                closed = try !connection.receive(into: &received, deadline: deadline)
            }
        } catch {
            switch error {
            case .timedOut:
                if keepStalledAnswer, let stalledHead { return .answered(stalledHead, bodyCut: true) }
                return .noAnswer("no answer within \(DeliveryReport.seconds(timeout))")
            case .broken(let reason), .unreachable(let reason), .unresolvable(let reason): return .noAnswer("the connection failed: \(reason)")
            case .tls(let failure): return .noAnswer("the connection failed: \(failure.description)")
            }
        }
    }
}
