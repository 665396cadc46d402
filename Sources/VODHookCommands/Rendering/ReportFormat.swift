import ArgumentParsing
import VODHookCore

/// The ways check and verify print their findings. Each is a `ReportWriter`
/// in VODHookCore/Output/Reports: a new format is a case here and its type there.
enum ReportFormat: String, CaseIterable, OptionChoice {
    /// Compiler-style lines with the source quoted, for people.
    case text
    /// One JSON record per document per line, for scripts.
    case json
    /// GitHub Actions workflow commands, which annotate the diff.
    case github
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
    case sarif
    /// JUnit XML, for Jenkins, GitLab and other test-report viewers.
    case junit

    /// What a format's writer may need to know about the run.
    struct Settings: Sendable {
        var style: TextStyle
        var workingDirectory: String?
        /// docs/rules.md's URL, for SARIF's rule help; nil for this version's.
        var rulesDocument: String?
        /// The JUnit document's name: "vodhook check".
        var runName: String
    }

    func writer(_ settings: Settings) -> any ReportWriter {
        switch self {
        case .text: TextDiagnosticRenderer(style: settings.style)
        case .json: JSONRecordRenderer()
        case .github: GitHubAnnotationRenderer()
        case .sarif: SARIFRenderer(toolVersion: VODHook.version, workingDirectory: settings.workingDirectory, rulesDocument: settings.rulesDocument)
        case .junit: JUnitRenderer(runName: settings.runName)
        }
    }

    /// For people, not programs: the run's closing line goes with the
    /// report on stdout, not only to stderr.
    var isForPeople: Bool { self == .text }

    /// Findings quote the source around them from the reader's buffer, whose
    /// extent differs between threads: one thread reads those (docs/design.md
    /// says why, and what would change it).
    var quotesSource: Bool { self == .text }

    /// The options every command that reports findings takes.
    static func options(formatHelp: String) -> [OptionSpec] {
        [
            OptionSpec("format", kind: .value(placeholder: "format"), help: formatHelp, allowedValues: allCases.map(\.rawValue)),
            OptionSpec("output", short: "o", kind: .value(placeholder: "file"),
                       help: "write the report to FILE (atomically); the summary goes to stderr, the verdict to the exit code", completion: .files),
            OptionSpec("verbose", help: "also list the files directory walks skip"),
        ]
    }
}
