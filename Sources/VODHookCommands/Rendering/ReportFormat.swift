import ArgumentParsing

/// The ways check and verify print their findings.
enum ReportFormat: String, CaseIterable {
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
