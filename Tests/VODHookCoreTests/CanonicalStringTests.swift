import Testing
import VODHookCore

@Suite struct CanonicalStringTests {
    private func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        CanonicalString.append(text.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 8785 §3.2.2.2's example string, given there in escaped source form.
    @Test func rfc8785StringExample() {
        let decoded = "\u{20AC}$\u{000F}\u{000A}A'\u{0042}\u{0022}\u{005C}\\\"/"
        #expect(quoted(decoded) == #""€$\u000f\nA'B\"\\\\\"/""#)
    }

    @Test func everyControlCharacter() {
        let short: [UInt8: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
        let hex = Array("0123456789abcdef")
        for byte in UInt8(0)..<0x20 {
            let expected = short[byte] ?? #"\u00"# + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            #expect(quoted(String(UnicodeScalar(byte))) == "\"" + expected + "\"")
        }
    }

    /// JSON.stringify leaves these alone, so JCS must too.
    @Test func printableAndNonASCIIPassThrough() {
        #expect(quoted("/") == #""/""#)
        #expect(quoted("\u{7F}") == "\"\u{7F}\"")
        #expect(quoted("\u{2028}\u{2029}") == "\"\u{2028}\u{2029}\"")
        #expect(quoted("é\u{1F600}\u{FFFF}") == "\"é\u{1F600}\u{FFFF}\"")
        #expect(quoted("") == #""""#)
    }

    @Test func appendsAfterExistingOutput() {
        var output = Array("{".utf8)
        CanonicalString.append("k\"".utf8, to: &output)
        #expect(output == Array(#"{"k\"""#.utf8))
    }
}
