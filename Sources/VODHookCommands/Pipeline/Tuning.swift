/// The numbers the pipeline and the commands are tuned by, in one place.
/// BENCHMARKS.md has the runs that chose them; change one only with a run
/// of `make bench` before and after. (The page size is not a tuning number:
/// `Memory.pageSize` asks the system.)
enum Tuning {
    /// Bytes per part when threads share a regular file (`--jobs`);
    /// `VODHOOK_CHUNK_BYTES` overrides it, for tests.
    static let filePartBytes = 1 << 19

    /// Bytes per part of a pipe: half a file's, as a pipe's parts keep their
    /// bytes until committed, besides their results (a 1 GB pipe through
    /// summary --jobs 2 peaked 4 MB lower, at no cost in speed).
    static let pipePartBytes = 1 << 18

    /// The most threads `--jobs` starts, whatever it is given or however
    /// many cores there are.
    static let maxThreads = 64

    /// Output a command gathers before handing it to the sink: one sink
    /// call per block instead of per document. As large as `FileOutput`'s
    /// buffer, so a block goes to write(2) as it is instead of being copied
    /// into that buffer first (~130 instructions a `check --format json` record).
    static let outputFlushBytes = 1 << 18
}
