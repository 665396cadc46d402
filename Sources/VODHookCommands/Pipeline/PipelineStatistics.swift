import Platform

/// How much of a run the pipeline shared between threads, for tests that
/// must fail when `--jobs` quietly reads on one thread: equal output alone
/// cannot tell. Pass one in `CommandEnvironment.statistics` to have it filled.
public final class PipelineStatistics: Sendable {
    private struct Counts {
        var sourcesShared = 0
        var partsPreparedOffCommittingThread = 0
    }

    private let counts = Mutex(Counts())

    /// Sources cut into parts for several threads (large files and pipes).
    public var sourcesShared: Int { counts.withLock { $0.sourcesShared } }
    /// Parts whose documents were read and prepared by a worker thread, not the committing one.
    public var partsPreparedOffCommittingThread: Int { counts.withLock { $0.partsPreparedOffCommittingThread } }

    public init() {}

    func record(_ outcome: ParallelOutcome) {
        counts.withLock { counts in
            counts.sourcesShared += 1
            counts.partsPreparedOffCommittingThread += outcome.partsPreparedOffCommittingThread
        }
    }
}

/// What a `ParallelStream` run saw.
struct ParallelOutcome {
    var documents = 0
    /// For a caller that must tell a source without documents so.
    var sawEmptyArray = false
    var partsPreparedOffCommittingThread = 0
}
