/// The part of a command's work on one document that needs nothing but the
/// document. It may run on another thread (`--jobs`), so it appends its
/// bytes to an arena and returns plain values: what it returns must not
/// depend on which documents came before.
protocol DocumentPreparer: SendableMetatype {
    associatedtype Record: Sendable
    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> Record
}

/// The part that needs the documents in order: counting, duplicates,
/// document numbers, writing. It runs on the command's own thread, in the
/// same order with or without `--jobs`, so both give the same output.
protocol DocumentCommitter {
    associatedtype Record: Sendable
    /// `number`: the document's 1-based place in its source; `arena`: the
    /// bytes the record's ranges refer to.
    mutating func commit(_ record: Record, number: Int, source: String, arena: UnsafeRawBufferPointer)
    /// About how many more documents the source holds, told once when a
    /// regular file's size and its first documents allow a guess.
    mutating func expect(documents: Int)
    /// A path that yielded nothing to read, told after stderr has been.
    mutating func unreadable(path: String, message: String)
    /// Writes what it holds back to the output: the input has nothing more
    /// ready, or the output is a terminal and a document is done.
    mutating func flush()
}

extension DocumentCommitter {
    mutating func expect(documents: Int) {}
    mutating func unreadable(path: String, message: String) {}
    mutating func flush() {}
}

/// How many documents a source of `length` bytes holds, from a sample: `documents` in its first `sampleBytes`.
func estimatedDocuments(length: Int, documents: Int, sampleBytes: Int) -> Int {
    guard documents > 0, sampleBytes > 0 else { return 0 }
    return Int(Double(length) * Double(documents) / Double(sampleBytes))
}

extension UnsafeRawBufferPointer {
    /// `self[range]` as a buffer of its own, for records' arena ranges.
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: self[range]) }
}
