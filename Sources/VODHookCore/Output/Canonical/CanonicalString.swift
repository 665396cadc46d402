/// RFC 8785 §3.2.2.2 string serialization: ECMAScript JSON.stringify escapes
/// only what JSON requires, so two serializers agree byte for byte.
public enum CanonicalString {
    /// Appends the decoded string `utf8` as a quoted JSON string literal:
    /// '"' and '\' backslash-escaped, U+0008/09/0A/0C/0D as \b \t \n \f \r,
    /// other controls below U+0020 as lowercase \u00xx, everything else
    /// (including '/', U+007F and non-ASCII) copied verbatim.
    public static func append(_ utf8: some Collection<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0x08: appendShortEscape(UInt8(ascii: "b"), to: &output)
            case 0x09: appendShortEscape(UInt8(ascii: "t"), to: &output)
            case 0x0A: appendShortEscape(UInt8(ascii: "n"), to: &output)
            case 0x0C: appendShortEscape(UInt8(ascii: "f"), to: &output)
            case 0x0D: appendShortEscape(UInt8(ascii: "r"), to: &output)
            case 0x00..<0x20:
                output.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    lowercaseHex(byte >> 4), lowercaseHex(byte & 0x0F),
                ])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendShortEscape(_ letter: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        output.append(letter)
    }

    private static func lowercaseHex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
