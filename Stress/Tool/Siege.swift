#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `siege PORT PID IDLE SENDERS PER-SENDER`: holds IDLE idle connections to
/// `listen` on 127.0.0.1:PORT while SENDERS keep-alive connections send
/// PER-SENDER callbacks each, one after another; then prints
/// "ok=N answered=M threads=T" (T: the most threads PID had, sampled as the
/// answers came) and exits 0 only if every request was answered 200.
enum Siege {
    static func run(port: Int, pid: Int, idle: Int, senders: Int, perSender: Int) -> Int32 {
        var limit = rlimit()
        getrlimit(RLIMIT_NOFILE_VALUE, &limit)
        limit.rlim_cur = limit.rlim_max
        setrlimit(RLIMIT_NOFILE_VALUE, &limit)
        var held: [Int32] = []
        for _ in 0..<idle {
            let descriptor = connect(port)
            if descriptor >= 0 { held.append(descriptor) }
        }
        let results = UnsafeMutablePointer<(ok: Int, answered: Int)>.allocate(capacity: senders)
        results.initialize(repeating: (0, 0), count: senders)
        var threads: [pthread_t] = []
        for sender in 0..<senders {
            let job = Job(port: port, sender: sender, count: perSender, result: results + sender)
            var thread = pthread_t()
            pthread_create(&thread, nil, { argument in
                let job = Unmanaged<Job>.fromOpaque(argument!).takeRetainedValue()
                job.result.pointee = Siege.send(job)
                return nil
            }, Unmanaged.passRetained(job).toOpaque())
            threads.append(thread)
        }
        var most = 0
        var finished = false
        while !finished {
            most = max(most, threadCount(pid))
            usleep(20_000)
            finished = (0..<senders).allSatisfy { results[$0].answered == perSender || results[$0].answered < 0 } || threadCountMissing(pid)
            if finished { break }
        }
        for thread in threads { pthread_join(thread, nil) }
        most = max(most, threadCount(pid))
        let ok = (0..<senders).reduce(0) { $0 + results[$1].ok }
        let answered = (0..<senders).reduce(0) { $0 + max(results[$1].answered, 0) }
        print("ok=\(ok) answered=\(answered) threads=\(most) idle=\(held.count)")
        for descriptor in held { close(descriptor) }
        return ok == senders * perSender ? 0 : 1
    }

    final class Job {
        let port: Int, sender: Int, count: Int
        let result: UnsafeMutablePointer<(ok: Int, answered: Int)>
        init(port: Int, sender: Int, count: Int, result: UnsafeMutablePointer<(ok: Int, answered: Int)>) {
            self.port = port
            self.sender = sender
            self.count = count
            self.result = result
        }
    }

    #if canImport(Glibc)
    static let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    static let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
    #endif

    static func connect(_ port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// One sender's requests, each waiting for its answer: (200s, answers), answers -1 when it could not connect.
    static func send(_ job: Job) -> (ok: Int, answered: Int) {
        var descriptor = connect(job.port)
        guard descriptor >= 0 else { return (0, -1) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var ok = 0, answered = 0
        var pending: [UInt8] = []
        for index in 0..<job.count {
            let hex = String(job.sender * 1_000_000 + index, radix: 16)
            let mediaId = String(repeating: "0", count: 32 - hex.count) + hex
            let body = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":""# + mediaId + #""}"#
            let request = Array("POST /cb HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
            if request.withUnsafeBytes({ Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) != request.count {
                // The connection was closed (say, evicted while idle between requests): reconnect, as any client would.
                close(descriptor)
                descriptor = connect(job.port)
                guard descriptor >= 0 else { break }
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                pending = []
                _ = request.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            guard let status = readStatus(descriptor, &pending) else { break }
            answered += 1
            if status == 200 { ok += 1 }
        }
        close(descriptor)
        return (ok, answered)
    }

    private static func readStatus(_ descriptor: Int32, _ pending: inout [UInt8]) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let headEnd = headEnd(pending) {
                let head = String(decoding: pending[..<headEnd], as: UTF8.self).lowercased()
                var length = 0
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    length = Int(String(line.dropFirst("content-length:".count).filter { $0 != " " })) ?? 0
                }
                if pending.count >= headEnd + length {
                    let fields = head.split(separator: " ")
                    pending.removeFirst(headEnd + length)
                    return fields.count > 1 ? Int(String(fields[1])) : nil
                }
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            pending += chunk[0..<count]
        }
    }

    /// Just past the blank line that ends a response head.
    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private static func threadCountMissing(_ pid: Int) -> Bool { threadCount(pid) == 0 }

    /// Threads: in /proc/PID/status, 0 where there is no /proc.
    static func threadCount(_ pid: Int) -> Int {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("Threads:") { return Int(text.dropFirst(8).filter(\.isNumber)) ?? 0 }
        }
        return 0
    }
}
