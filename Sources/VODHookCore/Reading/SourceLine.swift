/// A piece of a source line for an excerpt; `firstColumn` is above 1 when
/// the excerpt starts after the line does.
public struct SourceLine: Sendable, Hashable {
    public var number: Int
    public var firstColumn: Int
    /// Source offset of `text`'s first byte.
    public var startOffset: Int
    public var text: [UInt8]
    /// The line goes on past `text`.
    public var continues: Bool
    public init(number: Int, firstColumn: Int, startOffset: Int, text: [UInt8], continues: Bool) {
        self.number = number
        self.firstColumn = firstColumn
        self.startOffset = startOffset
        self.text = text
        self.continues = continues
    }
}

extension SourceLine {
    /// The piece of the line around `offset` that `bytes` (starting at source
    /// offset `base`) holds; `position` is the offset's line and column.
    static func extract(from bytes: UnsafeRawBufferPointer, base: Int, offset: Int, reach: Int, position: SourcePosition) -> SourceLine {
        let local = offset - base
        var start = local
        while start > 0 && local - start < reach && bytes[start - 1] != 0x0A { start -= 1 }
        // Never start or stop inside a character.
        while start < local && bytes[start] & 0xC0 == 0x80 { start += 1 }
        var stop = local
        while stop < bytes.count && stop - local < reach && bytes[stop] != 0x0A { stop += 1 }
        // A character has at most three continuation bytes: a line of stray
        // ones must not make the excerpt as long as the line.
        var spill = 0
        while stop < bytes.count && stop > local && spill < 3 && bytes[stop] & 0xC0 == 0x80 {
            stop += 1
            spill += 1
        }
        let atLineEnd = stop == bytes.count || bytes[stop] == 0x0A
        if atLineEnd && stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
        let firstColumn = position.column - UTF8Count.scalars(in: bytes, from: start, to: local)
        return SourceLine(
            number: position.line, firstColumn: firstColumn, startOffset: base + start,
            text: Array(UnsafeRawBufferPointer(rebasing: bytes[start..<stop])), continues: !atLineEnd)
    }
}

/// Positions and excerpts for a document's findings; the reader provides them.
public protocol SourceLocator: AnyObject {
    func position(ofSourceOffset offset: Int) -> SourcePosition
    func sourceLine(containing offset: Int, reach: Int) -> SourceLine
}
