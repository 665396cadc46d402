import Platform
import VODHookCore

/// The line and column where decompressed text ends, and the end of its
/// last line: the place a damage finding points at, kept as the text goes
/// by because the reader's buffer is long gone when the damage shows.
struct TextEnd {
    /// Complete lines so far.
    private(set) var lines = 0
    /// Characters (UTF-8 scalars) of the unfinished last line.
    private(set) var columnScalars = 0
    /// The unfinished line's last bytes, at least `keep` of them (or all), for an excerpt.
    private(set) var tail: [UInt8] = []
    private(set) var length = 0
    let keep = 240

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var lineStart = 0
        while let found = Memory.first(0x0A, from: base + lineStart, count: bytes.count - lineStart) {
            lines += 1
            lineStart = found - base + 1
        }
        if lineStart > 0 {
            tail.removeAll(keepingCapacity: true)
            columnScalars = 0
        }
        for byte in bytes[lineStart...] where byte & 0xC0 != 0x80 { columnScalars += 1 }
        let from = max(lineStart, bytes.count - keep)
        // Bytes passed over leave a gap: the tail must run unbroken to the end.
        if from > lineStart { tail.removeAll(keepingCapacity: true) }
        tail.append(contentsOf: bytes[from...])
        // At least the line's last `keep` bytes stay, however the text came in pieces.
        if tail.count > 2 * keep { tail.removeFirst(tail.count - keep) }
        length += bytes.count
    }

    var position: SourcePosition { SourcePosition(line: lines + 1, column: columnScalars + 1) }
}

/// Positions for a damage finding: wherever it is asked about, the end of
/// the decompressed text.
final class TextEndLocator: SourceLocator {
    private let end: TextEnd
    init(_ end: TextEnd) { self.end = end }

    func position(ofSourceOffset offset: Int) -> SourcePosition { end.position }

    func sourceLine(containing offset: Int, reach: Int) -> SourceLine {
        // The same window whatever pieces the text came in: the line's last
        // bytes, never more than the tail is sure to hold.
        var text = Array(end.tail.suffix(min(max(reach, 0), end.keep)))
        var start = end.length - text.count
        // An excerpt never starts inside a character.
        let inside = text.prefix { $0 & 0xC0 == 0x80 }.count
        text.removeFirst(inside)
        start += inside
        let scalars = text.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return SourceLine(number: end.position.line, firstColumn: end.position.column - scalars, startOffset: start, text: text, continues: false)
    }
}
