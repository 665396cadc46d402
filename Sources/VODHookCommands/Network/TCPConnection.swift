import Platform

/// One TCP connection over plain sockets, every wait bounded by a deadline
/// (milliseconds on `MonotonicClock`): non-blocking calls and `poll`, so a
/// silent receiver costs the timeout and no more.
final class TCPConnection {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { Sockets.close(descriptor) }

    /// A connection `accept` gave a server; the descriptor must be non-blocking.
    static func accepted(_ descriptor: Int32) -> TCPConnection {
        TCPConnection(descriptor: descriptor)
    }

    /// Waits until bytes arrive (true) or `wake` becomes readable (false),
    /// for a server's idle connection that must notice a shutdown.
    func waitForInput(orWake wake: Int32, until deadline: Int) throws(NetworkFailure) -> Bool {
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { throw .timedOut }
            do {
                guard let readable = try Sockets.waitReadable(descriptor, orWake: wake, milliseconds: remaining) else { throw NetworkFailure.timedOut }
                return readable
            } catch let error as SystemError {
                if !error.isInterrupted { throw .broken(error.message) }
            } catch {
                throw .timedOut
            }
        }
    }

    /// Connects to the first address of `host` that answers: IPv4 and IPv6
    /// addresses and names alike, in the order the resolver gives them.
    static func open(host: String, port: Int, deadline: Int) throws(NetworkFailure) -> TCPConnection {
        let addresses: [SocketAddress]
        do {
            addresses = try Sockets.resolve(host: host, port: port)
        } catch {
            throw .unresolvable(error.message)
        }
        var failure = "no address to connect to"
        for address in addresses {
            let descriptor: Int32
            do {
                descriptor = try Sockets.openStream(for: address)
            } catch {
                failure = error.message
                continue
            }
            let connection = TCPConnection(descriptor: descriptor)
            switch Sockets.connect(connection.descriptor, to: address) {
            case .connected: return connection
            case .failed(let error):
                failure = error.message
                continue
            case .inProgress: break
            }
            do {
                try connection.wait(for: .writable, until: deadline)
            } catch {
                // The time is spent: no point trying the next address.
                throw .unreachable("no answer to the connection request in time")
            }
            guard let error = Sockets.pendingError(connection.descriptor) else { return connection }
            failure = error.message
        }
        throw .unreachable(failure)
    }

    func send(_ bytes: [UInt8], deadline: Int) throws(NetworkFailure) {
        try Self.send(bytes, on: descriptor, deadline: deadline)
    }

    /// Writes all of `bytes` to a non-blocking socket, waiting for room up
    /// to the deadline; shared with listen, whose sockets are not connections it opened.
    static func send(_ bytes: [UInt8], on descriptor: Int32, deadline: Int) throws(NetworkFailure) {
        var offset = 0
        while offset < bytes.count {
            let sent: Int
            do {
                sent = try bytes.withUnsafeBytes { raw in
                    Result { () throws(SystemError) in try Sockets.send(descriptor, UnsafeRawBufferPointer(rebasing: raw[offset...])) }
                }.get()
            } catch {
                throw .broken(error.message)
            }
            if sent > 0 {
                offset += sent
            } else {
                try wait(descriptor, for: .writable, until: deadline)
            }
        }
    }

    /// Appends what arrives to `buffer`, waiting for it until the deadline;
    /// false once the receiver has closed its side.
    func receive(into buffer: inout [UInt8], deadline: Int) throws(NetworkFailure) -> Bool {
        try wait(for: .readable, until: deadline)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count: Int?
        do {
            count = try chunk.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) in try Sockets.receive(descriptor, into: raw) }
            }.get()
        } catch {
            throw .broken(error.message)
        }
        guard let count else { return true }
        buffer.append(contentsOf: chunk[0..<count])
        return count > 0
    }

    private func wait(for event: SocketEvent, until deadline: Int) throws(NetworkFailure) {
        try Self.wait(descriptor, for: event, until: deadline)
    }

    private static func wait(_ descriptor: Int32, for event: SocketEvent, until deadline: Int) throws(NetworkFailure) {
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { throw .timedOut }
            let ready: Bool
            do {
                ready = try Sockets.wait(descriptor, for: event, milliseconds: remaining)
            } catch let error where error.isInterrupted {
                continue
            } catch {
                throw .broken(error.message)
            }
            if ready { return }
            throw .timedOut
        }
    }
}
