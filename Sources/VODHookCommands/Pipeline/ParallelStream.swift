#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// Reads one large regular file as a stream on several threads, with
/// output identical to reading it on one.
///
/// The file is cut at line starts (`ChunkPlan`); each part gets its own
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
    let descriptor: Int32
    /// File position of the source's first byte.
    let origin: Int
    let length: Int
    let source: InputSource
    let strict: Bool
    let threads: Int
    let chunkSize: Int
    let makePreparer: @Sendable () -> Preparer

    /// Commits every document; false when the source held none, which the
    /// caller then reads on one thread for the `no-document` finding.
    func run<Committer: DocumentCommitter>(
        _ committer: inout Committer, environment: CommandEnvironment
    ) throws(InputError) -> Bool where Committer.Record == Preparer.Record {
        let plan = try ChunkPlan.make(descriptor: descriptor, origin: origin, length: length, chunkSize: chunkSize, threads: threads)
        // Parts may be read this far ahead of the one being committed, so a
        // thread the system pauses for a moment does not hold up the others.
        let queue = PartQueue<Preparer.Record>(parts: plan.starts.count, window: 2 * threads + 2)
        let part = partReader()
        let work: @Sendable (Int) -> Void = { _ in
            var preparer = makePreparer()
            var checker = DocumentChecker(strict: strict)
            while let (index, spare) = queue.take() {
                let result = part(plan.starts[index], plan.limits[index], spare, &preparer, &checker) { queue.isStopped }
                queue.deliver(index, result)
            }
        }
        // This thread reads parts too while it waits, so `threads` threads in
        // all run, and a busy machine with fewer free cores loses little.
        guard let pool = WorkerThreads(count: threads - 1, work) else {
            // The system would not start threads: the same parts, in order, on this one.
            return try merge(plan, results: { _ in nil }, &committer, environment)
        }
        defer {
            queue.stop()
            pool.join()
        }
        var preparer: Preparer?
        var checker = DocumentChecker(strict: strict)
        return try merge(plan, results: { index in
            defer { queue.release(index) }
            if preparer == nil { preparer = makePreparer() }
            while true {
                if let result = queue.readyResult(index) { return result }
                // Waiting would leave a core idle; read the next part instead.
                // (Reading this one again would waste a core that busy
                // machines do not have: it is the reader's turn to run.)
                guard let (next, spare) = queue.takeIfReady() else { return queue.result(index) }
                queue.deliver(next, part(plan.starts[next], plan.limits[next], spare, &preparer!, &checker) { false })
            }
        }, &committer, environment)
    }

    /// Commits the parts' documents in order. `results` gives a part as a
    /// thread read it (nil: read it here), and frees its memory.
    private func merge<Committer: DocumentCommitter>(
        _ plan: ChunkPlan, results: (Int) -> PartResult<Preparer.Record>?, _ committer: inout Committer,
        _ environment: CommandEnvironment
    ) throws(InputError) -> Bool where Committer.Record == Preparer.Record {
        var preparer: Preparer?
        var checker = DocumentChecker(strict: strict)
        let part = partReader()
        func readHere(from start: ReadStart, limit: Int) -> PartResult<Preparer.Record> {
            if preparer == nil { preparer = makePreparer() }
            return part(start, limit, PartResult(), &preparer!, &checker) { false }
        }
        // Where a single reader would look for the next top-level value.
        var resume: ReadStart?
        var documents = 0
        for index in plan.starts.indices {
            let threadResult = results(index)
            var result: PartResult<Preparer.Record>
            var firstValue = 0
            if let resume {
                // A value before this part ran over all of it.
                if resume.offset >= plan.limits[index] { continue }
                if let threadResult, let match = threadResult.values.firstIndex(where: { $0.offset == resume.offset }) {
                    result = threadResult
                    firstValue = match
                } else {
                    result = readHere(from: resume, limit: plan.limits[index])
                }
            } else {
                result = threadResult ?? readHere(from: plan.starts[index], limit: plan.limits[index])
            }
            let first = firstValue < result.values.count ? result.values[firstValue].documentsBefore : result.records.count
            let stopped = result.arena.withUnsafeBytes { arena in
                for record in result.records[first...] {
                    documents += 1
                    committer.commit(record, number: documents, source: source.name, arena: arena)
                    if environment.output.isClosed { return true }
                }
                return false
            }
            if stopped { return true }
            if let error = result.error { throw error }
            if index == 0 {
                committer.expect(documents: estimatedDocuments(length: length, documents: documents, sampleBytes: result.resume.offset) - documents)
            }
            resume = result.resume
        }
        return documents > 0
    }

    /// Reads one part from `start`, preparing each document; `stop` is asked after each.
    /// `spare` lends the memory of a part already committed.
    private func partReader() -> @Sendable (
        ReadStart, Int, PartResult<Preparer.Record>, inout Preparer, inout DocumentChecker, () -> Bool
    ) -> PartResult<Preparer.Record> {
        let descriptor = descriptor, origin = origin, name = source.name
        return { start, limit, spare, preparer, checker, stop in
            let reader = DocumentReader(
                input: PositionedFileInput(descriptor: descriptor, position: origin + start.offset),
                from: start, stoppingBefore: limit)
            var result = spare
            do throws(InputError) {
                try reader.forEach { document in
                    let report = checker.report(for: document, source: name, origin: nil)
                    let item = PipelineDocument(report: report, document: document, locator: reader, request: nil)
                    result.records.append(preparer.prepare(item, into: &result.arena))
                    if stop() { reader.stop() }
                }
            } catch {
                result.error = error
            }
            result.values = reader.values
            result.resume = reader.resumePoint
            return result
        }
    }
}

/// What one part's reader produced.
struct PartResult<Record: Sendable>: Sendable {
    var records: [Record] = []
    var arena: [UInt8] = []
    var values: [TopLevelValue] = []
    var resume = ReadStart.sourceStart
    var error: InputError?

    /// Ready to be filled again, its memory kept.
    mutating func empty() {
        records.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        resume = ReadStart.sourceStart
        error = nil
    }
}

/// Hands parts to the threads in order, at most `window` ahead of the one
/// being committed (so memory stays bounded), and their results back.
final class PartQueue<Record: Sendable>: @unchecked Sendable {
    let parts: Int
    private let window: Int
    private let monitor = Monitor()
    private var next = 0
    private var released = 0
    private var results: [PartResult<Record>?]
    /// Committed parts' emptied buffers, handed to the next parts so their
    /// memory is reused instead of freed and allocated again.
    private var spares: [PartResult<Record>] = []
    private var stopped = false

    init(parts: Int, window: Int) {
        self.parts = parts
        self.window = window
        results = Array(repeating: nil, count: parts)
    }

    var isStopped: Bool { monitor.locked { stopped } }

    /// The next part to read, with buffers to fill, or nil when all are taken or the run stopped.
    func take() -> (Int, PartResult<Record>)? {
        monitor.wait(until: { stopped || next >= parts || next < released + window }) {
            guard !stopped && next < parts else { return nil }
            next += 1
            return (next - 1, spares.popLast() ?? PartResult())
        }
    }

    func deliver(_ index: Int, _ result: PartResult<Record>) {
        monitor.locked {
            results[index] = result
            monitor.signalAll()
        }
    }

    /// The next part to read with buffers to fill, if one may be taken now.
    func takeIfReady() -> (Int, PartResult<Record>)? {
        monitor.locked {
            guard !stopped && next < parts && next < released + window else { return nil }
            next += 1
            return (next - 1, spares.popLast() ?? PartResult())
        }
    }

    /// A part's result if it has been delivered, without waiting.
    func readyResult(_ index: Int) -> PartResult<Record>? {
        monitor.locked { index < parts ? results[index] : nil }
    }

    /// Waits for a part's result; nil when no thread reads parts (`parts` is 0).
    func result(_ index: Int) -> PartResult<Record>? {
        guard index < parts else { return nil }
        return monitor.wait(until: { results[index] != nil }) { results[index] }
    }

    /// The part is committed: its memory goes, and the threads may read further.
    func release(_ index: Int) {
        monitor.locked {
            if index < parts, var spare = results[index] {
                results[index] = nil
                spare.empty()
                spares.append(spare)
            }
            released = index + 1
            monitor.signalAll()
        }
    }

    func stop() {
        monitor.locked {
            stopped = true
            monitor.signalAll()
        }
    }
}
