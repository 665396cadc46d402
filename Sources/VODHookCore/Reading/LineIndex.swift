/// Turns source offsets into lines and columns, lazily: newlines are indexed
/// only when someone asks for a position, and only once per byte, so a
/// million findings in one huge line cost a binary search each, not a rescan.
struct LineIndex {
    /// Source offsets of the line feeds in `[indexedFrom, indexedTo)`.
    private var newlines: [Int] = []
    /// Line feeds before `indexedFrom`.
    private var newlinesBefore = 0
    private var indexedFrom = 0
    private var indexedTo = 0
    /// Scalars between the start of the line and the buffer base, when the
    /// reader dropped the start of a long line.
    private var baseColumn = 0
    /// The last column computed, so that queries moving forward along one
    /// long line cost only the distance moved.
    private var cachedOffset = -1
    private var cachedColumn = 0
    /// The last answer of `newlinesBelow`, where the next search starts.
    private var lastBelow = 0

    init() {}

    /// An index whose first byte is not the source's, but the one at `start`.
    init(at start: ReadStart) {
        newlinesBefore = start.line - 1
        baseColumn = start.column - 1
        indexedFrom = start.offset
        indexedTo = start.offset
    }

    /// Called before the reader drops the bytes before `keep`. Line feeds not
    /// yet indexed are counted, not stored, since they are about to go.
    mutating func forget(upTo keep: Int, in bytes: UnsafeRawBufferPointer, base: Int) {
        let from = max(indexedTo, base)
        var unindexed = 0
        var lastNewline = -1
        if from < keep {
            unindexed = ByteSearch.count(0x0A, in: bytes, from: from - base, to: keep - base)
            if unindexed > 0, let last = ByteSearch.last(0x0A, in: bytes, from: from - base, to: keep - base) {
                lastNewline = last + base
            }
        }
        let dropped = newlines.partitioningIndex { $0 >= keep }
        if lastNewline < 0 && dropped > 0 { lastNewline = newlines[dropped - 1] }
        if lastNewline >= base {
            baseColumn = UTF8Count.scalars(in: bytes, from: lastNewline + 1 - base, to: keep - base)
        } else {
            baseColumn += UTF8Count.scalars(in: bytes, from: 0, to: keep - base)
        }
        newlinesBefore += dropped + unindexed
        newlines.removeFirst(dropped)
        lastBelow = 0
        indexedFrom = keep
        indexedTo = max(indexedTo, keep)
        cachedOffset = -1
    }

    mutating func line(of offset: Int, in bytes: UnsafeRawBufferPointer, base: Int) -> Int {
        index(through: offset, in: bytes, base: base)
        return newlinesBefore + newlinesBelow(offset) + 1
    }

    /// How many indexed line feeds come before `offset`. Queries mostly move
    /// forward a line or two (a stream's documents, one after the other), so
    /// the search steps on from the last answer before it bisects.
    private mutating func newlinesBelow(_ offset: Int) -> Int {
        var below = min(lastBelow, newlines.count)
        if below == 0 || newlines[below - 1] < offset {
            for _ in 0..<4 {
                if below == newlines.count || newlines[below] >= offset {
                    lastBelow = below
                    return below
                }
                below += 1
            }
        }
        lastBelow = newlines.partitioningIndex { $0 >= offset }
        return lastBelow
    }

    mutating func position(of offset: Int, in bytes: UnsafeRawBufferPointer, base: Int) -> SourcePosition {
        let line = line(of: offset, in: bytes, base: base)
        let previous = line - newlinesBefore - 2
        let lineStart = previous >= 0 ? newlines[previous] + 1 : base
        let column: Int
        if cachedOffset >= lineStart && cachedOffset <= offset {
            column = cachedColumn + UTF8Count.scalars(in: bytes, from: cachedOffset - base, to: offset - base)
        } else {
            let startColumn = previous >= 0 ? 1 : baseColumn + 1
            column = startColumn + UTF8Count.scalars(in: bytes, from: lineStart - base, to: offset - base)
        }
        cachedOffset = offset
        cachedColumn = column
        return SourcePosition(line: line, column: column)
    }

    private mutating func index(through offset: Int, in bytes: UnsafeRawBufferPointer, base: Int) {
        if indexedTo < base { indexedTo = base }
        let limit = min(offset, base + bytes.count)
        guard indexedTo < limit else { return }
        var i = indexedTo - base
        let stop = limit - base
        while let found = ByteSearch.first(0x0A, in: bytes, from: i, to: stop) {
            newlines.append(found + base)
            i = found + 1
        }
        indexedTo = limit
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be
    /// false then true along the array (binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
