import VODHookCore

/// A stream cut into parts at line starts, for `ParallelStream`: a regular
/// file, planned up front, or a pipe, cut as it arrives.
protocol StreamParts: Sendable {
    /// Part `index`'s first byte and where its top-level values stop
    /// starting; nil past the last part. A pipe may wait for input here.
    func part(_ index: Int) throws(InputError) -> (start: ReadStart, limit: Int)?
    /// The source from `offset`, which lies in part `index`, to its end.
    /// `committing`: asked by the committing thread for a part it reads itself.
    func input(from offset: Int, inPart index: Int, committing: Bool) -> any ByteInput
    /// Whether only the committing thread may read part `index`, after
    /// every part before it is committed.
    func isCommittingThreadOnly(_ index: Int) -> Bool
    /// Part `index` is committed: nothing reads it again.
    func release(_ index: Int)
    /// The source's length, when known before reading it.
    var length: Int? { get }
}

/// A regular file, cut by a `ChunkPlan` and read with `pread(2)`, so any
/// thread may read any part at any time.
struct FileParts: StreamParts {
    let descriptor: Int32
    /// File position of the source's first byte.
    let origin: Int
    let plan: ChunkPlan
    let fileLength: Int

    var length: Int? { fileLength }

    func part(_ index: Int) throws(InputError) -> (start: ReadStart, limit: Int)? {
        index < plan.starts.count ? (plan.starts[index], plan.limits[index]) : nil
    }

    func input(from offset: Int, inPart index: Int, committing: Bool) -> any ByteInput {
        PositionedFileInput(descriptor: descriptor, position: origin + offset)
    }

    func isCommittingThreadOnly(_ index: Int) -> Bool { false }

    func release(_ index: Int) {}
}
