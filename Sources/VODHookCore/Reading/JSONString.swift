/// Decoding of string tokens the parser has already validated, so nothing
/// here can fail: every escape is well-formed and surrogates are paired.
enum JSONString {
    /// Appends the decoded UTF-8 of the string token `start..<end` (quotes included).
    static func decode(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int, into out: inout [UInt8]) {
        var i = start + 1
        let last = end - 1
        while i < last {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let kind = bytes[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = UInt32(quad(bytes, at: i))
                i += 4
                if value & 0xFC00 == 0xD800 {
                    let low = UInt32(quad(bytes, at: i + 2))
                    i += 6
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(value, to: &out)
            default: out.append(kind)
            }
        }
    }

    /// Decodes like `decode`, and says where each decoded byte came from:
    /// `origins[k]` is the buffer offset of the character or escape that
    /// produced byte `k`, and one more entry holds the closing quote's, so a
    /// finding in JSON text held in a string lands on the escaped text.
    static func decodeWithOrigins(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> (decoded: [UInt8], origins: [Int]) {
        var decoded: [UInt8] = []
        var origins: [Int] = []
        decoded.reserveCapacity(end - start)
        origins.reserveCapacity(end - start)
        var i = start + 1
        let last = end - 1
        while i < last {
            let escape = i
            let before = decoded.count
            guard bytes[i] == UInt8(ascii: "\\") else {
                decoded.append(bytes[i])
                origins.append(i)
                i += 1
                continue
            }
            // One escape at a time through `decode`, which knows them all.
            var length = bytes[i + 1] == UInt8(ascii: "u") ? 6 : 2
            if length == 6, quad(bytes, at: i + 2) & 0xFC00 == 0xD800 { length = 12 }
            decode(bytes, start: i - 1, end: i + length + 1, into: &decoded)
            origins.append(contentsOf: repeatElement(escape, count: decoded.count - before))
            i += length
        }
        origins.append(last)
        return (decoded, origins)
    }

    private static func quad(_ bytes: UnsafeRawBufferPointer, at i: Int) -> UInt16 {
        var value: UInt16 = 0
        for k in 0..<4 { value = value << 4 | UInt16(hexValue(bytes[i + k]) ?? 0) }
        return value
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
