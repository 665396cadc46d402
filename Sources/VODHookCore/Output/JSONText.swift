/// JSON string literals for the tool's own JSON output. Like RFC 8785's
/// escaping, plus \u escapes for DEL, C1 controls, line separators and
/// bidi controls: valid JSON either way, and safe if it lands on a terminal.
public enum JSONText {
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        // Printable ASCII other than '"' and '\\' needs no escape: copy it whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard isPlain(utf8) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if copied == true { return }
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            default:
                if TerminalSafe.needsEscape(scalar) {
                    out.append(string: TerminalSafe.escape(scalar))
                } else if scalar.isASCII {
                    out.append(UInt8(scalar.value))
                } else {
                    JSONString.appendUTF8(scalar.value, to: &out)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// True when every byte is printable ASCII other than '"' and '\\': the
    /// literal is the text in quotes. Eight bytes at a time: a byte a time
    /// cost ~150 instructions an event type of `check --format json`'s records.
    @inline(__always)
    public static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var at = 0
        while at + 8 <= utf8.count {
            if needsEscape(word: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) { return false }
            at += 8
        }
        while at < utf8.count {
            let byte = base[at]
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            at += 1
        }
        return true
    }

    /// Whether any of the word's eight bytes is not plain (see `isPlain`).
    /// Once no byte has its high bit set, `x - 0x01..01` borrows into a
    /// byte's high bit exactly where `x` has a zero byte, so "below 0x20",
    /// "is DEL", "is a quote" and "is a backslash" are each a few operations.
    @inline(__always)
    static func needsEscape(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        if word & high != 0 { return true }
        let below = (word &- ones &* 0x20) & ~word & high
        let delete = (word &+ ones) & high
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & high
        let backslashes = (backslash &- ones) & ~backslash & high
        return below | delete | quotes | backslashes != 0
    }

    public static func appendOptionalString(_ text: String?, to out: inout [UInt8]) {
        if let text { appendString(text, to: &out) } else { out.append("null") }
    }
}
