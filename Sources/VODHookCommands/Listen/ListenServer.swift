import Platform
import VODHookCore

/// The event loop of `listen`: one thread polls every connection and reads
/// requests as their bytes arrive, so an idle or trickling client costs a
/// descriptor and a small record, never a thread; a fixed pool of workers
/// checks, relays, saves and answers the requests that arrived whole.
/// Every connection has a deadline no trickle resets, every request's
/// bytes count against one limit, and the bytes of all requests in flight
/// against one budget.
final class ListenServer {
    /// How the run ended, for the totals and the exit status.
    enum Ending: Equatable {
        /// --count was reached, or the first signal's grace period ran its course.
        case finished
        case signal
        /// A second signal: ended at once.
        case secondSignal
    }

    private let socket: ListeningSocket
    private let session: ListenSession
    private let limits: ListenLimits
    private let handoff: Handoff
    private let notes: (String) -> Void
    private var connections: [Int32: ServerConnection] = [:]
    /// Bytes of requests in flight, all connections together; only the loop changes it.
    private var inFlight = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)
    private var acceptPausedUntil = 0
    private var reportedDescriptorShortage = false
    private var stopping = false
    private var graceEnds = 0
    private var listening = true

    init(socket: ListeningSocket, session: ListenSession, limits: ListenLimits, notes: @escaping (String) -> Void) {
        self.socket = socket
        self.session = session
        self.limits = limits
        handoff = Handoff(notify: session.wake)
        self.notes = notes
        Sockets.makeNonBlocking(socket.descriptor)
    }

    /// Serves until --count, or a signal and its grace period, or a second signal.
    func run(takeSignal: () -> Bool) -> Ending {
        let session = self.session
        let handoff = self.handoff
        guard let workers = WorkerThreads(count: limits.workers, cancel: { handoff.close() }, { _ in
            while let job = handoff.nextJob() {
                let close = Self.serve(job, session)
                handoff.finished(.init(descriptor: job.descriptor, close: close))
            }
        }) else {
            notes("vodhook listen: error: cannot start the worker threads\n")
            return .finished
        }
        var ending = Ending.finished
        var polls = PollSet()
        while true {
            if takeSignal() {
                if stopping {
                    ending = .secondSignal
                    break
                }
                ending = .signal
                // On its own line, after the ^C the terminal echoed.
                notes("\nvodhook listen: stopping; finishing the requests in flight (\(ListenLimits.describe(milliseconds: limits.graceMilliseconds)); a second Ctrl-C ends at once)\n")
                beginStopping()
            }
            if session.isStopping && !stopping { beginStopping() }
            let now = MonotonicClock.milliseconds()
            if stopping && (connections.isEmpty || now >= graceEnds) { break }
            expire(now)
            polls.removeAll()
            polls.watchReadable(handoff.notify.readEnd)
            let accepting = listening && now >= acceptPausedUntil && (connections.count < limits.maxConnections || hasIdleConnection())
            if accepting { polls.watchReadable(socket.descriptor) }
            var nearest = now + 100
            for (descriptor, connection) in connections where connection.phase != .handling {
                polls.watchReadable(descriptor)
                nearest = min(nearest, connection.deadline)
            }
            if stopping { nearest = min(nearest, graceEnds) }
            if !accepting && listening { nearest = min(nearest, max(acceptPausedUntil, now + 10)) }
            polls.wait(milliseconds: nearest - now)
            if polls.isReady(0) {
                handoff.notify.drain()
                for done in handoff.takeFinished() { returned(done) }
            }
            var index = 1
            if accepting {
                if polls.isReady(1) { acceptWaiting() }
                index = 2
            }
            while index < polls.count {
                if polls.isReady(index) { receive(polls.descriptor(index)) }
                index += 1
            }
        }
        handoff.close()
        if !stopping { beginStopping() }
        // What is left is cut off: a worker in the middle of one notices at its next write.
        for (descriptor, connection) in connections {
            if connection.phase == .handling {
                Sockets.shutdownBoth(descriptor)
            } else {
                Sockets.close(descriptor)
            }
        }
        // Workers are waited for only when none is busy: a second signal must not wait for a slow relay.
        if ending != .secondSignal && connections.values.allSatisfy({ $0.phase != .handling }) {
            workers.join()
        } else {
            workers.detach()
        }
        return ending
    }

    /// One request, handled and answered on a worker thread; true to close the connection.
    private static func serve(_ job: Handoff.Job, _ session: ListenSession) -> Bool {
        let answer = session.handle(raw: job.raw, head: job.head)
        let close = session.isStopping || wantsClose(job.head) || answer.status == 503
        let bytes: [UInt8]
        if let relayed = answer.forward?.response {
            // The receiver's answer, as it gave it: what a sender sees through the relay is what the receiver said.
            bytes = ListenResponse.bytes(status: relayed.statusCode, body: relayed.body, headers: Forwarder.endToEnd(relayed.headers), close: close, method: job.head.method)
        } else {
            bytes = ListenResponse.plain(status: answer.status, close: close, method: job.head.method, allow: answer.status == 405)
        }
        let sent = ListenResponse.send(bytes, to: job.descriptor, deadline: MonotonicClock.milliseconds() + 10_000)
        return close || !sent
    }

    private static func wantsClose(_ head: HTTPRequestHead) -> Bool {
        let connection = head.header("Connection")?.value.lowercased() ?? ""
        if connection.contains("close") { return true }
        return head.version == "HTTP/1.0" && !connection.contains("keep-alive")
    }

    private func beginStopping() {
        stopping = true
        session.stop()
        graceEnds = MonotonicClock.milliseconds() + limits.graceMilliseconds
        if listening {
            listening = false
            socket.close()
        }
        for (descriptor, connection) in connections where connection.phase == .idle && connection.buffer.isEmpty {
            drop(descriptor)
        }
    }

    private func hasIdleConnection() -> Bool {
        connections.values.contains { $0.phase == .idle && $0.buffer.isEmpty }
    }

    /// Takes the connections waiting in the backlog, up to the limit; at the
    /// limit, the longest-idle connection makes room (it holds no request, and
    /// a client reconnects), else the rest wait in the backlog.
    private func acceptWaiting() {
        // Found once per batch, longest-idle last: a scan per accepted connection would cost the loop its speed at the limit.
        var evictable: [(descriptor: Int32, since: Int)]?
        // As many as the backlog holds: a burst of connections must not overflow it while the loop turns.
        for _ in 0..<4096 {
            if connections.count >= limits.maxConnections {
                if evictable == nil {
                    evictable = connections.values.filter { $0.phase == .idle && $0.buffer.isEmpty }.map { ($0.descriptor, $0.since) }.sorted { $0.since > $1.since }
                }
                guard let oldest = evictable?.popLast() else { return }
                drop(oldest.descriptor)
            }
            switch Sockets.acceptNow(socket.descriptor) {
            case .connection(let descriptor):
                let now = MonotonicClock.milliseconds()
                connections[descriptor] = ServerConnection(descriptor: descriptor, limits: limits.parser, now: now, idleMilliseconds: limits.headerMilliseconds)
            case .none:
                return
            case .outOfDescriptors(let error):
                // Back off instead of spinning on a backlog that cannot be taken; say so once.
                acceptPausedUntil = MonotonicClock.milliseconds() + 100
                if !reportedDescriptorShortage {
                    reportedDescriptorShortage = true
                    notes("vodhook listen: warning: cannot accept more connections at \(connections.count) open: \(error.message); "
                        + "new ones wait until some close (raise the limit with 'ulimit -n', now \(DescriptorLimit.raiseToHardLimit()))\n")
                }
                return
            case .failed:
                continue
            }
        }
    }

    /// Reads what arrived on a connection and frames it.
    private func receive(_ descriptor: Int32) {
        // Taken out while it changes: a copy left in the dictionary would make every append copy the whole buffer.
        guard var connection = connections.removeValue(forKey: descriptor) else { return }
        let count: Int?
        do {
            count = try scratch.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) in try Sockets.receive(descriptor, into: raw) }
            }.get()
        } catch {
            inFlight -= connection.charged
            Sockets.close(descriptor)
            return
        }
        guard let count else {
            connections[descriptor] = connection
            return
        }
        guard count > 0 else {
            connections[descriptor] = connection
            if connection.phase != .idle || !connection.buffer.isEmpty {
                session.refuse(status: 400, reason: "the connection closed in the middle of a request", answered: false)
            }
            drop(descriptor)
            return
        }
        connection.buffer.append(contentsOf: scratch[0..<count])
        frame(&connection)
    }

    /// Runs the parser over what a connection holds and acts on the outcome;
    /// the connection is out of the dictionary, and every path puts it back (or drops it).
    private func frame(_ connection: inout ServerConnection) {
        let descriptor = connection.descriptor
        if connection.phase == .idle {
            // Stray line ends between requests belong to no request.
            let blank = connection.buffer.prefix { $0 == 0x0D || $0 == 0x0A }.count
            if blank > 0 { connection.buffer.removeFirst(blank) }
            if connection.buffer.isEmpty {
                connections[descriptor] = connection
                return
            }
            connection.phase = .head
            connection.since = MonotonicClock.milliseconds()
            connection.deadline = connection.since + limits.headerMilliseconds
        }
        let outcome = connection.parser.advance(connection.buffer)
        // The bytes held, or the whole body the head announced: a budget is spent before the bytes arrive.
        let needed = max(connection.buffer.count, (connection.parser.headEnd ?? 0) + (connection.parser.announcedLength ?? 0))
        if inFlight - connection.charged + needed > limits.bodyMemory {
            connections[descriptor] = connection
            refuse(descriptor, status: 503, reason: "requests in flight would hold over \(HTTPRequestParser.describe(bytes: limits.bodyMemory)) (the memory budget); answered 503 so the sender retries")
            return
        }
        inFlight += needed - connection.charged
        connection.charged = needed
        switch outcome {
        case .needsMore:
            if let headEnd = connection.parser.headEnd {
                let now = MonotonicClock.milliseconds()
                if connection.phase != .body {
                    connection.phase = .body
                    connection.since = now
                    // Room for exactly the announced body: growth by doubling would hold up to twice the budget.
                    if let length = connection.parser.announcedLength { connection.buffer.reserveCapacity(headEnd + length) }
                }
                // More time only for bytes that came: a trickle never resets the clock.
                let earned = (connection.buffer.count - headEnd) * 1000 / max(limits.bodyBytesPerSecond, 1)
                connection.deadline = connection.since + limits.bodyMilliseconds + earned
                if connection.parser.expectsContinue && !connection.continued {
                    connection.continued = true
                    ListenResponse.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: descriptor, deadline: now + 1000)
                }
            }
            connections[descriptor] = connection
        case .complete(let end, let head):
            // The usual case, nothing pipelined behind it, hands the buffer over instead of copying it.
            let raw: [UInt8]
            if end == connection.buffer.count {
                raw = connection.buffer
                connection.buffer = []
            } else {
                raw = Array(connection.buffer[..<end])
                connection.buffer.removeFirst(end)
            }
            connection.phase = .handling
            // Checking a request holds a decoded copy of it: counted too, so the budget is what memory peaks at.
            inFlight += raw.count
            connection.charged += raw.count
            connections[descriptor] = connection
            handoff.submit(.init(descriptor: descriptor, raw: raw, head: head))
        case .refused(let status, let reason):
            connections[descriptor] = connection
            refuse(descriptor, status: status, reason: reason)
        }
    }

    /// A worker answered: close, or wait for the next request (which may already be here, pipelined).
    private func returned(_ done: Handoff.Done) {
        guard var connection = connections.removeValue(forKey: done.descriptor) else { return }
        if done.close || stopping && connection.buffer.isEmpty {
            inFlight -= connection.charged
            Sockets.close(done.descriptor)
            return
        }
        let now = MonotonicClock.milliseconds()
        connection.parser = HTTPRequestParser(limits: limits.parser)
        connection.phase = .idle
        connection.continued = false
        connection.since = now
        connection.deadline = now + limits.headerMilliseconds
        inFlight -= connection.charged - connection.buffer.count
        connection.charged = connection.buffer.count
        frame(&connection)
    }

    /// Closes idle connections past their deadline, and answers 408 to partial requests past theirs.
    private func expire(_ now: Int) {
        var expired: [(Int32, ServerConnection.Phase)] = []
        for (descriptor, connection) in connections where connection.phase != .handling && connection.deadline <= now {
            expired.append((descriptor, connection.buffer.isEmpty ? .idle : connection.phase))
        }
        for (descriptor, phase) in expired {
            switch phase {
            case .idle: drop(descriptor)
            case .body:
                refuse(descriptor, status: 408, reason: "the body came slower than \(limits.bodyBytesPerSecond / 1024) KiB/s after its first \(ListenLimits.describe(milliseconds: limits.bodyMilliseconds))")
            default:
                refuse(descriptor, status: 408, reason: "the request head did not arrive whole within \(ListenLimits.describe(milliseconds: limits.headerMilliseconds))")
            }
        }
    }

    private func refuse(_ descriptor: Int32, status: Int, reason: String) {
        session.refuse(status: status, reason: reason, answered: true)
        // One try: the answer is small, and a client that does not read it is not waited for.
        let bytes = ListenResponse.plain(status: status, close: true, reason: reason)
        ListenResponse.send(bytes, to: descriptor, deadline: MonotonicClock.milliseconds())
        drop(descriptor)
    }

    private func drop(_ descriptor: Int32) {
        guard let connection = connections.removeValue(forKey: descriptor) else { return }
        inFlight -= connection.charged
        Sockets.close(descriptor)
    }
}
