/// JUnit XML as Jenkins, GitLab and most CI systems read it: one
/// `testsuite` per source, one `testcase` per document, one `failure` per
/// error-level finding. A test case fails when it has a failure; a source
/// that could not be read is a test case with an `error`.
public struct JUnitRenderer: ReportWriter {
    /// The document's name: "vodhook check".
    public let runName: String
    /// The suite of the source being written: its test cases wait for its counts.
    private var suite: (name: String, counts: Counts, testcases: [UInt8])?
    private var runCounts = Counts()
    /// Finished suites: the document waits for the run's counts.
    private var suites: [UInt8] = []

    public init(runName: String) {
        self.runName = runName
    }

    /// A test case after its document number (`name="document N`), which `writeDocument` puts before it.
    public func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into out: inout [UInt8]) {
        let start = locator.position(ofSourceOffset: report.startOffset)
        out.append(" (line ")
        out.append(decimal: start.line)
        if let eventType = report.eventType {
            out.append(", ")
            XMLText.appendAttribute(eventType, to: &out)
        }
        out.append(")\" classname=\"")
        XMLText.appendAttribute(report.source, to: &out)
        out.append("\"")
        if report.diagnostics.isEmpty {
            out.append("/>\n")
            return
        }
        out.append(">\n")
        var others = ""
        for diagnostic in report.diagnostics {
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            let line = "\(report.source):\(position.line):\(position.column): \(diagnostic.severity.name): \(diagnostic.message) [\(diagnostic.rule)]"
                + (diagnostic.hint.map { "\nhelp: " + $0 } ?? "") + (diagnostic.pointer.isEmpty ? "" : "\npointer: " + diagnostic.pointer)
            guard diagnostic.severity == .error else {
                others += line + "\n"
                continue
            }
            out.append("      <failure type=\"")
            XMLText.appendAttribute(diagnostic.rule.rawValue, to: &out)
            out.append("\" message=\"")
            XMLText.appendAttribute(diagnostic.message, to: &out)
            out.append("\">")
            XMLText.appendText(line, to: &out)
            out.append("</failure>\n")
        }
        if !others.isEmpty {
            out.append("      <system-out>")
            XMLText.appendText(others, to: &out)
            out.append("</system-out>\n")
        }
        out.append("    </testcase>\n")
    }

    /// The test case into its source's suite, which starts when the source does.
    public mutating func writeDocument(_ prepared: UnsafeRawBufferPointer, number: Int, source: String, counts: DocumentCounts, into out: inout [UInt8]) {
        if suite?.name != source {
            closeSuite()
            suite = (source, Counts(), [])
        }
        suite!.counts.tests += 1
        if !counts.isValid { suite!.counts.failures += 1 }
        suite!.testcases.append("    <testcase name=\"document ")
        suite!.testcases.append(decimal: number)
        suite!.testcases.append(bytes: prepared)
    }

    /// A source that could not be read: a suite of its own with one test case in error.
    public mutating func writeUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        closeSuite()
        var counts = Counts()
        counts.tests = 1
        counts.errors = 1
        var testcase: [UInt8] = []
        appendUnreadable(diagnostic, path: path, into: &testcase)
        suite = (path, counts, testcase)
        closeSuite()
    }

    private func appendUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        out.append("    <testcase name=\"read\" classname=\"")
        XMLText.appendAttribute(path, to: &out)
        out.append("\">\n      <error type=\"")
        XMLText.appendAttribute(diagnostic.rule.rawValue, to: &out)
        out.append("\" message=\"")
        XMLText.appendAttribute(diagnostic.message, to: &out)
        out.append("\">")
        XMLText.appendText("\(path): \(diagnostic.severity.name): \(diagnostic.message) [\(diagnostic.rule)]", to: &out)
        out.append("</error>\n    </testcase>\n")
    }

    /// Counts of one suite or of the whole run.
    public struct Counts: Sendable, Hashable {
        public var tests = 0
        public var failures = 0
        public var errors = 0
        public init() {}
        public mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
        }
    }

    private mutating func closeSuite() {
        guard let finished = suite else { return }
        appendSuite(name: finished.name, counts: finished.counts, testcases: finished.testcases, into: &suites)
        runCounts.add(finished.counts)
        suite = nil
    }

    /// The whole document, now that the run's counts are known.
    public mutating func writeTail(into out: inout [UInt8]) {
        closeSuite()
        appendDocument(name: runName, counts: runCounts, suites: suites, into: &out)
        suites = []
    }

    /// A whole suite around its test cases.
    private func appendSuite(name: String, counts: Counts, testcases: [UInt8], into out: inout [UInt8]) {
        out.append("  <testsuite name=\"")
        XMLText.appendAttribute(name, to: &out)
        appendCounts(counts, into: &out)
        out.append(">\n")
        out.append(contentsOf: testcases)
        out.append("  </testsuite>\n")
    }

    /// The document around its suites.
    private func appendDocument(name: String, counts: Counts, suites: [UInt8], into out: inout [UInt8]) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"")
        XMLText.appendAttribute(name, to: &out)
        appendCounts(counts, into: &out)
        out.append(">\n")
        out.append(contentsOf: suites)
        out.append("</testsuites>\n")
    }

    private func appendCounts(_ counts: Counts, into out: inout [UInt8]) {
        out.append("\" tests=\"")
        out.append(decimal: counts.tests)
        out.append("\" failures=\"")
        out.append(decimal: counts.failures)
        out.append("\" errors=\"")
        out.append(decimal: counts.errors)
        out.append("\" skipped=\"0\"")
    }
}
