import Platform
import VODHookCore

/// One document as a command sees it: the verdict, the parsed document, where
/// to find positions, and the HTTP request that carried it, if any.
struct PipelineDocument {
    let report: DocumentReport
    let document: ReadDocument
    let locator: any SourceLocator
    let request: HTTPRequest?
    /// Moves a finding a command makes about the document (in the document's
    /// own offsets) to the source, for documents decoded out of a capture.
    var relocate: ((inout Diagnostic) -> Void)? = nil
}

/// Reads every source, validates every document and hands each to a
/// command, in order. Shared by every command that reads callbacks, so they
/// agree on what a document is and whether it is valid.
struct DocumentPipeline {
    var mode: InputMode
    var policy: FindingPolicy { checker.policy }
    private var checker: DocumentChecker
    /// Lists the files directory walks pass over, and a log's lines without a callback, on stderr.
    var verbose = false
    /// Says on stderr when auto mode reads as JSON a source that looks like a log; `--quiet` prints nothing.
    var announcesGuesses = true
    /// Log lines without a callback, in every source read so far.
    private(set) var skippedLogLines = SkippedLogLines()
    /// `--at`: where the callback sits inside each document.
    var envelope: EnvelopePointer?
    /// The command's name, for what the pipeline says on stderr.
    private var command = "check"

    init(mode: InputMode, policy: FindingPolicy = FindingPolicy()) {
        self.mode = mode
        checker = DocumentChecker(policy: policy)
    }

    /// Calls `handle` for each document; returns true when every path was readable.
    /// `unreadable` hears of each path that yields nothing to read, after stderr has.
    mutating func run(
        paths: [String], environment: CommandEnvironment, command: String,
        unreadable: (_ path: String, _ message: String) -> Void = { _, _ in },
        _ handle: (PipelineDocument) -> Void
    ) -> Bool {
        self.command = command
        return forEachSource(paths, environment: environment, command: command, unreadable: unreadable) { source, descriptor throws(InputError) in
            try self.read(source, descriptor: descriptor, environment: environment, command: command, handle)
        }
    }

    /// Reads every source as `run(paths:environment:command:_:)` does, with
    /// each document's work split into the command's preparer and committer,
    /// so a large regular file read as a stream can be shared by `jobs`
    /// threads. The committer sees the same documents in the same order either way.
    mutating func run<Preparer: DocumentPreparer, Committer: DocumentCommitter>(
        paths: [String], environment: CommandEnvironment, command: String, jobs: Int,
        preparer makePreparer: @escaping @Sendable () -> Preparer, committer: inout Committer
    ) -> Bool where Preparer.Record == Committer.Record {
        // Reached through pointers, not captured: the closures below capture
        // them, which boxed them behind a dynamic exclusivity check (three a
        // document, ~190 instructions). Safe: they live across this call
        // only, this thread alone uses them, and no access overlaps another
        // (each document is prepared, then committed, before the next is read).
        let state = UnsafeMutablePointer<(preparer: Preparer, arena: [UInt8])>.allocate(capacity: 1)
        state.initialize(to: (makePreparer(), []))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        return withUnsafeMutablePointer(to: &committer) { committer in
            self.run(paths: paths, environment: environment, command: command, jobs: jobs,
                     makePreparer: makePreparer, state: state, committer: committer)
        }
    }

    private mutating func run<Preparer: DocumentPreparer, Committer: DocumentCommitter>(
        paths: [String], environment: CommandEnvironment, command: String, jobs: Int,
        makePreparer: @escaping @Sendable () -> Preparer,
        state: UnsafeMutablePointer<(preparer: Preparer, arena: [UInt8])>, committer: UnsafeMutablePointer<Committer>
    ) -> Bool where Preparer.Record == Committer.Record {
        self.command = command
        // At most 1 GiB, so doubling a part's size can never overflow.
        let chosenChunkSize = environment.variables["VODHOOK_CHUNK_BYTES"].flatMap(Int.init).map { min(max($0, 1), 1 << 30) }
        let chunkSize = chosenChunkSize ?? Tuning.filePartBytes
        let pipeChunkSize = chosenChunkSize ?? Tuning.pipePartBytes
        let unreadable = { (path: String, message: String) in committer.pointee.unreadable(path: path, message: message) }
        // Called on this thread only, between documents: what is committed goes out.
        let writeCommitted = {
            committer.pointee.flush()
            environment.output.flush()
            environment.errors.flush()
        }
        // Asked once: read through the closure's context for every document, it cost ten instructions each.
        let flushesEachDocument = environment.outputIsTerminal
        return forEachSource(paths, environment: environment, command: command, unreadable: unreadable) { source, descriptor throws(InputError) in
            func prepareAndCommit(_ item: PipelineDocument) {
                state.pointee.arena.removeAll(keepingCapacity: true)
                let record = state.pointee.preparer.prepare(item, into: &state.pointee.arena)
                state.pointee.arena.withUnsafeBytes {
                    committer.pointee.commit(record, number: item.report.index, source: item.report.source, arena: $0)
                }
                if flushesEachDocument { writeCommitted() }
            }
            let plan = try InputPlan.decide(descriptor: descriptor, mode: mode, namesLog: SourceList.namesLog(source.name), beforeWaiting: writeCommitted)
            self.announce(plan, source: source, environment: environment, command: command)
            // A plain source's documents keep closures of their own that never
            // reach the gzip's bookkeeping: asked for each, it cost some 30 instructions a document.
            let gzip = plan.gzip
            // A damaged gzip's finding comes after everything read before the damage, however it was read.
            defer { if let damage = gzip?.finish(source: source, checker: &self.checker) { prepareAndCommit(damage) } }
            // With --at, each document is unwrapped on this thread (the parts' readers check documents as they are).
            if jobs > 1, let gzip, plan.sharesDecompressedText, self.envelope == nil {
                // Its length unknown, as a pipe's is, a gzip's text goes through the pipe parts.
                // The parts read the decoder themselves: only the committing thread may write out.
                let pipe = PipeParts(
                    input: gzip.textForParts, prefix: gzip.prefix, chunkSize: pipeChunkSize,
                    liveDescriptor: nil, beforeCommittingThreadWaits: writeCommitted)
                let (rest, shared) = try self.readPipe(pipe, source: source, jobs: jobs, environment: environment,
                                                       makePreparer: makePreparer, committer: &committer.pointee)
                gzip.passed(documents: shared)
                guard let rest else { return }
                try self.readJSON(rest, mode: .stream, source: source, environment: environment) { item in
                    if gzip.passes(item) { prepareAndCommit(item) }
                }
                return
            }
            if jobs > 1, plan.sharesThreads, self.envelope == nil {
                switch plan.delivery {
                case .file(let origin, let length) where length >= 2 * chunkSize:
                    let chunks = try ChunkPlan.make(descriptor: descriptor, origin: origin, length: length, chunkSize: chunkSize)
                    let parts = FileParts(descriptor: descriptor, origin: origin, plan: chunks, fileLength: length, bufferedLength: 2 * chunkSize)
                    let stream = ParallelStream(parts: parts, source: source, policy: self.policy, threads: jobs, makePreparer: makePreparer)
                    // A source without documents is read again on one thread, for its finding.
                    let outcome = try stream.run(&committer.pointee, environment: environment)
                    environment.statistics?.record(outcome)
                    if outcome.documents > 0 {
                        // Leave the descriptor where reading it through would have: at the end.
                        Files.seek(descriptor, to: origin + length)
                        return
                    }
                case .file:
                    break
                case .stream:
                    // The parts read the descriptor itself: only the committing thread may write out.
                    let pipe = PipeParts(
                        input: FileDescriptorInput(descriptor: descriptor), prefix: plan.prefix, chunkSize: pipeChunkSize,
                        liveDescriptor: descriptor, beforeCommittingThreadWaits: writeCommitted)
                    guard let rest = try self.readPipe(pipe, source: source, jobs: jobs, environment: environment,
                                                       makePreparer: makePreparer, committer: &committer.pointee).rest
                    else { return }
                    try self.readJSON(rest, mode: .stream, source: source, environment: environment, prepareAndCommit)
                    return
                }
            }
            if let gzip {
                try self.read(plan, source: source, environment: environment) { item in
                    if gzip.passes(item) { prepareAndCommit(item) }
                }
                return
            }
            let length = plan.fileLength
            try self.read(plan, source: source, environment: environment) { item in
                if item.report.index == 4096, let length, item.report.startOffset > 0 {
                    committer.pointee.expect(documents: estimatedDocuments(length: length, documents: 4096, sampleBytes: item.report.startOffset) - 4096)
                }
                prepareAndCommit(item)
            }
        }
    }

    /// A pipe read as a stream, shared by the threads once it proves longer
    /// than one part. Returns what is left to read on this thread: the
    /// whole pipe when it is shorter, or a stand-in for one without documents.
    private func readPipe<Preparer: DocumentPreparer, Committer: DocumentCommitter>(
        _ pipe: PipeParts, source: InputSource, jobs: Int, environment: CommandEnvironment,
        makePreparer: @escaping @Sendable () -> Preparer, committer: inout Committer
    ) throws(InputError) -> (rest: (any ByteInput)?, documents: Int) where Preparer.Record == Committer.Record {
        guard try pipe.part(1) != nil else { return (pipe.input(from: 0, inPart: 0, committing: true), 0) }
        let stream = ParallelStream(parts: pipe, source: source, policy: policy, threads: jobs, makePreparer: makePreparer)
        let outcome = try stream.run(&committer, environment: environment)
        environment.statistics?.record(outcome)
        guard outcome.documents == 0 else { return (nil, outcome.documents) }
        // Gone from the pipe, the source cannot be read again for its
        // no-document finding; what decides that finding (a byte-order
        // mark, an empty array) is all a one-thread reader needs to see.
        var standIn: [UInt8] = pipe.firstBytes == [0xEF, 0xBB, 0xBF] ? pipe.firstBytes : []
        if outcome.sawEmptyArray { standIn += Array("[]".utf8) }
        return (BytesInput(standIn), 0)
    }

    /// Expands the paths and opens each source for `body`, reporting what
    /// cannot be read; true when every path was readable.
    private func forEachSource(
        _ paths: [String], environment: CommandEnvironment, command: String,
        unreadable report: (_ path: String, _ message: String) -> Void,
        _ body: (InputSource, Int32) throws(InputError) -> Void
    ) -> Bool {
        let (sources, failures, skipped) = SourceList.expand(paths)
        var allReadable = failures.isEmpty
        func unreadable(_ path: String, _ reason: String) {
            let message = SourceList.failureMessage(path: path, reason: reason)
            environment.errors.write("vodhook \(command): \(message)\n")
            report(path, message)
        }
        if verbose {
            for path in skipped {
                environment.errors.write("vodhook \(command): skipped \(TerminalSafe.quoted(path)): not \(SourceList.patterns)\n")
            }
        }
        for failure in failures { unreadable(failure.path, failure.reason) }
        for source in sources where !environment.output.isClosed {
            let descriptor: Int32
            switch SourceList.open(source, environment: environment) {
            case .success(let opened): descriptor = opened
            case .failure(let error):
                unreadable(source.name, error.reason)
                allReadable = false
                continue
            }
            defer { if !source.isStandardInput { try? Files.close(descriptor) } }
            do {
                try body(source, descriptor)
            } catch {
                unreadable(source.name, error.reason)
                allReadable = false
            }
        }
        return allReadable
    }

    private mutating func read(
        _ source: InputSource, descriptor: Int32, environment: CommandEnvironment, command: String,
        _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        let writeOut = {
            environment.output.flush()
            environment.errors.flush()
        }
        let plan = try InputPlan.decide(descriptor: descriptor, mode: mode, namesLog: SourceList.namesLog(source.name), beforeWaiting: writeOut)
        announce(plan, source: source, environment: environment, command: command)
        let gzip = plan.gzip
        try read(plan, source: source, environment: environment) { item in
            if let gzip, !gzip.passes(item) { return }
            handle(item)
            if environment.outputIsTerminal { writeOut() }
        }
        if let damage = gzip?.finish(source: source, checker: &checker) { handle(damage) }
    }

    /// Says once what auto mode could not be sure of.
    private func announce(_ plan: InputPlan, source: InputSource, environment: CommandEnvironment, command: String) {
        guard plan.mayBeLog, announcesGuesses else { return }
        environment.errors.write(
            "vodhook \(command): note: \(TerminalSafe.quoted(source.name)) is read as JSON, but its first lines look like a log's; if it is one, read it with --input log\n")
    }

    /// Reads a source as its plan says, on this thread.
    private mutating func read(
        _ plan: InputPlan, source: InputSource, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        // Bytes no format can read: the reader gives the source its one
        // finding (or, should a live source's first read not show what the
        // plan saw, reads it as JSON as it would have).
        guard plan.isPlainText else {
            return try readJSON(plan.input(), mode: plan.format == .body ? .body : .stream, source: source, environment: environment, handle)
        }
        switch plan.format {
        case .body:
            try readJSON(plan.input(), mode: .body, source: source, environment: environment, handle)
        case .stream:
            try readJSON(plan.input(), mode: .stream, source: source, environment: environment, handle)
        case .log:
            try readJSON(plan.input(), mode: .log, source: source, environment: environment, handle)
        case .http:
            if plan.isLive {
                var live = plan.liveInput()
                try readLiveHTTP(&live, source: source, handle)
            } else {
                var input = plan.input()
                readHTTP(try input.readUpTo(Int.max), source: source, handle)
            }
        case .base64(let orStream):
            var input = plan.input()
            let all = try input.readUpTo(Int.max)
            if orStream && !InputFormat.isBase64Source(all) {
                try readJSON(BytesInput(all), mode: .stream, source: source, environment: environment, handle)
            } else {
                readBase64(all, source: source, handle)
            }
        }
    }

    private mutating func readJSON(
        _ input: any ByteInput, mode: ReadingMode, source: InputSource, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        let reader = DocumentReader(input: input, mode: mode)
        if let envelope {
            try reader.forEach { (document: consuming ReadDocument) in
                self.unwrap(document, at: envelope, source: source, locator: reader, origin: nil, handle)
                if environment.output.isClosed { reader.stop() }
            }
            return noteSkippedLines(reader, source: source, environment: environment)
        }
        // The checker looks for repeated keys only in what its quick verdict declines.
        reader.defersDuplicateKeys = true
        try reader.forEach { (document: consuming ReadDocument) in
            // Moved, not copied: the reader gave it up.
            handle(self.checker.checked(document, source: source.name, reader: reader))
            if environment.output.isClosed { reader.stop() }
        }
        noteSkippedLines(reader, source: source, environment: environment)
    }

    private mutating func noteSkippedLines(_ reader: DocumentReader, source: InputSource, environment: CommandEnvironment) {
        if reader.skippedLines.total > 0 {
            skippedLogLines.add(reader.skippedLines)
            if verbose {
                let count = reader.skippedLines.total
                environment.errors.write(
                    "vodhook \(command): \(TerminalSafe.quoted(source.name)): skipped \(count) log line\(count == 1 ? "" : "s") without a callback (by first word: \(reader.skippedLines.breakdown))\n")
            }
        }
    }

    /// A capture from a pipe or terminal: each request's document as soon
    /// as the input has nothing more ready and the request is whole.
    private mutating func readLiveHTTP(
        _ input: inout LiveInput, source: InputSource, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        var capture: [UInt8] = []
        var done = 0
        var index = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            if done < capture.count, !input.hasBytesReady {
                done = HTTPCaptureDocuments.forEachArrived(capture, from: done, isComplete: false, index: &index) { document, origin in
                    self.deliver(document, source: source, origin: origin, handle)
                }
            }
            let count = try input.read(into: chunk)
            if count == 0 { break }
            capture.append(contentsOf: chunk[0..<count])
        }
        _ = HTTPCaptureDocuments.forEachArrived(capture, from: done, isComplete: true, index: &index) { document, origin in
            self.deliver(document, source: source, origin: origin, handle)
        }
    }

    private mutating func readHTTP(_ capture: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        HTTPCaptureDocuments.forEach(capture) { document, origin in
            self.deliver(document, source: source, origin: origin, handle)
        }
    }

    private mutating func readBase64(_ text: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        Base64Documents.forEach(text) { document, origin in
            self.deliver(document, source: source, origin: origin, handle)
        }
    }

    /// A document decoded out of a capture, checked and handed on (its callback, with `--at`).
    private mutating func deliver(_ document: ReadDocument, source: InputSource, origin: DocumentOrigin, _ handle: (PipelineDocument) -> Void) {
        if let envelope {
            return unwrap(document, at: envelope, source: source, locator: origin.locator, origin: origin, handle)
        }
        let report = checker.report(for: document, source: source.name, origin: origin)
        handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: origin.request, relocate: origin.relocate))
    }

    /// The callback at `--at` inside `document`, checked and handed on.
    /// Findings in a string's JSON text move onto the escaped text, then,
    /// for a document out of a capture, into the capture.
    private mutating func unwrap(
        _ document: ReadDocument, at envelope: EnvelopePointer, source: InputSource, locator: any SourceLocator,
        origin: DocumentOrigin?, _ handle: (PipelineDocument) -> Void
    ) {
        EnvelopeDocuments.unwrap(document, at: envelope) { callback, envelopeFindings, inString in
            var relocate: ((inout Diagnostic) -> Void)? = origin?.relocate
            var sourceFindings = envelopeFindings
            if let outer = origin?.relocate {
                for index in sourceFindings.indices { outer(&sourceFindings[index]) }
                if let inString { relocate = { inString(&$0); outer(&$0) } }
            } else if let inString {
                relocate = inString
            }
            let placed = relocate.map { DocumentOrigin(locator: locator, request: origin?.request, relocate: $0) }
            let report = self.checker.report(for: callback, source: source.name, origin: placed, sourceFindings: sourceFindings)
            handle(PipelineDocument(report: report, document: callback, locator: locator, request: origin?.request, relocate: relocate))
        }
    }
}
