/// Makes payload text safe to print: nothing from the input may reach a
/// terminal as a control character or an escape sequence.
public enum TerminalSafe {
    /// Characters of a value that `quoted` shows: a finding quotes a payload
    /// value to say which one, not to copy 100 MB of it into every message.
    /// No path is longer (PATH_MAX is 4096 bytes).
    public static let quotedLimit = 4096

    /// A value quoted for a message, with JSON-style escapes for anything a
    /// terminal would act on: `"Success"`, `"\u001b[2J"`. Past `quotedLimit`
    /// characters it is cut: `"xxx"… (104857600 bytes)`.
    public static func quoted(_ text: String) -> String {
        quoted(text, byteCount: nil)
    }

    /// `quoted(_:)` for the start of a longer value, `byteCount` long in all.
    static func quoted(_ text: String, byteCount: Int?) -> String {
        // Nearly every quoted name and value is printable ASCII without
        // quotes or backslashes: then each scalar is a byte the loop below
        // would copy as it is, and there are too few to cut. Copied whole,
        // it costs a fraction of appending scalar by scalar.
        if text.utf8.count <= quotedLimit, text.utf8.withContiguousStorageIfAvailable(isPlainPrintableASCII) == true {
            return "\"" + text + "\""
        }
        var out = "\""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == quotedLimit { return out + "\"… (\(byteCount ?? text.utf8.count) bytes)" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: append(scalar, to: &out)
            }
        }
        return out + "\""
    }

    /// Whether every byte is printable ASCII other than `"` and `\`, which
    /// `quoted` shows unchanged.
    private static func isPlainPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            return false
        }
        return true
    }

    /// Scalars of payload text a message quotes before cutting it short.
    public static let excerptLimit = 100

    /// Payload text quoted for a message, cut after `excerptLimit` scalars so
    /// a megabyte value cannot become a megabyte message: `"xxxx"... (1048576 characters)`.
    public static func quotedExcerpt(_ text: String) -> String {
        // A text of no more bytes than the limit has no more scalars either.
        if text.utf8.count <= excerptLimit { return quoted(text) }
        var scalars = text.unicodeScalars.makeIterator()
        var head = ""
        var count = 0
        while let scalar = scalars.next() {
            if count < excerptLimit { head.unicodeScalars.append(scalar) }
            count += 1
        }
        return count <= excerptLimit ? quoted(text) : quoted(head) + "... (\(count) characters)"
    }

    /// A scalar that must not be printed raw: controls (C0, C1, DEL), and
    /// anything invisible or unprintable that would make a quoted value look
    /// like another: format characters (bidirectional overrides, zero-width
    /// spaces, the byte-order mark), spaces other than U+0020, line and
    /// paragraph separators, private-use and unassigned code points.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x7F { return scalar.value < 0x20 }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// The escape that stands for an unsafe scalar: `\n`, `\t`, `\u001b`,
    /// `\u202e`; beyond U+FFFF a surrogate pair (`\udb80\udc00` for
    /// U+F0000), as JSON spells it: one five-digit `\u` escape would read
    /// as U+F000 followed by "0".
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            guard scalar.value > 0xFFFF else { return unitEscape(scalar.value) }
            let offset = scalar.value - 0x1_0000
            return unitEscape(0xD800 + (offset >> 10)) + unitEscape(0xDC00 + (offset & 0x3FF))
        }
    }

    private static func unitEscape(_ unit: UInt32) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    public static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
    }

    /// Source bytes made printable: unsafe scalars escaped, bytes that are
    /// not UTF-8 written as `\xFF`. Also returns, for each input scalar, the
    /// display column where it starts, so a marker can be placed under it.
    public static func line(_ bytes: [UInt8]) -> (text: String, columns: [Int]) {
        var text = ""
        var columns: [Int] = []
        var width = 0
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                columns.append(width)
                let piece: String
                switch UTF8Sequence.decode(raw, at: i, count: raw.count) {
                case .scalar(let scalar, let length):
                    i += length
                    // A tab shows as one space so the marker lines up with the column count.
                    piece = scalar == "\t" ? " " : needsEscape(scalar) ? escape(scalar) : String(scalar)
                case .truncated, .invalid:
                    piece = "\\x" + raw[i].hex2
                    i += 1
                }
                text += piece
                width += piece.unicodeScalars.count
            }
        }
        columns.append(width)
        return (text, columns)
    }
}
