/// `--at POINTER`: where the callback sits inside each document (RFC 6901),
/// for structured JSON logs (`{"level":"info","body":{...}}`), log-service
/// exports and envelopes of one's own.
public struct EnvelopePointer: Sendable, Hashable {
    /// The pointer as the user wrote it: `/body`, `/a~1b` for the key "a/b".
    public let text: String
    /// Each reference token, unescaped (`~1` is '/', `~0` is '~').
    let tokens: [[UInt8]]

    /// Nil when `text` is not a JSON Pointer: not empty and not starting
    /// with '/', or a '~' not followed by '0' or '1'.
    public init?(_ text: String) {
        self.text = text
        guard !text.isEmpty else {
            tokens = []
            return
        }
        let bytes = Array(text.utf8)
        guard bytes[0] == UInt8(ascii: "/") else { return nil }
        var tokens: [[UInt8]] = []
        for raw in bytes.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            var token: [UInt8] = []
            var i = raw.startIndex
            while i < raw.endIndex {
                if raw[i] == UInt8(ascii: "~") {
                    guard i + 1 < raw.endIndex, raw[i + 1] == UInt8(ascii: "0") || raw[i + 1] == UInt8(ascii: "1") else { return nil }
                    token.append(raw[i + 1] == UInt8(ascii: "0") ? UInt8(ascii: "~") : UInt8(ascii: "/"))
                    i += 2
                } else {
                    token.append(raw[i])
                    i += 1
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// What the pointer finds in a document.
    public enum Target: Equatable {
        /// The callback itself: an object at this tape index.
        case object(Int)
        /// A string at this tape index, which should hold the callback's JSON text.
        case string(Int)
        /// Nothing to read: why, and the tape index where looking stopped.
        case missing(String, at: Int)
    }

    public func resolve(in document: JSONDocument) -> Target {
        var node = document.root
        var walked = ""
        for token in tokens {
            let name = String(decoding: token, as: UTF8.self)
            let here = walked.isEmpty ? "the document" : TerminalSafe.quotedExcerpt(walked)
            switch document[node].kind {
            case .object:
                let member = document.members(of: node).first { member in
                    document.withDecodedString(member.key) { $0.elementsEqual(token) }
                }
                guard let member else { return .missing("\(here) has no member \(TerminalSafe.quotedExcerpt(name))", at: node) }
                node = member.value
            case .array:
                let count = Int(document[node].count)
                guard let index = Self.arrayIndex(token), index < count else {
                    return .missing("\(here) is an array of \(count), with no element \(TerminalSafe.quotedExcerpt(name))", at: node)
                }
                node = Array(document.elements(of: node))[index]
            default:
                return .missing("\(here) is \(document[node].kind.nameWithArticle), which has no member \(TerminalSafe.quotedExcerpt(name))", at: node)
            }
            walked += "/" + JSONPointer.escape(name)
        }
        switch document[node].kind {
        case .object: return .object(node)
        case .string: return .string(node)
        default:
            let what = walked.isEmpty ? "the document" : TerminalSafe.quotedExcerpt(walked)
            return .missing("\(what) is \(document[node].kind.nameWithArticle), not an object or a string holding one", at: node)
        }
    }

    /// RFC 6901 array indices: "0", or digits without a leading zero.
    private static func arrayIndex(_ token: [UInt8]) -> Int? {
        guard !token.isEmpty, token.count <= 9, token.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              token == [UInt8(ascii: "0")] || token[0] != UInt8(ascii: "0")
        else { return nil }
        return token.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
