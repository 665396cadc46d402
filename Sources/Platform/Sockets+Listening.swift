import CLibrary

/// The server side of `vodhook listen`, kept together: a bound socket,
/// accepting, the wake pipe, the stop signals, detached connection threads
/// and UTC wall-clock stamps.
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
        guard bound == 0, CLibrary.listen(descriptor, 512) == 0 else {
            let error = SystemError.last()
            close(descriptor)
            throw ResolutionFailure(message: error.code == EADDRINUSE ? "the port is already in use" : error.message)
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

/// A pipe that stays readable once written to: every thread that polls it
/// learns at once that the server is stopping.
public final class WakePipe: Sendable {
    public let readEnd: Int32
    private let writeEnd: Int32

    public init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        _ = close(readEnd)
        _ = close(writeEnd)
    }

    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }
}

/// SIGINT and SIGTERM, blocked in the listening thread (and so in every
/// connection thread it starts) and asked after between accepts: no
/// handler runs at an arbitrary moment, and nothing global is needed.
public struct StopSignals {
    private var set = sigset_t()
    private var previous = sigset_t()

    public init() {
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
    }

    public mutating func block() {
        pthread_sigmask(SIG_BLOCK, &set, &previous)
    }

    /// Takes a pending SIGINT or SIGTERM, if one came.
    public mutating func takePending() -> Bool {
        var pending = sigset_t()
        sigpending(&pending)
        guard sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1 else { return false }
        var signal: Int32 = 0
        sigwait(&set, &signal)
        return true
    }

    public mutating func restore() {
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}

/// Starts `body` on a detached thread; false when the system would not.
public func startDetachedThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    let box = Unmanaged.passRetained(DetachedBody(body)).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    guard pthread_create(&thread, nil, { argument in
        Unmanaged<DetachedBody>.fromOpaque(argument!).takeRetainedValue().body()
        return nil
    }, box) == 0 else {
        Unmanaged<DetachedBody>.fromOpaque(box).release()
        return false
    }
    #if canImport(Glibc)
    pthread_detach(thread)
    #else
    if let thread { pthread_detach(thread) }
    #endif
    return true
}

private final class DetachedBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// UTC stamps for requests: the time of day, and the ISO 8601 instant.
public enum WallClock {
    public static func stamp(_ seconds: Int) -> (time: String, instant: String) {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return (time, "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(time)Z")
    }
}

extension Files {
    /// Opens `path` for appending, creating it: a capture grows across runs.
    public static func openForAppending(_ path: String, permissions: UInt16 = 0o644) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else { throw .last() }
        return descriptor
    }
}
