/// A request line, `METHOD SP target SP HTTP/1.x` (RFC 9112 §3).
///
/// Recognition is deliberately narrow, because it decides where requests
/// begin and whether an input is a capture at all: the method must start with
/// an uppercase letter, so no JSON text (which starts with `{ [ " - t f n` or a
/// digit) can ever look like a request line.
struct HTTPRequestLine {
    let method: Range<Int>
    let target: Range<Int>
    let version: Range<Int>

    init?(_ source: HTTPSource, _ line: HTTPLine) {
        let bytes = source.bytes
        let stop = line.contentEnd
        var position = line.start

        guard position < stop, (0x41...0x5a).contains(bytes[position]) else { return nil }
        while position < stop, isTokenByte(bytes[position]) { position += 1 }
        let method = line.start..<position
        guard position < stop, bytes[position] == 0x20 else { return nil }
        position += 1

        let targetStart = position
        while position < stop, isTargetByte(bytes[position]) { position += 1 }
        let target = targetStart..<position
        guard !target.isEmpty, position < stop, bytes[position] == 0x20 else { return nil }
        position += 1

        let versionStart = position
        let prefix: StaticString = "HTTP/1."
        let prefixLength = prefix.utf8CodeUnitCount
        guard stop - position >= prefixLength + 1 else { return nil }
        for offset in 0..<prefixLength where bytes[position + offset] != prefix.utf8Start[offset] {
            return nil
        }
        position += prefixLength
        guard (0x30...0x39).contains(bytes[position]) else { return nil }
        position += 1
        let version = versionStart..<position

        // Trailing blanks are tolerated: they come from hand-edited captures, not from attacks.
        guard bytes[position..<stop].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        self.method = method
        self.target = target
        self.version = version
    }
}

/// RFC 9110 §5.6.2 tchar: what methods and field names are made of.
func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5a, 0x61...0x7a:
        return true
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
         UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
         UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
        return true
    default:
        return false
    }
}

// Targets are visible ASCII; bytes above 0x7f are let through because captures
// of misbehaving clients contain raw UTF-8 paths and they should still be read.
private func isTargetByte(_ byte: UInt8) -> Bool {
    (0x21...0x7e).contains(byte) || byte >= 0x80
}
