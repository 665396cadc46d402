import VODHookCore

/// Puts a report together in document order: counts each document's
/// verdict, adds its number, groups JUnit test cases into suites, writes
/// the SARIF head and tail, and makes an unreadable path a record in every
/// format but text (whose stderr line says it already).
struct ReportAssembler: DocumentCommitter {
    let format: ReportFormat
    let quiet: Bool
    let sink: any OutputSink
    let policy: FindingPolicy
    /// The JUnit document's name: "vodhook check".
    let runName: String
    var outcome = RunOutcome()
    /// Output not yet written, sent in blocks of `Tuning.outputFlushBytes`.
    private var buffer: [UInt8] = []
    private let sarif: SARIFRenderer
    private var sarifResults = 0
    private var notifications: [(path: String, message: String)] = []
    private let junit = JUnitRenderer()
    private var suite: (name: String, counts: JUnitRenderer.Counts, testcases: [UInt8])?
    private var runCounts = JUnitRenderer.Counts()
    private var suites: [UInt8] = []

    init(
        format: ReportFormat, quiet: Bool, sink: any OutputSink, policy: FindingPolicy, runName: String, workingDirectory: String?,
        rulesDocument: String? = nil
    ) {
        self.format = format
        self.quiet = quiet
        self.sink = sink
        self.policy = policy
        self.runName = runName
        sarif = SARIFRenderer(toolVersion: VODHook.version, workingDirectory: workingDirectory, rulesDocument: rulesDocument)
        buffer.reserveCapacity(Tuning.outputFlushBytes)
        if format == .sarif && !quiet { sarif.appendHead(into: &buffer) }
    }

    // Inlined into the pipeline's loop, as the one it replaced was: a call a document showed in the profile.
    @inline(__always)
    mutating func commit(_ record: ReportRecord, number: Int, source: String, arena: UnsafeRawBufferPointer) {
        outcome.tally.add(record.counts)
        guard !quiet else { return }
        switch format {
        case .junit:
            if suite?.name != source {
                closeSuite()
                suite = (source, JUnitRenderer.Counts(), [])
            }
            suite!.counts.tests += 1
            if !record.counts.isValid { suite!.counts.failures += 1 }
            append(record, number: number, arena: arena, to: &suite!.testcases)
        case .sarif:
            var output = record.output
            // Results start with a comma; the run's first goes without.
            if sarifResults == 0 && !output.isEmpty { output = output.dropFirst() }
            if !output.isEmpty { sarifResults += 1 }
            buffer.append(contentsOf: arena.slice(output))
        case .text, .json, .github:
            append(record, number: number, arena: arena, to: &buffer)
        }
        if buffer.count >= Tuning.outputFlushBytes {
            sink.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Hands what is assembled to the sink: the input has nothing more ready,
    /// or the output is a terminal and a document is done. JUnit's counts
    /// come first, so its document still waits for `finish()`.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func append(_ record: ReportRecord, number: Int, arena: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        if record.numberAt >= 0 {
            out.append(contentsOf: arena.slice(record.output.lowerBound..<record.numberAt))
            out.append(decimal: number)
            out.append(contentsOf: arena.slice(record.numberAt..<record.output.upperBound))
        } else if !record.output.isEmpty {
            out.append(contentsOf: arena.slice(record.output))
        }
    }

    /// A path that yielded nothing to read, as the `unreadable-source` rule
    /// (which the rule configuration may turn down or off).
    mutating func unreadable(path: String, message: String) {
        var findings = [Diagnostic(.error, .unreadableSource, message, offset: 0)]
        _ = policy.apply(to: &findings, eventType: nil)
        guard let finding = findings.first, !quiet else { return }
        switch format {
        case .text: break
        case .json: JSONRecordRenderer().renderUnreadable(finding, path: path, into: &buffer)
        case .github: GitHubAnnotationRenderer().renderUnreadable(finding, path: path, into: &buffer)
        case .sarif:
            var result: [UInt8] = []
            sarif.appendUnreadable(finding, path: path, into: &result)
            buffer.append(contentsOf: sarifResults == 0 ? result.dropFirst() : result[...])
            sarifResults += 1
            notifications.append((path, message))
        case .junit:
            closeSuite()
            var counts = JUnitRenderer.Counts()
            counts.tests = 1
            counts.errors = 1
            var testcase: [UInt8] = []
            junit.appendUnreadable(finding, path: path, into: &testcase)
            suite = (path, counts, testcase)
            closeSuite()
        }
    }

    private mutating func closeSuite() {
        guard let finished = suite else { return }
        junit.appendSuite(name: finished.name, counts: finished.counts, testcases: finished.testcases, into: &suites)
        runCounts.add(finished.counts)
        suite = nil
    }

    /// Writes what is left: the SARIF tail or the whole JUnit document.
    mutating func finish() {
        guard !quiet else { return }
        switch format {
        case .sarif: sarif.appendTail(unreadable: notifications, into: &buffer)
        case .junit:
            closeSuite()
            junit.appendDocument(name: runName, counts: runCounts, suites: suites, into: &buffer)
            suites = []
        case .text, .json, .github: break
        }
        sink.write(buffer)
        buffer.removeAll()
    }
}
