/// The capture bytes with the line-level questions the reader asks of them.
/// Lines end in LF; a CR before the LF is part of the line end, so CRLF and
/// bare LF files (and mixtures) read the same.
struct HTTPSource {
    let bytes: ArraySlice<UInt8>

    var end: Int { bytes.endIndex }

    /// The line starting at `start`, which must be a valid index or `end`.
    func line(at start: Int) -> HTTPLine {
        let lineFeed = bytes[start...].firstIndex(of: 0x0a)
        let stop = lineFeed ?? end
        let contentEnd = stop > start && bytes[stop - 1] == 0x0d && lineFeed != nil ? stop - 1 : stop
        return HTTPLine(start: start, contentEnd: contentEnd, next: lineFeed.map { $0 + 1 } ?? end)
    }

    /// Whether the line holds nothing but spaces, tabs and stray CRs.
    func isBlank(_ line: HTTPLine) -> Bool {
        bytes[line.start..<line.contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }
    }

    /// The start of the first line at or after `start` that is not blank, or `end`.
    func skipBlankLines(from start: Int) -> Int {
        var position = start
        while position < end {
            let line = line(at: position)
            guard isBlank(line) else { return position }
            position = line.next
        }
        return end
    }

    /// The start of the first request line among the lines from `start` (a line
    /// start) up to, not including, lines that begin at `limit`; nil if none.
    func nextRequestLine(from start: Int, before limit: Int? = nil) -> Int? {
        let stop = limit ?? end
        var position = start
        while position < stop {
            let line = line(at: position)
            if HTTPRequestLine(self, line) != nil { return position }
            position = line.next
        }
        return nil
    }
}

/// Bounds of one line: `start..<contentEnd` is its text, `next` the start of the following line.
struct HTTPLine {
    let start: Int
    let contentEnd: Int
    let next: Int

    /// False only for a last line the capture cuts off without a line end.
    var isTerminated: Bool { next > contentEnd }
}
