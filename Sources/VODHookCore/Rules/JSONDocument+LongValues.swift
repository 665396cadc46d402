extension JSONDocument {
    /// Values longer than this in the source are never decoded whole for a
    /// finding: no field name, allowed value, alias or near miss is this long,
    /// and a 100 MB value decoded for each use cost several times its size.
    static let longestComparedText = 4096

    /// Whether a string's source is longer than `longestComparedText`, so
    /// it cannot equal any name or allowed value and is not decoded to compare.
    func isLongString(_ index: Int) -> Bool {
        nodes[index].end - nodes[index].start - 2 > Self.longestComparedText
    }

    /// The first byte of a string's decoded text, decoding only its first character.
    func firstDecodedByte(_ index: Int) -> UInt8? {
        let node = nodes[index]
        guard node.end - node.start > 2 else { return nil }
        guard bytes[node.start + 1] == UInt8(ascii: "\\") else { return bytes[node.start + 1] }
        var first: [UInt8] = []
        // An escape is at most 12 bytes (a surrogate pair); decode reads whole escapes.
        JSONString.decode(bytes, start: node.start, end: min(node.end, node.start + 14), into: &first)
        return first.first
    }

    /// The decoded string, or nil when its source is longer than
    /// `longestComparedText`: for comparisons with short names.
    func shortString(_ index: Int) -> String? {
        nodes[index].end - nodes[index].start - 2 <= Self.longestComparedText ? string(index) : nil
    }

    /// `TerminalSafe.quotedExcerpt(string(index))`, decoding only the start
    /// the excerpt shows and counting the rest's characters in place.
    func quotedExcerpt(_ index: Int) -> String {
        let node = nodes[index]
        let start = node.start + 1, end = node.end - 1
        guard end - start > Self.longestComparedText else { return TerminalSafe.quotedExcerpt(string(index)) }
        var characters = 0
        // Where the source holds more characters than the excerpt shows.
        var cut = -1
        var i = start
        while i < end {
            if characters == TerminalSafe.excerptLimit + 1 && cut < 0 { cut = i }
            if bytes[i] == UInt8(ascii: "\\") {
                // The parser admits a high surrogate only with its low one after it.
                i += bytes[i + 1] != UInt8(ascii: "u") ? 2 : (isHighSurrogateEscape(at: i) ? 12 : 6)
            } else {
                i += 1
                while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
            characters += 1
        }
        guard cut >= 0 else { return TerminalSafe.quotedExcerpt(string(index)) }
        var head: [UInt8] = []
        // decode reads between a quote at `start` and one before `end`.
        JSONString.decode(bytes, start: node.start, end: cut + 1, into: &head)
        var text = ""
        for scalar in String(decoding: head, as: UTF8.self).unicodeScalars.prefix(TerminalSafe.excerptLimit) {
            text.unicodeScalars.append(scalar)
        }
        return TerminalSafe.quoted(text) + "... (\(characters) characters)"
    }

    private func isHighSurrogateEscape(at backslash: Int) -> Bool {
        var unit: UInt16 = 0
        for k in 2..<6 { unit = unit << 4 | UInt16(hexValue(bytes[backslash + k]) ?? 0) }
        return unit & 0xFC00 == 0xD800
    }
}
