import VODHookCore

/// `summary`'s work on one document: what it adds to the totals, and its
/// table row around the duplicate note only the totals can write.
struct SummaryRecord: Sendable {
    var entry: SummaryEntry
    var line: Int
    var rowHead: Range<Int>
    var rowTail: Range<Int>
}

struct SummaryPreparer: DocumentPreparer {
    let table: SummaryTable
    let showDocuments: Bool
    private let order = EventKeyOrders()
    private var normalized: [UInt8] = []
    /// The event named last, so most documents skip the catalog lookup.
    private var eventTypeMemo = EventTypeMemo()

    init(table: SummaryTable, showDocuments: Bool) {
        self.table = table
        self.showDocuments = showDocuments
    }

    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> SummaryRecord {
        let report = item.report
        // Only the per-document lines say where a duplicate's first copy
        // was; finding a line number costs as much as counting a value.
        let line = showDocuments ? item.locator.position(ofSourceOffset: report.startOffset).line : 0
        let entry: SummaryEntry
        // A document the reader found broken (stray data after it, a
        // duplicate key) is not JSON as a receiver sees it: it is counted
        // as invalid, never read for values or taken as a duplicate.
        let tree = item.document.findings.contains(where: { $0.severity == .error }) ? nil : item.document.json
        if let tree {
            let fingerprint = Fingerprint(normalizing: tree, order: order.keyOrder(for: report.eventType), scratch: &normalized)
            entry = SummaryEntry(report, document: tree, fingerprint: fingerprint, arena: &arena, memo: &eventTypeMemo)
        } else {
            entry = SummaryEntry(report, document: nil, normalized: nil, arena: &arena)
        }
        let start = arena.count
        guard showDocuments else { return SummaryRecord(entry: entry, line: line, rowHead: start..<start, rowTail: start..<start) }
        // A cell shows 40 characters; 1 KiB holds them, escaped or not.
        let fields = tree.map { CallbackFields($0, prefixBytes: 1024) } ?? CallbackFields()
        let (head, tail) = table.rowParts(report, fields: fields, line: line)
        arena.append(string: head)
        let middle = arena.count
        arena.append(string: tail)
        return SummaryRecord(entry: entry, line: line, rowHead: start..<middle, rowTail: middle..<arena.count)
    }
}

struct SummaryCommitter: DocumentCommitter {
    let environment: CommandEnvironment
    let table: SummaryTable
    let showDocuments: Bool
    /// The totals so far, some copy checks possibly still waiting (see `summary`).
    private var counted: CallbackSummary
    /// Sources in the order read; a document's location numbers its source here.
    var sourceNames: [String] = []
    /// Table rows not yet written, sent in 64 KiB blocks.
    var lines: [UInt8] = []
    /// Documents so far on standard error, for a long run into a file or a pipe.
    let progress: ProgressLine?
    private var committed = 0

    init(environment: CommandEnvironment, table: SummaryTable, showDocuments: Bool) {
        self.environment = environment
        self.table = table
        self.showDocuments = showDocuments
        progress = ProgressLine(environment, command: "summary", noun: "documents")
        // Only the per-document lines say where a duplicate's first copy was.
        counted = CallbackSummary(remembersLocations: showDocuments)
    }

    /// The totals of every document committed.
    var summary: CallbackSummary {
        var summary = counted
        summary.finishCopyChecks()
        return summary
    }

    mutating func expect(documents: Int) {
        counted.reserveCapacity(documents: documents)
    }

    mutating func flush() {
        environment.output.write(lines)
        lines.removeAll(keepingCapacity: true)
    }

    mutating func commit(_ record: SummaryRecord, number: Int, source: String, arena: UnsafeRawBufferPointer) {
        if let progress {
            committed += 1
            progress.update(committed)
        }
        if sourceNames.last != source { sourceNames.append(source) }
        let location = CallbackSummary.DocumentLocation(source: sourceNames.count - 1, line: record.line)
        guard showDocuments else {
            // Only the per-document lines need a copy's first place at once.
            counted.addCheckingCopyLater(record.entry, values: arena)
            return
        }
        let firstCopy = counted.add(record.entry, values: arena, at: location)
        lines.append(contentsOf: arena.slice(record.rowHead))
        if let firstCopy {
            lines.append(string: table.duplicateNote(SummaryTable.where(sourceNames[firstCopy.source], firstCopy.line, relativeTo: source)))
        }
        lines.append(contentsOf: arena.slice(record.rowTail))
        if lines.count >= Tuning.outputFlushBytes {
            environment.output.write(lines)
            lines.removeAll(keepingCapacity: true)
        }
    }
}
