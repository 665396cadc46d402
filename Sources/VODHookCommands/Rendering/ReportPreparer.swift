import VODHookCore

/// One document's part of a report, rendered, with its verdict counted.
/// Its number is not in it: the assembler alone knows that, when parts of a
/// source are read on other threads, and gives it to the format's writer.
struct ReportRecord: Sendable {
    var counts: DocumentCounts
    var output: Range<Int>
}

/// Renders each document's findings in the report's format (its writer's
/// `prepare`). Needs nothing but the document, so it may run on any thread.
struct ReportPreparer: DocumentPreparer {
    let quiet: Bool
    /// An existential rather than a generic parameter: the format is chosen
    /// at run time, and a generic pipeline over it would have to be opened
    /// once per format (one switch per command). The witness calls cost
    /// about 15 instructions a document, here and in the assembler together.
    private let writer: any ReportWriter

    init(format: ReportFormat, quiet: Bool, settings: ReportFormat.Settings) {
        self.quiet = quiet
        writer = format.writer(settings)
    }

    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> ReportRecord {
        // --quiet only counts: no call that opens the locator for nothing.
        if quiet { return ReportRecord(counts: item.report.counts, output: arena.count..<arena.count) }
        return render(item.report, locator: item.locator, into: &arena)
    }

    /// `signature` adds verify's verdict to JSON records.
    func render(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote? = nil, into arena: inout [UInt8]) -> ReportRecord {
        let start = arena.count
        if !quiet { writer.prepare(report, locator: locator, signature: signature, into: &arena) }
        return ReportRecord(counts: report.counts, output: start..<arena.count)
    }
}
