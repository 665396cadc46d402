import VODHookCore

/// One connection as the event loop sees it: the bytes received and not yet
/// handed over, how far the parser got, and the deadline it must beat.
struct ServerConnection {
    enum Phase: Equatable {
        /// Between requests (or before the first): nothing of a request has arrived.
        case idle
        /// Some of the head has arrived.
        case head
        /// The head is in; the body is arriving.
        case body
        /// A worker has the request; the loop does not read until it is answered.
        case handling
    }

    let descriptor: Int32
    var buffer: [UInt8] = []
    var parser: HTTPRequestParser
    var phase = Phase.idle
    /// Monotonic milliseconds; past it, an idle connection is closed and a partial request answered 408.
    var deadline: Int
    /// When the phase began: idle connections are evicted oldest first, bodies timed from here.
    var since: Int
    /// Bytes counted against the memory budget for requests in flight.
    var charged = 0
    var continued = false

    init(descriptor: Int32, limits: HTTPRequestParser.Limits, now: Int, idleMilliseconds: Int) {
        self.descriptor = descriptor
        parser = HTTPRequestParser(limits: limits)
        deadline = now + idleMilliseconds
        since = now
    }
}
