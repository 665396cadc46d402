import CLibrary

/// One address a host name resolved to, copied out of the resolver's list.
public struct SocketAddress: Sendable {
    let family: Int32
    let socketProtocol: Int32
    let bytes: [UInt8]
}

/// Why a host name did not resolve, in the resolver's words.
public struct ResolutionFailure: Error, Sendable {
    public let message: String
}

/// How a non-blocking connect began.
public enum ConnectStart: Sendable {
    case connected
    /// Poll for writable, then ask `pendingError`.
    case inProgress
    case failed(SystemError)
}

/// What a socket is waited on for.
public enum SocketEvent: Sendable {
    case readable, writable
}

/// Non-blocking TCP sockets. What differs: Linux sets non-blocking and
/// close-on-exec when the socket is made and suppresses SIGPIPE per call
/// (MSG_NOSIGNAL); Darwin has neither, so it sets them with fcntl and the
/// SO_NOSIGPIPE socket option.
public enum Sockets {
    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let newSocketFlags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #elseif canImport(Musl)
    private static let streamType = Int32(SOCK_STREAM)
    private static let newSocketFlags = Int32(SOCK_NONBLOCK) | Int32(SOCK_CLOEXEC)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = Int32(SOCK_STREAM)
    private static let newSocketFlags: Int32 = 0
    private static let sendFlags: Int32 = 0
    #endif

    /// The stream addresses of `host` (a name, an IPv4 or an IPv6 address),
    /// in the resolver's order.
    public static func resolve(host: String, port: Int) throws(ResolutionFailure) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamType
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ResolutionFailure(message: status == EAI_SYSTEM ? SystemError.last().message : String(cString: gai_strerror(status)).lowercased())
        }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry?.pointee {
            entry = address.ai_next
            guard let raw = address.ai_addr else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: raw, count: Int(address.ai_addrlen)))
            addresses.append(SocketAddress(family: address.ai_family, socketProtocol: address.ai_protocol, bytes: bytes))
        }
        return addresses
    }

    /// A new non-blocking, close-on-exec stream socket for `address`, which
    /// never raises SIGPIPE.
    public static func openStream(for address: SocketAddress) throws(SystemError) -> Int32 {
        let descriptor = socket(address.family, streamType | newSocketFlags, address.socketProtocol)
        guard descriptor >= 0 else { throw .last() }
        #if canImport(Darwin)
        var on: Int32 = 1
        guard fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) == 0,
              fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0,
              setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
        else {
            let error = SystemError.last()
            _ = CLibrary.close(descriptor)
            throw error
        }
        #endif
        return descriptor
    }

    /// Starts connecting `descriptor` (non-blocking) to `address`.
    public static func connect(_ descriptor: Int32, to address: SocketAddress) -> ConnectStart {
        let status = address.bytes.withUnsafeBytes { raw in
            // A sockaddr this file built: never empty, so it has a base address.
            CLibrary.connect(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        if status == 0 { return .connected }
        let error = SystemError.last()
        return error.code == EINPROGRESS ? .inProgress : .failed(error)
    }

    /// The outcome of a connect that was in progress: nil once connected.
    public static func pendingError(_ descriptor: Int32) -> SystemError? {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0 ? nil : SystemError(code: error)
    }

    /// Sends what the socket takes now: the count, 0 when it would block.
    public static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let sent = CLibrary.send(descriptor, bytes.baseAddress, bytes.count, sendFlags)
            if sent >= 0 { return sent }
            let error = SystemError.last()
            if error.isInterrupted { continue }
            if error.wouldBlock { return 0 }
            throw error
        }
    }

    /// Receives what has arrived: the count, 0 once the peer closed its
    /// side, nil when nothing is there yet.
    public static func receive(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int? {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            let error = SystemError.last()
            if error.isInterrupted { continue }
            if error.wouldBlock { return nil }
            throw error
        }
    }

    /// Waits up to `milliseconds` for `event`; false on timeout. A signal
    /// ends the wait early as an interrupted error, so the caller can
    /// recompute what is left of its deadline.
    public static func wait(_ descriptor: Int32, for event: SocketEvent, milliseconds: Int) throws(SystemError) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(event == .readable ? POLLIN : POLLOUT), revents: 0)
        let ready = poll(&entry, 1, Int32(min(max(milliseconds, 0), Int(Int32.max))))
        if ready > 0 { return true }
        if ready == 0 { return false }
        throw .last()
    }

    /// Closes a socket; nothing useful is left to do if that fails.
    public static func close(_ descriptor: Int32) {
        _ = CLibrary.close(descriptor)
    }
}
