/// What a source holds, as `--input auto` decides it.
public enum InputFormat: Sendable, Hashable {
    case json
    case http
    case base64
    /// A text log whose lines hold callbacks after a prefix (`LogLine`).
    case log

    /// Decides from the start of a source. JSON wins whenever the first
    /// significant byte can start a JSON value, so no JSON stream is ever
    /// taken for a capture; an HTTP request line starts with an uppercase
    /// letter, which no JSON text does. `base64` here means only that the
    /// first line's whole groups of four are Base64 of the start of a JSON
    /// object (a wrapped body's first line may end mid-group, and a long one
    /// past the prefix; see `leadingBase64`): the caller confirms with `isBase64Source` on the
    /// whole source.
    public static func sniff(_ prefix: [UInt8]) -> InputFormat {
        var i = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < prefix.count, [0x20, 0x09, 0x0A, 0x0D, 0x1E].contains(prefix[i]) { i += 1 }
        guard i < prefix.count else { return .json }
        // Digits and '[' start timestamps as well as JSON values: a prefixed
        // callback on the first lines, and no line that is JSON itself, says log.
        if prefix[i] != UInt8(ascii: "{") && prefix[i] != UInt8(ascii: "\""), LogSample(prefix, from: i).isPrefixedLog { return .log }
        switch prefix[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return .json
        default:
            break
        }
        if HTTPCapture.startsWithRequestLine(prefix[...]) { return .http }
        let head = leadingBase64(prefix, from: i)
        return Base64Documents.decodesToJSON(head[..<(head.startIndex + head.count / 4 * 4)]) ? .base64 : .json
    }

    /// The first line from `start`, without trailing blanks; while it is
    /// shorter than a group of four (a body wrapped very narrowly), the
    /// lines after it too, so the first group can be decoded.
    private static func leadingBase64(_ prefix: [UInt8], from start: Int) -> ArraySlice<UInt8> {
        var head: [UInt8] = []
        var lineStart = start
        repeat {
            var end = lineStart
            while end < prefix.count && prefix[end] != 0x0A { end += 1 }
            var last = end
            while last > lineStart && (prefix[last - 1] == 0x0D || prefix[last - 1] == 0x20 || prefix[last - 1] == 0x09) { last -= 1 }
            if lineStart == start && last - lineStart >= 4 { return prefix[lineStart..<last] }
            guard last > lineStart else { break }
            head += prefix[lineStart..<last]
            lineStart = end + 1
        } while head.count < 4 && lineStart < prefix.count && !head.contains(UInt8(ascii: "="))
        return head[...]
    }

    /// True when every body in the source, one per line or wrapped over
    /// lines of one width, is Base64 that decodes to a JSON object.
    public static func isBase64Source(_ source: [UInt8]) -> Bool {
        Base64Documents.allDecodeToJSON(source)
    }
}

/// The first lines of a source, as `--input auto` judges a log by them.
public struct LogSample {
    /// Lines holding a callback after a prefix.
    public private(set) var prefixedCallbacks = 0
    /// Lines holding a callback at their start: a JSON stream's lines.
    public private(set) var jsonLines = 0
    /// Non-blank lines looked at.
    public private(set) var lines = 0
    /// Lines with a blank inside them, as log lines have.
    public private(set) var wordyLines = 0

    /// How many lines are enough to judge.
    static let lineLimit = 16

    /// Looks at the whole lines of `prefix` from `start` (and at a last,
    /// unfinished line only when there is no whole one).
    public init(_ prefix: [UInt8], from start: Int = 0) {
        prefix.withUnsafeBytes { bytes in
            var lineStart = start
            while lineStart < bytes.count, lines < Self.lineLimit {
                let newline = ByteSearch.first(0x0A, in: bytes, from: lineStart, to: bytes.count)
                if newline == nil && lines > 0 { break }
                let lineEnd = newline ?? bytes.count
                var first = lineStart
                while first < lineEnd, [0x20, 0x09, 0x0D].contains(bytes[first]) { first += 1 }
                if first < lineEnd {
                    lines += 1
                    if let callback = LogLine.callbackStart(in: bytes, from: first, to: lineEnd) {
                        if callback == first { jsonLines += 1 } else { prefixedCallbacks += 1 }
                    }
                    if ByteSearch.first(0x20, in: bytes, from: first, to: lineEnd) != nil { wordyLines += 1 }
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// Read as a log: some line holds a prefixed callback, none is JSON.
    public var isPrefixedLog: Bool { prefixedCallbacks > 0 && jsonLines == 0 }

    /// Text lines like a log's, but none holding a callback yet (a log that
    /// starts with its service's start-up lines): auto mode cannot be sure.
    public var mayBeLog: Bool { prefixedCallbacks == 0 && jsonLines == 0 && lines >= 2 && wordyLines == lines }
}
