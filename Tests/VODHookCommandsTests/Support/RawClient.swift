import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client for what `send` never does: chunked bodies,
/// pipelining, stalls, garbage, many requests on one connection.
final class RawClient {
    let descriptor: Int32
    private var pending: [UInt8] = []

    /// Nil when 127.0.0.1:port does not take the connection.
    init?(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // A guard against a hang, reached only by a failing test: generous, as a loaded machine is slow.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// The status codes of the next `count` responses (fewer if the server closes first).
    func statuses(_ count: Int) -> [Int] {
        var found: [Int] = []
        while found.count < count {
            if let (status, length) = parseResponse() {
                found.append(status)
                pending.removeFirst(length)
                continue
            }
            guard fill() else { break }
        }
        return found
    }

    /// True once the server has closed the connection (after any bytes it still sends).
    func closedByServer() -> Bool {
        while fill() {}
        return true
    }

    /// Everything the server sends until it closes, as text.
    func receivedUntilClosed() -> String {
        while fill() {}
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        pending += chunk[0..<count]
        return true
    }

    /// A whole response at the front of what arrived: its status and length.
    private func parseResponse() -> (Int, Int)? {
        let text = String(decoding: pending, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<headEnd.lowerBound]
        let parts = head.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        let lengthLine = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        let length = lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        let total = text[..<headEnd.upperBound].utf8.count + length
        return pending.count >= total ? (status, total) : nil
    }
}
