import VODHookCore

/// `normalize`'s work on one document: its normalized form, or why it
/// could not be written.
struct NormalizeRecord: Sendable {
    /// False for a document `--shard` leaves to another part: not written, not counted.
    var inShard = true
    var counts: DocumentCounts
    var failed: Bool
    var output: Range<Int>
    var problems: Range<Int>
}

struct NormalizePreparer: DocumentPreparer {
    let layout: JSONLayout
    let canonical: Bool
    /// `--shard K/N`: the part kept (0-based) and how many parts; nil keeps every document.
    let shard: (part: Int, count: Int)?
    private let order = EventKeyOrders()
    private let renderer = TextDiagnosticRenderer(style: TextStyle(enabled: false))
    /// Kept between documents, and emptied only when used, so the many
    /// documents whose numbers keep their value cost no array traffic.
    private var numberChanges: [CanonicalNumberChange] = []

    init(layout: JSONLayout, canonical: Bool, shard: (part: Int, count: Int)? = nil) {
        self.layout = layout
        self.canonical = canonical
        self.shard = shard
    }

    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> NormalizeRecord {
        let report = item.report, document = item.document
        let start = arena.count
        var failed = false
        var written = start
        let blocking = document.findings.filter { $0.severity == .error }
        if let shard {
            // A document the reader found broken has no identity a summary would read: it goes to part 1, as `summary` counts it.
            let part = IdentityShard.part(of: blocking.isEmpty ? document.json : nil, count: shard.count)
            if part != shard.part {
                return NormalizeRecord(inShard: false, counts: DocumentCounts(report), failed: false, output: start..<start, problems: start..<start)
            }
        }
        if let tree = document.json, blocking.isEmpty {
            DocumentSize.reserve(for: tree, in: &arena)
            if canonical {
                if !numberChanges.isEmpty { numberChanges.removeAll(keepingCapacity: true) }
                if JSONWriter.writeCanonical(tree, into: &arena, numberChanges: &numberChanges) {
                    arena.append(0x0A)
                    written = arena.count
                } else {
                    failed = true
                }
                if !numberChanges.isEmpty {
                    renderNumberChanges(numberChanges, in: tree, item: item, into: &arena)
                }
            } else {
                JSONWriter.write(tree, layout: layout, topLevelOrder: order.keyOrder(for: report.eventType), into: &arena)
                arena.append(0x0A)
                written = arena.count
            }
        } else {
            failed = true
            renderer.renderHeaders(source: report.source, blocking, locator: item.locator, into: &arena)
        }
        return NormalizeRecord(counts: DocumentCounts(report), failed: failed, output: start..<written, problems: written..<arena.count)
    }

    /// One finding per number RFC 8785 writes with another value (or cannot
    /// write), at the number's place in the source.
    private func renderNumberChanges(_ numberChanges: [CanonicalNumberChange], in tree: JSONDocument, item: PipelineDocument, into arena: inout [UInt8]) {
        let pointers = tree.pointers(to: numberChanges.map(\.node), prefix: item.document.pointerPrefix)
        var findings = zip(numberChanges, pointers).map { change, pointer in change.diagnostic(in: tree, pointer: pointer) }
        if let relocate = item.relocate {
            for index in findings.indices { relocate(&findings[index]) }
        }
        renderer.renderHeaders(source: item.report.source, findings.sorted(), locator: item.locator, into: &arena)
    }
}

struct NormalizeCommitter: DocumentCommitter {
    let environment: CommandEnvironment
    var outcome = RunOutcome()

    /// Each document goes straight to the output, which buffers on its own:
    /// collecting documents in a block of our own first copied every byte
    /// once more (about 250 instructions a callback).
    mutating func commit(_ record: NormalizeRecord, number: Int, source: String, arena: UnsafeRawBufferPointer) {
        guard record.inShard else { return }
        outcome.tally.add(record.counts)
        if record.failed { outcome.failedDocuments += 1 }
        if !record.output.isEmpty { environment.output.write(arena.slice(record.output)) }
        if !record.problems.isEmpty { environment.errors.write(arena.slice(record.problems)) }
    }
}
