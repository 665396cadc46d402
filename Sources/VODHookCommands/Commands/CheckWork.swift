import VODHookCore

/// `check`'s work on one document: its verdict counted, its findings
/// rendered. The JSON record's document number is left for `commit`.
struct CheckRecord: Sendable {
    var counts: DocumentCounts
    var output: Range<Int>
    /// Where the document number goes in `output`; -1 for formats without one.
    var numberAt: Int
}

struct CheckPreparer: DocumentPreparer {
    let format: String
    let quiet: Bool
    private let text: TextDiagnosticRenderer
    private let json = JSONRecordRenderer()
    private let github = GitHubAnnotationRenderer()

    init(format: String, quiet: Bool, style: TextStyle) {
        self.format = format
        self.quiet = quiet
        text = TextDiagnosticRenderer(style: style)
    }

    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> CheckRecord {
        let start = arena.count
        var numberAt = -1
        if !quiet {
            switch format {
            case "json":
                json.appendHead(source: item.report.source, into: &arena)
                numberAt = arena.count
                json.appendTail(item.report, locator: item.locator, into: &arena)
            case "github": github.render(item.report, locator: item.locator, into: &arena)
            default: text.render(item.report, locator: item.locator, into: &arena)
            }
        }
        return CheckRecord(counts: item.report.counts, output: start..<arena.count, numberAt: numberAt)
    }
}

struct CheckCommitter: DocumentCommitter {
    let environment: CommandEnvironment
    var outcome = RunOutcome()
    /// Output not yet written, sent in blocks of `Tuning.outputFlushBytes`.
    var buffer: [UInt8] = []

    init(environment: CommandEnvironment) {
        self.environment = environment
        buffer.reserveCapacity(Tuning.outputFlushBytes)
    }

    mutating func commit(_ record: CheckRecord, number: Int, source: String, arena: UnsafeRawBufferPointer) {
        outcome.tally.add(record.counts)
        if record.numberAt >= 0 {
            buffer.append(contentsOf: arena.slice(record.output.lowerBound..<record.numberAt))
            buffer.append(decimal: number)
            buffer.append(contentsOf: arena.slice(record.numberAt..<record.output.upperBound))
        } else if !record.output.isEmpty {
            buffer.append(contentsOf: arena.slice(record.output))
        }
        if buffer.count >= Tuning.outputFlushBytes {
            environment.output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func flush() {
        environment.output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
