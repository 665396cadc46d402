#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The inputs of the stress run. Each generator knows what `check` must
/// report on its output, so the run can assert counts, not just survival.
enum Generate {
    struct Counts {
        var documents = 0
        var valid = 0
        var invalid = 0
        var broken = 0
        var bytes = 0
    }

    static let hex = Array("0123456789abcdef".utf8)

    static func callback(_ random: inout Random, status: String = "success", extra: String = "") -> String {
        let id = String(decoding: (0..<32).map { _ in hex[random.below(16)] }, as: UTF8.self)
        let time = "2024-0\(1 + random.below(9))-1\(random.below(10))T0\(random.below(10)):1\(random.below(10)):2\(random.below(10))Z"
        var text = #"{"EventType":"DeleteMediaComplete","EventTime":""# + time + #"","Status":""# + status
        text += #"","MediaType":"video","DeleteType":"all","MediaId":""# + id + "\""
        if status == "fail" { text += #","ErrorCode":"InvalidVideo.NotFound","ErrorMessage":"The video does not exist.""# }
        return text + extra + "}"
    }

    /// A log as captured: mostly valid callbacks, some that break the spec,
    /// some that are not JSON at all, a few blank lines. Every broken line
    /// fails at a byte of its own line and holds no '{' or '[' after that,
    /// so each non-blank line is exactly one document.
    static func ndjson(to path: String, lines: Int, seed: UInt64) -> Counts {
        let out = Output(path)
        var random = Random(seed: seed)
        var counts = Counts()
        let invalidStatuses = ["failed", "Success", "", "ok"]
        for _ in 0..<lines {
            let roll = random.below(100)
            var line: String
            var bytes: [UInt8]? = nil
            switch roll {
            case 0..<2:
                line = random.below(2) == 0 ? "" : " \t "
            case 2..<60:
                line = callback(&random)
                counts.valid += 1
            case 60..<68:
                line = callback(&random, status: "fail")
                counts.valid += 1
            case 68..<72:
                // Hostile but well-formed text: valid, and must print escaped.
                line = callback(&random, extra: #","JobIds":"\u001b[2J\u009b31m\u202e""#)
                counts.valid += 1
            case 72..<85:
                // Well-formed JSON that breaks the spec: a Status it does not allow.
                line = callback(&random, status: invalidStatuses[random.below(invalidStatuses.count)])
                counts.invalid += 1
            default:
                bytes = brokenLine(&random)
                line = ""
                counts.invalid += 1
                counts.broken += 1
            }
            let data = bytes ?? Array(line.utf8)
            if !data.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { counts.documents += 1 }
            out.write(data + [0x0A])
        }
        counts.bytes = out.written
        out.close()
        return counts
    }

    static func brokenLine(_ random: inout Random) -> [UInt8] {
        switch random.below(5) {
        case 0:
            let valid = Array(callback(&random).utf8)
            return Array(valid[0..<(1 + random.below(valid.count - 2))])
        case 1:
            let starts = Array("abcxyz#+.:,".utf8)
            return [starts[random.below(starts.count)]] + (0..<random.below(120)).map { _ in safeByte(&random) }
        case 2:
            let forms: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x80]]
            return Array(#"{"EventType":"DeleteMediaComplete","ErrorMessage":""#.utf8) + forms[random.below(forms.count)] + Array("\"}".utf8)
        case 3:
            let control: UInt8 = random.below(2) == 0 ? 0x00 : 0x1B
            return Array(#"{"EventType":"DeleteMediaComplete","Status":"su"#.utf8) + [control] + Array("ccess\"}".utf8)
        default:
            return Array(callback(&random, extra: #","MediaId":"00000000000000000000000000000000""#).utf8)
        }
    }

    static func safeByte(_ random: inout Random) -> UInt8 {
        while true {
            let byte = UInt8(truncatingIfNeeded: random.next())
            if byte != 0x0A && byte != 0x1E && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[") { return byte }
        }
    }

    static func random(to path: String, bytes: Int, seed: UInt64) {
        let out = Output(path)
        var random = Random(seed: seed)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = bytes
        while remaining > 0 {
            for i in stride(from: 0, to: block.count, by: 8) {
                withUnsafeBytes(of: random.next()) { word in
                    for k in 0..<8 { block[i + k] = word[k] }
                }
            }
            out.write(Array(block.prefix(remaining)))
            remaining -= min(remaining, block.count)
        }
        out.close()
    }

    /// Arrays opened `depth` deep on one line, then a valid callback on the next.
    static func deep(to path: String, depth: Int) {
        let out = Output(path)
        var remaining = depth
        let chunk = [UInt8](repeating: UInt8(ascii: "["), count: 1 << 16)
        while remaining > 0 {
            out.write(Array(chunk.prefix(remaining)))
            remaining -= min(remaining, chunk.count)
        }
        var random = Random(seed: 1)
        out.write("\n" + callback(&random) + "\n")
        out.close()
    }

    /// One callback with a string `bytes` long, an escape now and then: the
    /// value of JobIds (a valid callback), of Status (an invalid value, which
    /// the validator quotes and tries to correct) or, for "key", a key.
    static func hugeString(to path: String, bytes: Int, place: String) {
        let out = Output(path)
        var random = Random(seed: 2)
        let head = callback(&random, status: "fail")
        switch place {
        case "key": out.write(String(head.dropLast()) + #",""#)
        case "Status": out.write(#"{"EventType":"DeleteMediaComplete","Status":""#)
        default: out.write(String(head.dropLast()) + #","\#(place)":""#)
        }
        let piece = Array((String(repeating: "x", count: 1000) + #"\n"#).utf8)
        var remaining = bytes
        while remaining > 0 {
            let count = min(remaining, piece.count)
            // Never cut an escape in half: pad the tail with plain letters.
            out.write(count == piece.count ? piece : [UInt8](repeating: UInt8(ascii: "y"), count: count))
            remaining -= count
        }
        out.write(place == "key" ? "\":1}\n" : "\"}\n")
        out.close()
    }

    /// One callback with `count` extra keys: each is an unknown-field warning.
    static func manyKeys(to path: String, count: Int) {
        let out = Output(path)
        var random = Random(seed: 3)
        out.write(String(callback(&random).dropLast()))
        for k in 0..<count { out.write(",\"key\(k)\":\(k)") }
        out.write("}\n")
        out.close()
    }

    /// Numbers `digits` long: an integer, a fraction and an exponent.
    static func longNumbers(to path: String, digits: Int) {
        let out = Output(path)
        let run = [UInt8](repeating: UInt8(ascii: "7"), count: digits)
        out.write(Array(#"{"EventType":"DeleteMediaComplete","A":"#.utf8) + run)
        out.write(Array(#","B":-0."#.utf8) + run + Array("e-".utf8) + run + Array("}\n".utf8))
        out.close()
    }

    /// One object of exactly `bytes` bytes and a line feed: `{"a":"xx...x"}`.
    /// Not terminated, the string never ends: the document that would
    /// otherwise take all memory.
    static func sizedDocument(to path: String, bytes: Int, terminated: Bool) {
        let out = Output(path)
        out.write(#"{"a":""#)
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        var remaining = bytes - 8
        while remaining > 0 {
            out.write(Array(chunk.prefix(remaining)))
            remaining -= min(remaining, chunk.count)
        }
        out.write(terminated ? "\"}\n" : "xx\n")
        out.close()
    }

    /// `[0,0,...]` with `count` zeros: `count + 1` values in a body.
    static func zeros(to path: String, count: Int) {
        let out = Output(path)
        out.write("[0")
        let chunk = [UInt8](String(repeating: ",0", count: 1 << 16).utf8)
        var remaining = count - 1
        while remaining > 0 {
            let take = min(remaining, 1 << 16)
            out.write(Array(chunk.prefix(2 * take)))
            remaining -= take
        }
        out.write("]\n")
        out.close()
    }

    /// NUL bytes in every place a byte can be; returns the number of documents.
    /// The source starts like JSON: one that starts with a NUL is a binary
    /// file, one `source-encoding` finding, and the reader would see no line.
    static func nulBytes(to path: String) -> Int {
        let lines: [[UInt8]] = [
            Array("{\"a\":\"".utf8) + [0] + Array("\"}".utf8), [0], [0, 0, 0], Array("{\"".utf8) + [0] + Array("\":1}".utf8),
            Array("{\"a\":1".utf8) + [0] + Array("}".utf8), Array("{\"a\":1}".utf8) + [0], Array("x".utf8) + [0, 0x1B],
        ]
        let out = Output(path)
        for line in lines { out.write(line + [0x0A]) }
        out.close()
        return lines.count
    }

    /// Every kind of invalid UTF-8, outside strings, in strings and in keys,
    /// one per line; returns the number of documents.
    static func invalidUTF8(to path: String) -> Int {
        let forms: [[UInt8]] = [
            [0x80], [0xBF], [0x80, 0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xC2], [0xE1, 0x80], [0xF1, 0x80, 0x80],
            [0xC2, 0x41], [0xE1, 0x80, 0x41], [0xF1, 0x80, 0x80, 0x41],
        ]
        let out = Output(path)
        var documents = 0
        for form in forms {
            out.write(form + [0x0A])
            out.write(Array("{\"a\":\"".utf8) + form + Array("\"}\n".utf8))
            out.write(Array("{\"".utf8) + form + Array("\":1}\n".utf8))
            documents += 3
        }
        out.close()
        return documents
    }
}
