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

    /// True when every byte is printable ASCII other than '"' and '\\': the literal is the text in quotes.
    @inline(__always)
    public static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    public static func appendOptionalString(_ text: String?, to out: inout [UInt8]) {
        if let text { appendString(text, to: &out) } else { out.append("null") }
    }
}
