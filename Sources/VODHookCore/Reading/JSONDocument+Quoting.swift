extension JSONDocument {
    /// A string node quoted for a message, as `TerminalSafe.quoted` does, but
    /// decoding only what the quote can show: a 100 MB value took two decoded
    /// copies of itself per finding, for a message that shows 4096 characters.
    func quotedForMessage(_ index: Int) -> String {
        let node = nodes[index]
        let length = node.end - node.start - 2
        // An escaped character takes at most 12 source bytes (a surrogate pair),
        // so this prefix always holds more characters than a quote shows.
        let showable = 12 * (TerminalSafe.quotedLimit + 2)
        guard length > showable else { return TerminalSafe.quoted(string(index)) }
        var cut = node.start + 1
        while cut < node.start + 1 + showable {
            guard bytes[cut] == UInt8(ascii: "\\") else {
                cut += 1
                continue
            }
            guard bytes[cut + 1] == UInt8(ascii: "u") else {
                cut += 2
                continue
            }
            var unit: UInt16 = 0
            for k in 2..<6 { unit = unit << 4 | UInt16(hexValue(bytes[cut + k]) ?? 0) }
            // The parser admits a high surrogate only with its low one after it.
            cut += unit & 0xFC00 == 0xD800 ? 12 : 6
        }
        while bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        var decoded: [UInt8] = []
        JSONString.decode(bytes, start: node.start, end: cut + 1, into: &decoded)
        return TerminalSafe.quoted(String(decoding: decoded, as: UTF8.self), byteCount: length)
    }

    /// The decoded string, or nil when its source is longer than `limit` bytes:
    /// for comparisons with short names, which a long value can never match.
    func shortString(_ index: Int, limit: Int) -> String? {
        nodes[index].end - nodes[index].start - 2 <= limit ? string(index) : nil
    }
}
