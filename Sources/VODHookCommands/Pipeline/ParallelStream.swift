import Platform
import VODHookCore

/// Reads one large stream (a regular file, or a pipe) on several threads,
/// with output identical to reading it on one.
///
/// The stream is cut at line starts (`StreamParts`); each part gets its own
/// reader, which knows the part's first line number and reads top-level
/// values that start before the next part (finishing the last one even
/// past it), preparing each document as the command asks. This thread
/// then commits the parts' documents in order, numbering them.
///
/// A cut can fall inside a value (a pretty-printed document, a broken line
/// that recovery skips past). So a part's documents are taken only from
/// the top-level value where the previous part's reader would have gone
/// on; when no value of the part starts there, this thread reads the part
/// again from that point itself. Either way every document is read from
/// where a single reader would have read it, in the state it would have had.
struct ParallelStream<Preparer: DocumentPreparer> {
    let parts: any StreamParts
    let source: InputSource
    let policy: FindingPolicy
    let threads: Int
    let makePreparer: @Sendable () -> Preparer

    /// Commits every document.
    func run<Committer: DocumentCommitter>(
        _ committer: inout Committer, environment: CommandEnvironment
    ) throws(InputError) -> ParallelOutcome where Committer.Record == Preparer.Record {
        // Parts may be read this far ahead of the one being committed, so a
        // thread the system pauses for a moment does not hold up the others.
        let queue = PartQueue<Preparer.Record>(window: 2 * threads + 2)
        let read = partReader()
        let parts = parts
        let work: @Sendable (Int) -> Void = { _ in
            var preparer = makePreparer()
            var checker = DocumentChecker(policy: policy)
            let buffer = PartBuffer()
            // Bound straight to a var, the buffers stay unshared, so filling them reuses their memory.
            while case (let index, var result)? = queue.take() {
                Self.readTaken(index, into: &result, parts, buffer, queue, read, &preparer, &checker) { queue.isStopped }
                result.preparedOffCommittingThread = result.wasRead
                queue.deliver(index, result)
            }
        }
        // This thread reads parts too while it waits, so `threads` threads in
        // all run, and a busy machine with fewer free cores loses little.
        // Threads that did start before one failed would wait in the queue forever.
        guard let pool = WorkerThreads(count: threads - 1, cancel: { queue.stop() }, work) else {
            // The system would not start threads: the same parts, in order, on this one.
            return try merge(results: { _ in nil }, finished: { _, _ in }, &committer, environment)
        }
        defer {
            queue.stop()
            pool.join()
        }
        var preparer: Preparer?
        var checker = DocumentChecker(policy: policy)
        let buffer = PartBuffer()
        return try merge(results: { index in
            if preparer == nil { preparer = makePreparer() }
            while true {
                if let result = queue.readyResult(index) { return result.wasRead ? result : nil }
                // Waiting would leave a core idle; read the next part instead.
                // (Reading this one again would waste a core that busy
                // machines do not have: it is the reader's turn to run.)
                guard case (let next, var taken)? = queue.takeIfReady() else {
                    return queue.result(index).flatMap { $0.wasRead ? $0 : nil }
                }
                // Set on the first call, above.
                Self.readTaken(next, into: &taken, parts, buffer, queue, read, &preparer!, &checker) { false }
                queue.deliver(next, taken)
            }
        }, finished: { index, result in
            queue.release(index)
            // Emptied here, where nothing else holds it, its memory is kept:
            // emptying a shared copy allocated afresh, and a normalize run
            // paid 17,000 page faults for it.
            guard var spare = result else { return }
            result = nil
            spare.empty()
            queue.recycle(spare)
        }, &committer, environment)
    }

    /// Reads a part a thread took from the queue, or hands it back unread
    /// when only the committing thread may read it, or when it cannot be
    /// read: the committing thread reads it again and meets the failure
    /// where a single reader would. Past the last part, or at a pipe that
    /// failed (the committing thread meets the failure too and reports it),
    /// it tells the queue where the stream ends.
    private static func readTaken(
        _ index: Int, into result: inout PartResult<Preparer.Record>, _ parts: any StreamParts, _ buffer: PartBuffer,
        _ queue: PartQueue<Preparer.Record>, _ read: PartReader,
        _ preparer: inout Preparer, _ checker: inout DocumentChecker, stop: @escaping () -> Bool
    ) {
        result.wasRead = false
        guard let bounds = try? parts.part(index) else {
            queue.end(at: index)
            return
        }
        if parts.isCommittingThreadOnly(index) { return }
        guard let opened = try? parts.open(index, buffer: buffer) else { return }
        read(opened.start, opened.input, bounds.limit, &result, &preparer, &checker, stop)
    }

    /// Commits the parts' documents in order. `results` gives a part as a
    /// thread read it (nil: read it here); `finished` is told when a part
    /// is committed, with the result committed from, to keep its memory.
    private func merge<Committer: DocumentCommitter>(
        results: (Int) -> PartResult<Preparer.Record>?, finished: (Int, inout PartResult<Preparer.Record>?) -> Void,
        _ committer: inout Committer, _ environment: CommandEnvironment
    ) throws(InputError) -> ParallelOutcome where Committer.Record == Preparer.Record {
        var here = CommittingReader(parts: parts, read: partReader(), makePreparer: makePreparer, checker: DocumentChecker(policy: policy))
        // Where a single reader would look for the next top-level value.
        var resume: ReadStart?
        var outcome = ParallelOutcome()
        var index = 0
        while let bounds = try parts.part(index) {
            defer {
                parts.release(index)
                index += 1
            }
            let threadResult = results(index)
            var committed: PartResult<Preparer.Record>?
            defer { finished(index, &committed) }
            if parts.isCommittingThreadOnly(index) {
                // The rest of a pipe, read here to its end: committed as it is
                // read, so a live pipe's findings go out before the next read waits.
                if try commitAsRead(index, from: resume ?? .sourceStart, &here, &outcome, &committer, environment) { return outcome }
                continue
            }
            // A value before this part ran over all of it.
            if let resume, resume.offset >= bounds.limit { continue }
            var (result, firstValue) = resultToCommit(index, limit: bounds.limit, resume: resume, threadResult, &here, &outcome)
            if commitDocuments(of: result, from: firstValue, &committer, &outcome, environment) { return outcome }
            if let error = result.error { throw error }
            if index == 0, let length = parts.length {
                committer.expect(documents: estimatedDocuments(
                    length: length, documents: outcome.documents, sampleBytes: result.resume.offset) - outcome.documents)
            }
            resume = result.resume
            // Held only by `committed` now, so `finished` can keep its memory.
            committed = result
            result = PartResult()
        }
        return outcome
    }

    /// The part's documents as a single reader would read them, and the index
    /// of the top-level value to commit from: the thread's result when one of
    /// its values starts at `resume`, else the part read again here from there.
    private func resultToCommit(
        _ index: Int, limit: Int, resume: ReadStart?, _ threadResult: consuming PartResult<Preparer.Record>?,
        _ here: inout CommittingReader<Preparer>, _ outcome: inout ParallelOutcome
    ) -> (PartResult<Preparer.Record>, firstValue: Int) {
        // Only the first part has no value before it, and it starts the source.
        let start = resume ?? .sourceStart
        if let result = threadResult, let match = resume == nil ? 0 : result.values.firstIndex(where: { $0.offset == start.offset }) {
            if result.preparedOffCommittingThread { outcome.partsPreparedOffCommittingThread += 1 }
            return (result, match)
        }
        return (here.read(index, from: start, limit: limit), 0)
    }

    /// Commits the part's documents from its value `firstValue` on; true when
    /// the output closed and reading should stop.
    private func commitDocuments<Committer: DocumentCommitter>(
        of result: PartResult<Preparer.Record>, from firstValue: Int, _ committer: inout Committer,
        _ outcome: inout ParallelOutcome, _ environment: CommandEnvironment
    ) -> Bool where Committer.Record == Preparer.Record {
        if result.values[firstValue...].contains(where: \.isEmptyArray) { outcome.sawEmptyArray = true }
        let first = firstValue < result.values.count ? result.values[firstValue].documentsBefore : result.records.count
        return result.arena.withUnsafeBytes { arena in
            for record in result.records[first...] {
                outcome.documents += 1
                committer.commit(record, number: outcome.documents, source: source.name, arena: arena)
                if environment.outputIsTerminal {
                    committer.flush()
                    environment.output.flush()
                }
                if environment.output.isClosed { return true }
            }
            return false
        }
    }

    /// Reads the source from `start` to its end, committing each document
    /// as it is read; true when the output went away.
    private func commitAsRead<Committer: DocumentCommitter>(
        _ index: Int, from start: ReadStart, _ here: inout CommittingReader<Preparer>,
        _ outcome: inout ParallelOutcome, _ committer: inout Committer, _ environment: CommandEnvironment
    ) throws(InputError) -> Bool where Committer.Record == Preparer.Record {
        let reader = DocumentReader(input: parts.input(from: start.offset, inPart: index, committing: true), from: start, stoppingBefore: .max)
        if here.preparer == nil { here.preparer = makePreparer() }
        var arena: [UInt8] = []
        var stopped = false
        // The checker looks for repeated keys only in what its quick verdict declines.
        reader.defersDuplicateKeys = true
        try reader.forEach { (document: consuming ReadDocument) in
            let item = here.checker.checked(document, source: source.name, reader: reader)
            arena.removeAll(keepingCapacity: true)
            let record = here.preparer!.prepare(item, into: &arena)
            outcome.documents += 1
            arena.withUnsafeBytes { committer.commit(record, number: outcome.documents, source: source.name, arena: $0) }
            if environment.outputIsTerminal {
                committer.flush()
                environment.output.flush()
            }
            if environment.output.isClosed {
                stopped = true
                reader.stop()
            }
        }
        if reader.values.contains(where: \.isEmptyArray) { outcome.sawEmptyArray = true }
        return stopped
    }

    /// Reads one part's input from `start` up to `limit` into an empty
    /// result, preparing each document; `stop` is asked after each.
    typealias PartReader = @Sendable (
        ReadStart, any ByteInput, Int, inout PartResult<Preparer.Record>, inout Preparer, inout DocumentChecker, () -> Bool
    ) -> Void

    func partReader() -> PartReader {
        let name = source.name
        return { start, input, limit, result, preparer, checker, stop in
            let reader = DocumentReader(input: input, from: start, stoppingBefore: limit)
            result.wasRead = true
            reader.defersDuplicateKeys = true
            do throws(InputError) {
                try reader.forEach { (document: consuming ReadDocument) in
                    let item = checker.checked(document, source: name, reader: reader)
                    result.records.append(preparer.prepare(item, into: &result.arena))
                    if stop() { reader.stop() }
                }
            } catch {
                result.error = error
            }
            result.values = reader.values
            result.resume = reader.resumePoint
        }
    }
}

/// The committing thread's own reader, for parts no thread read from
/// where a single reader would have gone on; its preparer is made on first use.
private struct CommittingReader<Preparer: DocumentPreparer> {
    let parts: any StreamParts
    let read: ParallelStream<Preparer>.PartReader
    let makePreparer: @Sendable () -> Preparer
    var checker: DocumentChecker
    var preparer: Preparer?

    init(parts: any StreamParts, read: @escaping ParallelStream<Preparer>.PartReader, makePreparer: @escaping @Sendable () -> Preparer, checker: DocumentChecker) {
        self.parts = parts
        self.read = read
        self.makePreparer = makePreparer
        self.checker = checker
    }

    mutating func read(_ index: Int, from start: ReadStart, limit: Int) -> PartResult<Preparer.Record> {
        if preparer == nil { preparer = makePreparer() }
        let input = parts.input(from: start.offset, inPart: index, committing: true)
        var result = PartResult<Preparer.Record>()
        // In place, not moved to a local, so its buffers are not copied; set just above.
        read(start, input, limit, &result, &preparer!, &checker) { false }
        return result
    }
}

/// What one part's reader produced.
struct PartResult<Record: Sendable>: Sendable {
    var records: [Record] = []
    var arena: [UInt8] = []
    var values: [TopLevelValue] = []
    var resume = ReadStart.sourceStart
    var error: InputError?
    /// False for a part handed back unread, which the committing thread reads.
    var wasRead = true
    /// Read by a worker thread, not the committing one.
    var preparedOffCommittingThread = false

    /// Ready to be filled again, its memory kept.
    mutating func empty() {
        records.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        resume = ReadStart.sourceStart
        error = nil
        wasRead = true
        preparedOffCommittingThread = false
    }
}

/// Hands parts to the threads in order, at most `window` ahead of the one
/// being committed (so memory stays bounded), and their results back. How
/// many parts there are is learnt on the way: a pipe's end is found by reading.
final class PartQueue<Record: Sendable>: Sendable {
    private struct Parts {
        /// The first index past the last part, once a thread has found it.
        var end = Int.max
        var next = 0
        var released = 0
        /// Results delivered and not yet released, by part.
        var results: [Int: PartResult<Record>] = [:]
        /// Committed parts' emptied buffers, handed to the next parts so their
        /// memory is reused instead of freed and allocated again.
        var spares: [PartResult<Record>] = []
        var stopped = false

        /// The next part to read, with buffers to fill, if one may be taken now.
        mutating func take(window: Int) -> (Int, PartResult<Record>)? {
            guard !stopped && next < end && next < released + window else { return nil }
            next += 1
            return (next - 1, spares.popLast() ?? PartResult())
        }
    }

    private let window: Int
    private let parts = Mutex(Parts())

    init(window: Int) {
        self.window = window
    }

    /// There are no parts from `index` on.
    func end(at index: Int) {
        parts.withLock { parts in
            parts.end = min(parts.end, index)
            self.parts.wakeWaiters()
        }
    }

    var isStopped: Bool { parts.withLock { $0.stopped } }

    /// The next part to read, with buffers to fill, or nil when all are taken or the run stopped.
    func take() -> (Int, PartResult<Record>)? {
        parts.withLock(waitingUntil: { $0.stopped || $0.next >= $0.end || $0.next < $0.released + window }) { [window] in
            $0.take(window: window)
        }
    }

    func deliver(_ index: Int, _ result: PartResult<Record>) {
        parts.withLock { parts in
            parts.results[index] = result
            self.parts.wakeWaiters()
        }
    }

    /// The next part to read with buffers to fill, if one may be taken now.
    func takeIfReady() -> (Int, PartResult<Record>)? {
        parts.withLock { [window] in $0.take(window: window) }
    }

    /// A part's result if it has been delivered, without waiting.
    func readyResult(_ index: Int) -> PartResult<Record>? {
        parts.withLock { $0.results[index] }
    }

    /// Waits for a part's result; nil when the stream ends before it.
    func result(_ index: Int) -> PartResult<Record>? {
        parts.withLock(waitingUntil: { $0.results[index] != nil || index >= $0.end }) { $0.results[index] }
    }

    /// The part is committed: the threads may read further.
    func release(_ index: Int) {
        parts.withLock { parts in
            parts.results.removeValue(forKey: index)
            parts.released = index + 1
            self.parts.wakeWaiters()
        }
    }

    /// An emptied result whose memory the next parts fill.
    func recycle(_ spare: PartResult<Record>) {
        parts.withLock { [window] parts in
            if parts.spares.count < window { parts.spares.append(spare) }
        }
    }

    func stop() {
        parts.withLock { parts in
            parts.stopped = true
            self.parts.wakeWaiters()
        }
    }
}
