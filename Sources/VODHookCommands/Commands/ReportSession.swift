import ArgumentParsing
import VODHookCore

/// What check and verify share around reading: the rule configuration, the
/// report's format and where it goes, and how the run ends (the summary,
/// the report file put in place, the exit code).
struct ReportSession {
    let command: String
    let format: ReportFormat
    /// Nothing is printed: `--quiet`.
    let silent: Bool
    /// No report is made: `--quiet` without `--output` (a report file is still written).
    let quiet: Bool
    let configuration: RuleConfiguration
    let style: TextStyle
    /// The report file, when `--output` names one.
    let file: AtomicFileOutput?
    /// The environment the pipeline sees: its output is the report's destination.
    let environment: CommandEnvironment
    private let original: CommandEnvironment

    /// Nil after printing why the run cannot start (exit 2).
    init?(_ parsed: ParsedArguments, command: String, _ environment: CommandEnvironment) {
        guard let configuration = RuleConfiguration.load(parsed, command: command, environment) else { return nil }
        self.command = command
        self.configuration = configuration
        format = parsed.choice("format", default: ReportFormat.text)
        silent = parsed.isSet("quiet")
        quiet = silent && !parsed.isSet("output")
        original = environment
        var reportEnvironment = environment
        if let path = parsed.value("output") {
            switch AtomicFileOutput.create(path) {
            case .success(let output): file = output
            case .failure(let error):
                environment.errors.write("vodhook \(command): error: cannot write the report to \(TerminalSafe.quoted(path)): \(error.reason)\n")
                return nil
            }
            reportEnvironment.output = file!
            // Colour codes never go into a file, whatever --color says.
            style = TextStyle(enabled: false)
        } else {
            file = nil
            style = CommonOptions.style(parsed, environment)
        }
        self.environment = reportEnvironment
    }

    var policy: FindingPolicy { configuration.policy }

    /// What the format's writer needs to know about the run.
    var settings: ReportFormat.Settings {
        ReportFormat.Settings(
            style: style, workingDirectory: environment.workingDirectory,
            rulesDocument: environment.variables[RuleDocumentation.variable].flatMap { $0.isEmpty ? nil : $0 },
            runName: "vodhook \(command)")
    }

    func assembler() -> ReportAssembler {
        ReportAssembler(format: format, quiet: quiet, sink: environment.output, policy: policy, settings: settings)
    }

    func preparer() -> ReportPreparer {
        ReportPreparer(format: format, quiet: quiet, settings: settings)
    }

    /// Ends the report and decides the exit code; `readable` is false when a path could not be read.
    /// `skippedLogLines`: lines of logs that held no callback, which the closing line counts.
    func end(_ assembler: inout ReportAssembler, readable: Bool, noun: String = "document", skippedLogLines: Int = 0) -> ExitCode {
        assembler.finish()
        var outcome = assembler.outcome
        outcome.hadTrouble = !readable
        let footer = TextDiagnosticRenderer(style: style).footer(outcome.tally, noun: noun, skippedLogLines: skippedLogLines)
        if !quiet {
            if format.isForPeople { environment.output.write(footer) }
            // A report in a file or in a machine format on stdout leaves the
            // log nothing to read: the count goes to stderr too, unless
            // whoever read stdout went away (`| head`), which ends quietly.
            if (file != nil || (!format.isForPeople && !environment.output.isClosed)) && !silent {
                original.errors.write(TextDiagnosticRenderer(style: TextStyle(enabled: false)).footer(outcome.tally, noun: noun, skippedLogLines: skippedLogLines))
            }
        }
        if readable && outcome.tally.documents == 0 && !environment.output.isClosed {
            original.errors.write("vodhook \(command): error: the run read no \(noun) at all\n")
            outcome.hadTrouble = true
        }
        if let file {
            if let reason = file.commit() {
                original.errors.write("vodhook \(command): error: cannot write the report to \(TerminalSafe.quoted(file.path)): \(reason)\n")
                outcome.hadTrouble = true
            }
        }
        return outcome.exitCode(.validity)
    }
}
