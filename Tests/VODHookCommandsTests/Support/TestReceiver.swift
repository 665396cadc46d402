import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A callback receiver for tests: listens on 127.0.0.1 only, answers each
/// connection from a script, records what arrived, and stops by itself
/// after its lifetime (or when stopped), so no test can leave it running.
final class TestReceiver: @unchecked Sendable {
    enum Reply {
        /// A response with Content-Length; `headers` come before it.
        case status(Int, headers: [(String, String)] = [], body: String = "")
        /// These bytes exactly, then close.
        case raw(String)
        /// Read the request and never answer; close when the client does.
        case silent
        /// These bytes, then nothing more until the client closes: a receiver that stalls mid-answer.
        case stallAfter(String)
    }

    struct Request {
        var method: String
        var target: String
        /// Names lowercased.
        var headers: [String: String]
        var body: [UInt8]
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// Nil when no socket can be opened here; tests then skip.
    init?(replies: [Reply], lifetime: TimeInterval = 600) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard bound == 0, named == 0, listen(listener, 16) == 0 else {
            close(listener)
            return nil
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let deadline = Date().addingTimeInterval(lifetime)
        Thread.detachNewThread { [self] in
            serve(replies, until: deadline)
            close(listener)
            finished.signal()
        }
    }

    /// A port that refuses connections for as long as the tests run: bound
    /// and never listened on, and held until this process ends, so no other
    /// test, and no other `swift test` run at the same time, can take it
    /// (a port bound and closed again was free for anyone at once). A few
    /// descriptors for the whole run.
    static func closedPort() -> Int? {
        let held = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard held >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(held, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(held, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(held)
            return nil
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A port free a moment ago (bound, then closed), for a listener that
    /// must bind the port itself; another process may take it first, so a
    /// caller that can tries again when the port is in use.
    static func unusedPort() -> Int? {
        guard let receiver = TestReceiver(replies: []) else { return nil }
        receiver.stop()
        return receiver.port
    }

    var url: String { "http://127.0.0.1:\(port)/vod/callback?app=test" }

    var requests: [Request] { lock.withLock { received } }

    /// Stops accepting and waits until the listener is closed; later calls do nothing.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { finished.wait() }
    }

    private func serve(_ replies: [Reply], until deadline: Date) {
        var index = 0
        while !lock.withLock({ stopped }) && Date() < deadline {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if let request = readRequest(connection) { lock.withLock { received.append(request) } }
            let reply = replies.isEmpty ? Reply.status(200) : replies[min(index, replies.count - 1)]
            index += 1
            answer(reply, on: connection)
            close(connection)
        }
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        func fill() -> Bool {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count > 0 { bytes += chunk[0..<count] }
            return count > 0
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = bytes.indices.dropLast(3).first { Array(bytes[$0..<$0 + 4]) == separator }
            if headEnd == nil && !fill() { return nil }
        }
        let head = String(decoding: bytes[..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headEnd! + 4
        while bytes.count - bodyStart < length && fill() {}
        return Request(
            method: String(requestLine.first ?? ""), target: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: Array(bytes[bodyStart..<min(bytes.count, bodyStart + length)]))
    }

    private func answer(_ reply: Reply, on connection: Int32) {
        let text: String
        switch reply {
        case .status(let code, let headers, let body):
            text = "HTTP/1.1 \(code) Test\r\n" + headers.map { "\($0): \($1)\r\n" }.joined()
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        case .raw(let bytes):
            text = bytes
        case .silent:
            var byte: UInt8 = 0
            while recv(connection, &byte, 1, 0) > 0 {}
            return
        case .stallAfter(let bytes):
            _ = Array(bytes.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var byte: UInt8 = 0
            while recv(connection, &byte, 1, 0) > 0 {}
            return
        }
        _ = Array(text.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
