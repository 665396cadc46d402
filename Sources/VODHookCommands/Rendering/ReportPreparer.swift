import VODHookCore

/// One document's part of a report, rendered, with its verdict counted.
/// The document number is left for the assembler, which alone knows it when
/// parts of a source are read on other threads.
struct ReportRecord: Sendable {
    var counts: DocumentCounts
    var output: Range<Int>
    /// Where the document number goes in `output`; -1 for formats without one.
    var numberAt: Int
}

/// Renders each document's findings in the report's format. Needs nothing
/// but the document, so it may run on any thread.
struct ReportPreparer: DocumentPreparer {
    let format: ReportFormat
    let quiet: Bool
    private let text: TextDiagnosticRenderer
    private let json = JSONRecordRenderer()
    private let github = GitHubAnnotationRenderer()
    private let sarif: SARIFRenderer
    private let junit = JUnitRenderer()

    init(format: ReportFormat, quiet: Bool, style: TextStyle, workingDirectory: String?) {
        self.format = format
        self.quiet = quiet
        text = TextDiagnosticRenderer(style: style)
        sarif = SARIFRenderer(toolVersion: VODHook.version, workingDirectory: workingDirectory)
    }

    mutating func prepare(_ item: PipelineDocument, into arena: inout [UInt8]) -> ReportRecord {
        // --quiet only counts: no call that opens the locator for nothing.
        if quiet { return ReportRecord(counts: item.report.counts, output: arena.count..<arena.count, numberAt: -1) }
        return render(item.report, locator: item.locator, into: &arena)
    }

    /// `signature` adds verify's verdict to JSON records. The locator stays
    /// an existential, as the renderers were always called with: a generic
    /// here, called with one, cost ~100 instructions a JSON record.
    func render(
        _ report: DocumentReport, locator: any SourceLocator,
        signature: (status: String, keyIndex: Int?)? = nil, into arena: inout [UInt8]
    ) -> ReportRecord {
        let start = arena.count
        var numberAt = -1
        if !quiet {
            switch format {
            case .text: text.render(report, locator: locator, into: &arena)
            case .json:
                json.appendHead(source: report.source, into: &arena)
                numberAt = arena.count
                json.appendTail(report, locator: locator, signature: signature, into: &arena)
            case .github: github.render(report, locator: locator, into: &arena)
            case .sarif: sarif.appendResults(report, locator: locator, into: &arena)
            case .junit:
                junit.appendTestcaseHead(into: &arena)
                numberAt = arena.count
                junit.appendTestcaseTail(report, locator: locator, into: &arena)
            }
        }
        return ReportRecord(counts: report.counts, output: start..<arena.count, numberAt: numberAt)
    }
}
