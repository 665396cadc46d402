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
    /// How much of a source `--input auto` looks at before deciding.
    private let sniffLength = 1 << 16
    /// Lists the files directory walks pass over on stderr.
    var verbose = false

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
        forEachSource(paths, environment: environment, command: command, unreadable: unreadable) { source, descriptor throws(InputError) in
            try self.read(source, descriptor: descriptor, environment: environment, handle)
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
            if jobs > 1, let (origin, length) = try self.parallelCandidate(descriptor, chunkSize: chunkSize) {
                let plan = try ChunkPlan.make(descriptor: descriptor, origin: origin, length: length, chunkSize: chunkSize)
                let parts = FileParts(descriptor: descriptor, origin: origin, plan: plan, fileLength: length, bufferedLength: 2 * chunkSize)
                let stream = ParallelStream(parts: parts, source: source, policy: self.policy, threads: jobs, makePreparer: makePreparer)
                // A source without documents is read again on one thread, for its finding.
                let outcome = try stream.run(&committer.pointee, environment: environment)
                environment.statistics?.record(outcome)
                if outcome.documents > 0 {
                    // Leave the descriptor where reading it through would have: at the end.
                    Files.seek(descriptor, to: origin + length)
                    return
                }
            }
            let opened = try OpenedSource.open(descriptor, live: Self.regularFileLength(descriptor) == nil, beforeWaiting: writeCommitted)
            // A damaged gzip's finding comes after everything read before the damage, however it was read.
            defer { if let damage = opened.finish(source: source, checker: &self.checker) { prepareAndCommit(damage) } }
            // A plain source's documents keep a closure of their own that never
            // reaches `opened`: asked for each, it cost some 30 instructions a document.
            let isCompressed = opened.isCompressed
            // A gzip's decompressed length is unknown, as a pipe's is: its text goes through the pipe parts.
            let length = isCompressed ? nil : Self.regularFileLength(descriptor)
            var input = opened.input
            if jobs > 1, length == nil, mode == .stream || mode == .auto {
                let prefix = try readSniffPrefix(&input, limit: self.sniffLength)
                // A UTF-16 or zstd source is one finding, which one thread reads.
                if ForeignSource.detect(prefix) == nil, mode == .stream || InputFormat.sniff(prefix) == .json {
                    // The parts read the descriptor (or the gzip decoder) themselves: only the committing thread may write out.
                    let pipe = PipeParts(
                        input: opened.gzip?.input ?? FileDescriptorInput(descriptor: descriptor), prefix: prefix, chunkSize: pipeChunkSize,
                        liveDescriptor: opened.isCompressed ? nil : descriptor, beforeCommittingThreadWaits: writeCommitted)
                    let (rest, shared) = try self.readPipe(pipe, source: source, jobs: jobs, environment: environment,
                                                           makePreparer: makePreparer, committer: &committer.pointee)
                    opened.passed(documents: shared)
                    guard let rest else { return }
                    try self.readJSON(rest, mode: .stream, source: source, environment: environment) { item in
                        if !isCompressed || opened.passes(item) { prepareAndCommit(item) }
                    }
                    return
                }
                if var live = input as? LiveInput {
                    live.pushBack(prefix)
                    input = live
                } else {
                    input = PrefixedInput(prefix: prefix, rest: input)
                }
            }
            guard !isCompressed else {
                try self.read(source, input: input, environment: environment) { item in
                    if opened.passes(item) { prepareAndCommit(item) }
                }
                return
            }
            try self.read(source, input: input, environment: environment) { item in
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

    /// The bytes left to read in a regular file; nil for anything else.
    private static func regularFileLength(_ descriptor: Int32) -> Int? {
        guard let size = Files.regularFileSize(descriptor), let origin = Files.offset(descriptor) else { return nil }
        return size - origin
    }

    /// Where a source that threads may share starts, and its length: a
    /// regular file (named, or redirected to standard input) read as a JSON
    /// stream, at least two parts long. Looks without moving the descriptor.
    private func parallelCandidate(_ descriptor: Int32, chunkSize: Int) throws(InputError) -> (origin: Int, length: Int)? {
        guard mode == .stream || mode == .auto else { return nil }
        guard let size = Files.regularFileSize(descriptor), let origin = Files.offset(descriptor) else { return nil }
        let length = size - origin
        guard length >= 2 * chunkSize else { return nil }
        var input = PositionedFileInput(descriptor: descriptor, position: origin)
        let prefix = try input.readUpTo(sniffLength)
        guard ForeignSource.detect(prefix) == nil else { return nil }
        if mode == .auto, InputFormat.sniff(prefix) != .json { return nil }
        return (origin, length)
    }

    private mutating func read(
        _ source: InputSource, descriptor: Int32, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        let writeOut = {
            environment.output.flush()
            environment.errors.flush()
        }
        let opened = try OpenedSource.open(descriptor, live: InputReadiness.mayWait(descriptor), beforeWaiting: writeOut)
        let isCompressed = opened.isCompressed
        try read(source, input: opened.input, environment: environment) { item in
            if isCompressed, !opened.passes(item) { return }
            handle(item)
            if environment.outputIsTerminal { writeOut() }
        }
        if let damage = opened.finish(source: source, checker: &checker) { handle(damage) }
    }

    private mutating func read(
        _ source: InputSource, input: any ByteInput, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        var input = input
        switch mode {
        case .body, .stream:
            try readJSON(input, mode: mode == .body ? .body : .stream, source: source, environment: environment, handle)
        case .http:
            if var live = input as? LiveInput {
                try readLiveHTTP(&live, prefix: [], source: source, handle)
            } else {
                readHTTP(try input.readUpTo(Int.max), source: source, handle)
            }
        case .base64:
            readBase64(try input.readUpTo(Int.max), source: source, handle)
        case .auto:
            let prefix = try readSniffPrefix(&input, limit: sniffLength)
            switch InputFormat.sniff(prefix) {
            case .json:
                try readJSON(PrefixedInput(prefix: prefix, rest: input), mode: .stream, source: source, environment: environment, handle)
            case .http:
                if var live = input as? LiveInput {
                    try readLiveHTTP(&live, prefix: prefix, source: source, handle)
                } else {
                    readHTTP(prefix + (try input.readUpTo(Int.max)), source: source, handle)
                }
            case .base64:
                let all = prefix + (try input.readUpTo(Int.max))
                if InputFormat.isBase64Source(all) {
                    readBase64(all, source: source, handle)
                } else {
                    try readJSON(BytesInput(all), mode: .stream, source: source, environment: environment, handle)
                }
            }
        }
    }

    private mutating func readJSON(
        _ input: any ByteInput, mode: ReadingMode, source: InputSource, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        let reader = DocumentReader(input: input, mode: mode)
        try reader.forEach { (document: consuming ReadDocument) in
            let report = self.checker.report(for: document, source: source.name, origin: nil)
            // Moved, not copied: the reader gave it up.
            handle(PipelineDocument(report: report, document: consume document, locator: reader, request: nil))
            if environment.output.isClosed { reader.stop() }
        }
    }

    /// A capture from a pipe or terminal: each request's document as soon
    /// as the input has nothing more ready and the request is whole.
    private mutating func readLiveHTTP(
        _ input: inout LiveInput, prefix: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        var capture = prefix
        var done = 0
        var index = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            if done < capture.count, !input.hasBytesReady {
                done = HTTPCaptureDocuments.forEachArrived(capture, from: done, isComplete: false, index: &index) { document, origin in
                    let report = self.checker.report(for: document, source: source.name, origin: origin)
                    handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: origin.request))
                }
            }
            let count = try input.read(into: chunk)
            if count == 0 { break }
            capture.append(contentsOf: chunk[0..<count])
        }
        _ = HTTPCaptureDocuments.forEachArrived(capture, from: done, isComplete: true, index: &index) { document, origin in
            let report = self.checker.report(for: document, source: source.name, origin: origin)
            handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: origin.request))
        }
    }

    private mutating func readHTTP(_ capture: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        HTTPCaptureDocuments.forEach(capture) { document, origin in
            let report = self.checker.report(for: document, source: source.name, origin: origin)
            handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: origin.request, relocate: origin.relocate))
        }
    }

    private mutating func readBase64(_ text: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        Base64Documents.forEach(text) { document, origin in
            let report = self.checker.report(for: document, source: source.name, origin: origin)
            handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: nil, relocate: origin.relocate))
        }
    }
}
