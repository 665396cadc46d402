import CLibrary

/// What an event-driven server needs beyond `Listening.swift`: waiting on
/// many descriptors at once, accepting without blocking, and the limit on
/// open descriptors.
public struct PollSet {
    private var entries: [pollfd] = []

    public init() {}

    public var count: Int { entries.count }

    public mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    /// Watches `descriptor` for input (and for the peer closing or an error).
    public mutating func watchReadable(_ descriptor: Int32) {
        entries.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
    }

    /// Waits up to `milliseconds` (at least 0) for any watched descriptor; an
    /// interrupted wait counts as a timeout, the caller loops anyway.
    public mutating func wait(milliseconds: Int) {
        let timeout = Int32(min(max(milliseconds, 0), Int(Int32.max)))
        _ = entries.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), timeout) }
    }

    /// Whether the entry at `index` has something to read (or to report).
    public func isReady(_ index: Int) -> Bool { entries[index].revents != 0 }

    public func descriptor(_ index: Int) -> Int32 { entries[index].fd }
}

/// What one non-blocking accept gave.
public enum AcceptOutcome: Sendable {
    case connection(Int32)
    /// No connection is waiting.
    case none
    /// The process or the system is out of descriptors: back off, the connection stays queued.
    case outOfDescriptors(SystemError)
    /// Any other failure, such as a connection reset before it was taken.
    case failed(SystemError)
}

extension Sockets {
    /// Makes a listening socket non-blocking, so `acceptNow` never waits.
    public static func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Takes one waiting connection, if there is one: non-blocking,
    /// close-on-exec, never raising SIGPIPE.
    public static func acceptNow(_ listener: Int32) -> AcceptOutcome {
        while true {
            let connection = CLibrary.accept(listener, nil, nil)
            if connection >= 0 {
                _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) | O_NONBLOCK)
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                #if canImport(Darwin)
                var on: Int32 = 1
                setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
                #endif
                return .connection(connection)
            }
            let error = SystemError.last()
            if error.isInterrupted { continue }
            if error.wouldBlock { return .none }
            if error.code == EMFILE || error.code == ENFILE { return .outOfDescriptors(error) }
            return .failed(error)
        }
    }

    /// Ends both directions of a connection another thread may be using,
    /// without freeing its number: that thread's next call fails at once.
    public static func shutdownBoth(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }
}

/// The limit on open descriptors, which bounds how many connections a server can hold.
public enum DescriptorLimit {
    /// Raises the soft limit to the hard one (a server's connections are
    /// descriptors; the default soft limit is often 1,024) and returns the
    /// soft limit now in force.
    public static func raiseToHardLimit() -> Int {
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limits = rlimit()
        guard getrlimit(resource, &limits) == 0 else { return 1024 }
        if limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = limits.rlim_max
            #if canImport(Darwin)
            // Darwin refuses a soft limit above OPEN_MAX even when the hard limit is "unlimited".
            raised.rlim_cur = min(raised.rlim_cur, rlim_t(OPEN_MAX))
            #endif
            if setrlimit(resource, &raised) == 0 { limits = raised }
        }
        return limits.rlim_cur > rlim_t(Int32.max) ? Int(Int32.max) : Int(limits.rlim_cur)
    }
}

extension WakePipe {
    /// Empties the pipe, so it can signal again (a notification pipe rather than a stop flag).
    public func drain() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while bytes.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    }
}

extension Sockets {
    /// This machine's interface addresses, numeric, IPv4 first: what a
    /// server bound to every interface can be reached at. Link-local IPv6
    /// addresses are left out (they need an interface name to be used).
    public static func interfaceAddresses(includeIPv6: Bool) -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var version4: [String] = []
        var version6: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            cursor = entry.pointee.ifa_next
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 && includeIPv6 else { continue }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if family == AF_INET {
                if !version4.contains(text) { version4.append(text) }
            } else if !text.lowercased().hasPrefix("fe80"), !version6.contains(text) {
                version6.append(text)
            }
        }
        return version4 + version6
    }
}
