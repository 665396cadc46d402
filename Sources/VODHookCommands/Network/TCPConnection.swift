#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One TCP connection over plain sockets, every wait bounded by a deadline
/// (milliseconds on `MonotonicClock`): non-blocking calls and `poll`, so a
/// silent receiver costs the timeout and no more.
final class TCPConnection {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Connects to the first address of `host` that answers: IPv4 and IPv6
    /// addresses and names alike, in the order the resolver gives them.
    static func open(host: String, port: Int, deadline: Int) throws(NetworkFailure) -> TCPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .unresolvable(status == EAI_SYSTEM ? reason(errno) : String(cString: gai_strerror(status)).lowercased())
        }
        defer { freeaddrinfo(first) }
        var failure = "no address to connect to"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry?.pointee {
            entry = address.ai_next
            let descriptor = socket(address.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), address.ai_protocol)
            guard descriptor >= 0 else {
                failure = reason(errno)
                continue
            }
            let connection = TCPConnection(descriptor: descriptor)
            if connect(descriptor, address.ai_addr, address.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else {
                failure = reason(errno)
                continue
            }
            do {
                try connection.wait(for: Int16(POLLOUT), until: deadline)
            } catch {
                // The time is spent: no point trying the next address.
                throw .unreachable("no answer to the connection request in time")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return connection }
            failure = reason(error)
        }
        throw .unreachable(failure)
    }

    func send(_ bytes: [UInt8], deadline: Int) throws(NetworkFailure) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a receiver that hangs up must not kill the process.
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                try wait(for: Int16(POLLOUT), until: deadline)
            } else {
                throw .broken(Self.reason(errno))
            }
        }
    }

    /// Appends what arrives to `buffer`, waiting for it until the deadline;
    /// false once the receiver has closed its side.
    func receive(into buffer: inout [UInt8], deadline: Int) throws(NetworkFailure) -> Bool {
        try wait(for: Int16(POLLIN), until: deadline)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return true }
            throw .broken(Self.reason(errno))
        }
    }

    private func wait(for events: Int16, until deadline: Int) throws(NetworkFailure) {
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { throw .timedOut }
            let ready = poll(&entry, 1, Int32(min(remaining, Int(Int32.max))))
            if ready > 0 { return }
            if ready == 0 { throw .timedOut }
            if errno != EINTR { throw .broken(Self.reason(errno)) }
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
