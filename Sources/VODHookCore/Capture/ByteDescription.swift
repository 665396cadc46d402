/// Names a byte for an error message without letting control characters,
/// quotes or broken UTF-8 into the output: printable ASCII is quoted, anything
/// else is shown in hex.
func describeByte(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "'"):
        return "\"'\""
    case 0x21...0x7e:
        return "'" + String(UnicodeScalar(byte)) + "'"
    case UInt8(ascii: " "):
        return "space"
    case UInt8(ascii: "\t"):
        return "tab"
    case UInt8(ascii: "\r"):
        return "carriage return"
    case UInt8(ascii: "\n"):
        return "line feed"
    default:
        return "byte " + hexByte(byte)
    }
}

/// "0x" and two lowercase hex digits.
func hexByte(_ byte: UInt8) -> String {
    "0x" + lowercaseHex(CollectionOfOne(byte))
}

/// Quotes text taken from a capture for a message: printable ASCII kept,
/// anything else escaped, long text cut, so a message stays one safe line.
func quoteForMessage(_ bytes: ArraySlice<UInt8>, limit: Int = 40) -> String {
    var text = "'"
    for byte in bytes.prefix(limit) {
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\\"):
            text += "\\" + String(UnicodeScalar(byte))
        case 0x20...0x7e:
            text.unicodeScalars.append(UnicodeScalar(byte))
        default:
            text += "\\x" + lowercaseHex(CollectionOfOne(byte))
        }
    }
    if bytes.count > limit {
        text += "..."
    }
    return text + "'"
}
