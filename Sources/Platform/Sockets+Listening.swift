import CLibrary

/// The server side of `vodhook listen`: a bound socket, accepting, and
/// waiting for a request's bytes or the wake pipe.
extension Sockets {
    /// Binds `host:port` (0: any free port) and listens; returns the
    /// descriptor and the port bound. The failure is a message to print.
    public static func listen(host: String, port: Int) throws(ResolutionFailure) -> (descriptor: Int32, port: Int) {
        let addresses: [SocketAddress]
        do {
            addresses = try resolve(host: host, port: port)
        } catch {
            throw ResolutionFailure(message: "the name does not resolve: \(error.message)")
        }
        guard let address = addresses.first else { throw ResolutionFailure(message: "the name has no address") }
        let descriptor: Int32
        do {
            descriptor = try openStream(for: address)
        } catch {
            throw ResolutionFailure(message: error.message)
        }
        var on: Int32 = 1
        // A restart may reuse the port while the last run's connections linger in TIME_WAIT.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.bytes.withUnsafeBytes { raw in
            bind(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        // A deep backlog (the system caps it at somaxconn): a burst of connections waits there instead of retrying SYNs a second later.
        guard bound == 0, CLibrary.listen(descriptor, 4096) == 0 else {
            let error = SystemError.last()
            close(descriptor)
            throw ResolutionFailure(message: error.code == EADDRINUSE ? "the port is already in use; choose another with --port, or --port 0 for any free one" : error.message)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let boundPort = withUnsafeMutablePointer(to: &storage) { pointer -> Int in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            if Int32(pointer.pointee.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
        return (descriptor, boundPort)
    }

    /// Waits up to `milliseconds` for a connection on `listener`, or for
    /// `wake` to become readable; a non-blocking, close-on-exec connected
    /// descriptor that never raises SIGPIPE, or nil.
    public static func accept(_ listener: Int32, orWake wake: Int32, milliseconds: Int32) -> Int32? {
        var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        guard poll(&entries, 2, milliseconds) > 0, entries[0].revents != 0 else { return nil }
        let connection = CLibrary.accept(listener, nil, nil)
        guard connection >= 0 else { return nil }
        _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) | O_NONBLOCK)
        _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return connection
    }

    /// Waits up to `milliseconds` for bytes on `descriptor` (true) or for
    /// `wake` to become readable (false); nil on timeout.
    public static func waitReadable(_ descriptor: Int32, orWake wake: Int32, milliseconds: Int) throws(SystemError) -> Bool? {
        var entries = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&entries, 2, Int32(min(max(milliseconds, 0), Int(Int32.max))))
        if ready > 0 { return entries[0].revents != 0 || entries[1].revents == 0 }
        if ready == 0 { return nil }
        throw .last()
    }
}
