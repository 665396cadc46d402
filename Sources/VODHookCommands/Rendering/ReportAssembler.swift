import VODHookCore

/// Puts a report together in document order: counts each document's
/// verdict, hands it to the format's writer with its number, makes an
/// unreadable path a finding of the rule configuration, and sends the
/// output to the sink in blocks.
struct ReportAssembler: DocumentCommitter {
    let quiet: Bool
    let sink: any OutputSink
    let policy: FindingPolicy
    var outcome = RunOutcome()
    private var writer: any ReportWriter
    /// Output not yet written, sent in blocks of `Tuning.outputFlushBytes`.
    private var buffer: [UInt8] = []

    init(format: ReportFormat, quiet: Bool, sink: any OutputSink, policy: FindingPolicy, settings: ReportFormat.Settings) {
        self.quiet = quiet
        self.sink = sink
        self.policy = policy
        writer = format.writer(settings)
        buffer.reserveCapacity(Tuning.outputFlushBytes)
        if !quiet { writer.writeHead(into: &buffer) }
    }

    // Inlined into the pipeline's loop, as the one it replaced was: a call a document showed in the profile.
    @inline(__always)
    mutating func commit(_ record: ReportRecord, number: Int, source: String, arena: UnsafeRawBufferPointer) {
        outcome.tally.add(record.counts)
        guard !quiet else { return }
        writer.writeDocument(arena.slice(record.output), number: number, source: source, counts: record.counts, into: &buffer)
        if buffer.count >= Tuning.outputFlushBytes {
            sink.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Hands what is assembled to the sink: the input has nothing more ready,
    /// or the output is a terminal and a document is done. A JUnit writer
    /// keeps its document until `finish()`, as its counts come first.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A path that yielded nothing to read, as the `unreadable-source` rule
    /// (which the rule configuration may turn down or off).
    mutating func unreadable(path: String, message: String) {
        var findings = [Diagnostic(.error, .unreadableSource, message, offset: 0)]
        _ = policy.apply(to: &findings, eventType: nil)
        guard let finding = findings.first, !quiet else { return }
        writer.writeUnreadable(finding, path: path, into: &buffer)
    }

    /// Writes what is left: the SARIF tail or the whole JUnit document.
    mutating func finish() {
        guard !quiet else { return }
        writer.writeTail(into: &buffer)
        sink.write(buffer)
        buffer.removeAll()
    }
}
