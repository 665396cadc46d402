/// One MNS body's Base64 characters in the source: a single line, or the
/// lines of a body wrapped at a fixed width (as `base64` prints it), whose
/// line breaks are not part of the text.
struct Base64Blob {
    /// Each line's characters, without its line break and surrounding blanks.
    let lines: [Range<Int>]

    /// Source offset of the first character.
    var start: Int { lines[0].lowerBound }

    /// The Base64 text: a slice of the source for one line, a joined copy
    /// (indexed from 0) for a wrapped body.
    func text(in source: [UInt8]) -> ArraySlice<UInt8> {
        guard lines.count > 1 else { return source[lines[0]] }
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for line in lines { joined += source[line] }
        return joined[...]
    }

    /// Source offset of the text's `character`th character (0-based); past
    /// the end, the end of the last line.
    func sourceOffset(ofCharacter character: Int) -> Int {
        var remaining = max(character, 0)
        for line in lines {
            if remaining < line.count { return line.lowerBound + remaining }
            remaining -= line.count
        }
        return lines[lines.count - 1].upperBound
    }

    /// Source offset of the character where the encoding of decoded byte
    /// `offset` begins: every 3 bytes take 4 characters, and byte 3n+i
    /// starts in character 4n+i.
    func sourceOffset(ofDecodedByte offset: Int) -> Int {
        let byte = max(offset, 0)
        return sourceOffset(ofCharacter: byte / 3 * 4 + byte % 3)
    }

    /// Whether these lines have the shape of one wrapped body: every line
    /// but the last of one width, the last no wider, and '=' padding only
    /// at the very end (which may take whole lines when they are narrow).
    static func isWrappedShape(_ lines: [Range<Int>], in source: [UInt8]) -> Bool {
        guard lines.count > 1 else { return false }
        let width = lines[0].count
        guard lines.dropLast().allSatisfy({ $0.count == width }), lines[lines.count - 1].count <= width else { return false }
        guard let padded = lines.firstIndex(where: { source[$0].contains(UInt8(ascii: "=")) }) else { return true }
        let padding = source[lines[padded]].drop { $0 != UInt8(ascii: "=") }
        return padding.allSatisfy { $0 == UInt8(ascii: "=") }
            && lines[(padded + 1)...].allSatisfy { source[$0].allSatisfy { $0 == UInt8(ascii: "=") } }
    }
}
