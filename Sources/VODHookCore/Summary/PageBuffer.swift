import Platform

/// Zeroed 64-bit words in pages of their own, mapped from and returned to
/// the system directly. A fingerprint shard grows by an eighth at a time;
/// from the C heap, each size freed left a hole too small for the next, and
/// the holes kept a summary of 200k documents at twice its tables' size.
/// Not `Sendable`, nor are the tables built on it: a summary is counted on
/// the one thread that commits documents and never crosses to another, so
/// the copy-on-write storage needs no promise the compiler cannot check.
final class PageBuffer {
    let words: UnsafeMutablePointer<UInt64>
    /// At least the words asked for: the rest of the last page is used too.
    let count: Int
    private let byteCount: Int

    init(atLeast words: Int) {
        let page = Memory.pageSize
        byteCount = max(1, (words * 8 + page - 1) / page) * page
        count = byteCount / 8
        // Fresh anonymous pages read as zero, and cost nothing until written.
        guard let memory = Memory.mapZeroedPages(byteCount: byteCount) else { fatalError("out of memory for \(byteCount) bytes") }
        self.words = memory.bindMemory(to: UInt64.self, capacity: count)
    }

    deinit { Memory.unmapPages(words, byteCount: byteCount) }

    /// An independent copy, for a shard that was copied before changing.
    func copy() -> PageBuffer {
        let copy = PageBuffer(atLeast: count)
        copy.words.update(from: words, count: count)
        return copy
    }
}
