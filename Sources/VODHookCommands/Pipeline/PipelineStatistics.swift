/// How much of a run the pipeline shared between threads, for tests that
/// must fail when `--jobs` quietly reads on one thread: equal output alone
/// cannot tell. Pass one in `CommandEnvironment.statistics` to have it filled.
public final class PipelineStatistics: @unchecked Sendable {
    // @unchecked: only the committing thread writes, during the run; read it after.
    /// Sources cut into parts for several threads (large files and pipes).
    public private(set) var sourcesShared = 0
    /// Parts whose documents were read and prepared by a worker thread, not the committing one.
    public private(set) var partsPreparedOffCommittingThread = 0

    public init() {}

    func record(_ outcome: ParallelOutcome) {
        sourcesShared += 1
        partsPreparedOffCommittingThread += outcome.partsPreparedOffCommittingThread
    }
}

/// What a `ParallelStream` run saw.
struct ParallelOutcome {
    var documents = 0
    /// For a caller that must tell a source without documents so.
    var sawEmptyArray = false
    var partsPreparedOffCommittingThread = 0
}
