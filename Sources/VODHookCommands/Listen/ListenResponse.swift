import Platform
import VODHookCore

/// The answers `listen` writes: framed so a kept-alive connection stays in
/// step, which means no body at all after HEAD, 1xx, 204 and 304 (RFC 9112 §6.3).
enum ListenResponse {
    static func bytes(status: Int, body: [UInt8], headers: [(String, String)] = [], close: Bool, method: String = "POST") -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(status))\r\n"
        let bodiless = status < 200 || status == 204 || status == 304
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) && !bodiless { text += "Content-Type: text/plain\r\n" }
        // 204 and 1xx have no Content-Length at all; a HEAD answer says what a GET would have carried.
        if status >= 200 && status != 204 && status != 304 { text += "Content-Length: \(body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if !bodiless && method != "HEAD" { bytes += body }
        return bytes
    }

    /// A short plain answer: "ok" for a success, the reason phrase otherwise.
    static func plain(status: Int, close: Bool, method: String = "POST", allow: Bool = false, reason: String? = nil) -> [UInt8] {
        let body = reason.map { $0 + "\n" } ?? (status < 300 ? "ok\n" : reasonPhrase(status).lowercased() + "\n")
        return bytes(status: status, body: Array(body.utf8), headers: allow ? [("Allow", "POST")] : [], close: close, method: method)
    }

    /// Writes `bytes` to a non-blocking socket, waiting for room up to the
    /// deadline; false when it could not (the client stalled or left).
    @discardableResult
    static func send(_ bytes: [UInt8], to descriptor: Int32, deadline: Int) -> Bool {
        do {
            try TCPConnection.send(bytes, on: descriptor, deadline: deadline)
            return true
        } catch {
            return false
        }
    }
}
