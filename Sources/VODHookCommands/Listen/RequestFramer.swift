import Platform
import VODHookCore

/// Takes HTTP/1.1 requests off one connection as they arrive: the head up
/// to its blank line, then the body its head announces (Content-Length or
/// chunked), answering `Expect: 100-continue`. What cannot be a request,
/// or breaks a limit, is refused with the status to answer before closing.
struct RequestFramer {
    static let headLimit = 64 * 1024
    static let bodyLimit = 32 * 1024 * 1024
    /// A client silent this long in the middle of a request gets 408.
    static let stallMilliseconds = 10_000

    enum Next {
        /// One whole request, exactly as received.
        case request(raw: [UInt8], head: HTTPRequestHead)
        /// The client closed between requests, stayed idle, or the server is stopping.
        case closed
        /// Answer `status` and close; `reason` says why, for the terminal.
        case refused(status: Int, reason: String)
    }

    let connection: TCPConnection
    /// Readable once the server stops: an idle connection then closes.
    let wake: Int32
    private var buffer: [UInt8] = []

    init(connection: TCPConnection, wake: Int32) {
        self.connection = connection
        self.wake = wake
    }

    /// The next request; `idleAllowed` false closes an idle connection at once (the server is stopping).
    mutating func next(idleAllowed: Bool) -> Next {
        var headEnd: Int?
        var scanned = 0
        while true {
            let blank = buffer.prefix { $0 == 0x0D || $0 == 0x0A }.count
            if blank > 0 { buffer.removeFirst(blank) }
            if let first = buffer.first, !(0x41...0x5A).contains(first) {
                return .refused(status: 400, reason: "not an HTTP request (its first byte is \(TerminalSafe.quoted(String(decoding: [first], as: UTF8.self))))")
            }
            if let lineEnd = buffer.firstIndex(of: 0x0A), !HTTPCapture.startsWithRequestLine(buffer[...lineEnd]) {
                return .refused(status: 400, reason: "not an HTTP request line")
            }
            if let end = Self.headEnd(in: buffer, from: max(0, scanned - 3)) {
                headEnd = end
                break
            }
            scanned = buffer.count
            if buffer.count > Self.headLimit {
                return .refused(status: 431, reason: "the request head is over \(Self.headLimit / 1024) KiB")
            }
            if buffer.isEmpty {
                guard idleAllowed, let more = try? connection.waitForInput(orWake: wake, until: MonotonicClock.milliseconds() + Self.stallMilliseconds), more
                else { return .closed }
            }
            switch receive() {
            case .some(true): continue
            case .some(false): return buffer.isEmpty ? .closed : .refused(status: 400, reason: "the connection closed in the middle of the request head")
            case nil: return buffer.isEmpty ? .closed : .refused(status: 408, reason: "the client sent nothing for \(Self.stallMilliseconds / 1000) s in the middle of a request")
            }
        }
        guard let headEnd, headEnd <= Self.headLimit else {
            return .refused(status: 431, reason: "the request head is over \(Self.headLimit / 1024) KiB")
        }
        let head: HTTPRequestHead
        switch HTTPRequestHead.parse(Array(buffer[..<headEnd])) {
        case .success(let parsed): head = parsed
        case .failure(let error): return .refused(status: 400, reason: error.message)
        }
        var continued = false
        let expectsContinue = head.header("Expect").map { $0.value.lowercased() == "100-continue" } ?? false
        var chunks = ChunkScanner(start: headEnd)
        while true {
            let end: Int?
            switch head.bodyLength {
            case .none: end = headEnd
            case .fixed(let length):
                if length > Self.bodyLimit { return .refused(status: 413, reason: "the body is \(length) bytes, over \(Self.bodyLimit / (1024 * 1024)) MiB") }
                end = buffer.count >= headEnd + length ? headEnd + length : nil
            case .chunked:
                switch chunks.scan(buffer) {
                case .complete(let chunkedEnd): end = chunkedEnd
                case .needsMore: end = nil
                case .invalid(let reason): return .refused(status: 400, reason: reason)
                case .tooLarge: return .refused(status: 413, reason: "the chunked body is over \(Self.bodyLimit / (1024 * 1024)) MiB")
                }
            }
            if let end {
                let raw = Array(buffer[..<end])
                buffer.removeFirst(end)
                return .request(raw: raw, head: head)
            }
            if expectsContinue && !continued {
                continued = true
                try? connection.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), deadline: MonotonicClock.milliseconds() + Self.stallMilliseconds)
            }
            switch receive() {
            case .some(true): continue
            case .some(false): return .refused(status: 400, reason: "the connection closed before the whole body arrived")
            case nil: return .refused(status: 408, reason: "the client sent nothing for \(Self.stallMilliseconds / 1000) s in the middle of a request")
            }
        }
    }

    /// true: bytes came; false: the client closed; nil: it stalled (or the connection broke).
    private mutating func receive() -> Bool? {
        do {
            return try connection.receive(into: &buffer, deadline: MonotonicClock.milliseconds() + Self.stallMilliseconds)
        } catch {
            if case .broken = error { return false }
            return nil
        }
    }

    /// The offset just past the blank line that ends the head, CRLF or bare LF.
    static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while let lineFeed = bytes[index...].firstIndex(of: 0x0A) {
            let next = lineFeed + 1
            if next < bytes.count, bytes[next] == 0x0A { return next + 1 }
            if next + 1 < bytes.count, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { return next + 2 }
            index = next
        }
        return nil
    }
}

/// Finds where a chunked body ends as its bytes arrive, carrying on from
/// where the last scan stopped, and counts the decoded size against the limit.
struct ChunkScanner {
    enum Outcome: Equatable {
        case complete(Int)
        case needsMore
        case invalid(String)
        case tooLarge
    }

    private var position: Int
    private var decoded = 0
    private var inTrailers = false

    init(start: Int) { position = start }

    mutating func scan(_ bytes: [UInt8]) -> Outcome {
        while true {
            guard let lineFeed = bytes[position...].firstIndex(of: 0x0A) else {
                return bytes.count - position > 4096 ? .invalid("a chunk-size line runs over 4 KiB") : .needsMore
            }
            var contentEnd = lineFeed
            if contentEnd > position, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if inTrailers {
                // Trailer fields are skipped; the empty line ends the body.
                let empty = contentEnd == position
                position = lineFeed + 1
                if empty { return .complete(position) }
                continue
            }
            var size = 0
            var digits = 0
            for byte in bytes[position..<contentEnd] {
                guard let value = hexValue(byte) else {
                    if byte == UInt8(ascii: ";") || byte == 0x20 || byte == 0x09 { break }
                    return .invalid("a chunk size is not hexadecimal")
                }
                digits += 1
                guard digits <= 8 else { return .tooLarge }
                size = size * 16 + value
            }
            guard digits > 0 else { return .invalid("a chunk-size line holds no size") }
            if size == 0 {
                inTrailers = true
                position = lineFeed + 1
                continue
            }
            decoded += size
            guard decoded <= RequestFramer.bodyLimit else { return .tooLarge }
            let dataEnd = lineFeed + 1 + size
            guard bytes.count >= dataEnd + 1 else {
                decoded -= size
                return .needsMore
            }
            if bytes[dataEnd] == 0x0A {
                position = dataEnd + 1
            } else if bytes[dataEnd] == 0x0D {
                guard bytes.count >= dataEnd + 2 else {
                    decoded -= size
                    return .needsMore
                }
                guard bytes[dataEnd + 1] == 0x0A else { return .invalid("a chunk's data is not followed by CRLF") }
                position = dataEnd + 2
            } else {
                return .invalid("a chunk's data is not followed by CRLF")
            }
        }
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
