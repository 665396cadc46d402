/// Where a log line's callback begins. A receiver's log line is a prefix of
/// any shape (a timestamp, a level, a thread, a logger, `body=`) and then,
/// maybe, the callback: the first JSON object on the line, or an array of
/// objects. Brackets in the prefix (`[2026-12-06 10:00:00,123]`,
/// `[http-nio-8080-exec-3]`, syslog's `app[123]:`) and braces that hold no
/// member (`{}`, `{main}`) are prefix, not JSON: an object starts at a `{`
/// followed by a key's quote, or by the end of the line (a callback cut
/// right after its brace is still a callback, reported where it breaks).
public enum LogLine {
    /// Offset of the callback's first byte in `bytes[from..<to]` (one line,
    /// without its line feed), or nil when the line holds none.
    public static func callbackStart(in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let byte = bytes[i]
            if byte == UInt8(ascii: "{") {
                if opensObject(bytes, at: i, to: to) { return i }
            } else if byte == UInt8(ascii: "[") {
                let next = skipBlanks(bytes, from: i + 1, to: to)
                if next < to, bytes[next] == UInt8(ascii: "{"), opensObject(bytes, at: next, to: to) { return i }
            }
            i += 1
        }
        return nil
    }

    /// The first word of a line that is only letters (`INFO`, `DEBUG`,
    /// `Started`), for the tally of lines without a callback: timestamps,
    /// thread names and numbers are passed over. Empty when there is none.
    public static func firstWord(in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> String {
        var i = from
        while i < to {
            while i < to, isBlank(bytes[i]) { i += 1 }
            let start = i
            while i < to, !isBlank(bytes[i]) { i += 1 }
            var end = i
            // `INFO:` and `WARN,` name the level as well as `INFO` does.
            while end > start, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
            let word = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if !word.isEmpty, word.count <= 32, word.allSatisfy(isLetter) { return String(decoding: word, as: UTF8.self) }
        }
        return ""
    }

    private static func opensObject(_ bytes: UnsafeRawBufferPointer, at brace: Int, to: Int) -> Bool {
        let next = skipBlanks(bytes, from: brace + 1, to: to)
        return next == to || bytes[next] == UInt8(ascii: "\"") || (bytes[next] == 0x0D && next + 1 == to)
    }

    private static func skipBlanks(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        var i = from
        while i < to, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}

/// The lines of a log that hold no callback: not findings, but counted, so
/// a run says what it passed over (`--verbose` by first word).
public struct SkippedLogLines: Sendable, Hashable {
    public private(set) var total = 0
    /// Lines by their first word (`INFO`, `DEBUG`; "" for none).
    public private(set) var byWord: [String: Int] = [:]

    public init() {}

    public mutating func add(word: String, count: Int = 1) {
        total += count
        byWord[word, default: 0] += count
    }

    public mutating func add(_ other: SkippedLogLines) {
        for (word, count) in other.byWord { add(word: word, count: count) }
    }

    /// "3 INFO, 1 DEBUG, 2 without a word": most first, then by word.
    public var breakdown: String {
        byWord.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { $0.key.isEmpty ? "\($0.value) without a word" : "\($0.value) \($0.key)" }
            .joined(separator: ", ")
    }
}
