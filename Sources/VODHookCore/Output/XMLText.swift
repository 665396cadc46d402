/// Text for the tool's XML output, valid XML 1.0 whatever a payload holds:
/// markup characters become entities (so `]]>` never appears raw), and
/// characters XML 1.0 forbids even as references (most controls) or that a
/// terminal would act on are shown as `\u001b`-style escapes, as in JSON output.
public enum XMLText {
    /// Element content; line breaks and quotes are kept.
    public static func appendText(_ text: String, to out: inout [UInt8]) { append(text, keepingLineBreaks: true, to: &out) }

    /// An attribute value, for double quotes; line breaks are escaped, since a
    /// parser would fold them into spaces.
    public static func appendAttribute(_ text: String, to out: inout [UInt8]) { append(text, keepingLineBreaks: false, to: &out) }

    private static func append(_ text: String, keepingLineBreaks: Bool, to out: inout [UInt8]) {
        // A path or a rule ID is nearly always printable ASCII without markup: copy it whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.allSatisfy({ byte in
                byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                    && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
            }) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied == true { return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"" where !keepingLineBreaks: out.append("&quot;")
            case "'" where !keepingLineBreaks: out.append("&apos;")
            case "\n" where keepingLineBreaks: out.append(UInt8(ascii: "\n"))
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
    }
}
