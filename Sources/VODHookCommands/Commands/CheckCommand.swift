import ArgumentParsing
import VODHookCore

/// `vodhook check`: validate callbacks and print findings; the exit code is the verdict.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Validate callback payloads against the event's spec.",
        usage: ["[OPTIONS] [PATH ...]"],
        options: [
            CommonOptions.input,
            CommonOptions.at,
        ] + ReportFormat.options(formatHelp: "text (compiler-style), json (a record per document), github (annotations), sarif or junit")
          + [
            CommonOptions.strict,
        ] + RuleConfiguration.options + [
            OptionSpec("show-config", help: "print the rule configuration in effect and where each setting came from, then stop"),
            CommonOptions.quiet,
            CommonOptions.color,
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            PATH is a file, '-' for standard input, or a directory (every *.json, *.ndjson, *.jsonl,
            *.http, *.b64, *.log, rotated log (*.log.1) and *.gz below it, in sorted order). Without
            PATH, standard input is read.

            INPUT MODES:
              body    each source is exactly one JSON text (one callback body)
              stream  NDJSON, concatenated or pretty-printed texts, RFC 7464 records;
                      a top-level array is unpacked into its elements
              log     a text log: on each line, the JSON object (or array of objects) after a
                      prefix of any shape; lines without one are counted, not findings
              http    raw HTTP requests back to back; findings point into the capture
              base64  MNS bodies, one Base64 blob per line, or one blob wrapped over lines of
                      one width (as 'base64' prints it); blank lines separate blobs

            RULE CONFIGURATION:
              .vodhook.json is read from the working directory upward (stopping at a .git folder or /),
              unless --config FILE or --no-config says otherwise:
                {"severity": {"unknown-field": "off"}, "allowFields": {"DeleteMediaComplete": ["AppId"]}, "strict": true}
              --severity and --ignore apply over it, then --strict turns warnings into errors.

            REPORTS:
              --format sarif (GitHub code scanning) and --format junit (Jenkins, GitLab) with -o FILE
              write a report for CI; the summary goes to stderr. See docs/ci.md.

            EXIT STATUS:
              0  every document is valid
              1  some document has an error (or, with --strict, a warning)
              2  usage error, an unknown rule ID or a mistake in the configuration, a path that could
                 not be read, or a directory without callback files (the others are still checked)
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        guard let jobs = CommonOptions.jobs(parsed, command: "check", environment),
              let envelope = CommonOptions.envelopePointer(parsed, command: "check", environment),
              let session = ReportSession(parsed, command: "check", environment)
        else { return .trouble }
        if parsed.isSet("show-config") {
            session.file?.discard()
            environment.output.write(session.configuration.description())
            return .success
        }
        var assembler = session.assembler()
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed), policy: session.policy)
        pipeline.verbose = parsed.isSet("verbose")
        pipeline.announcesGuesses = !session.silent
        pipeline.envelope = envelope
        let threads = session.format.quotesSource && !session.quiet ? 1 : jobs
        // Each thread makes its own preparer, so the writer in it needs no locks.
        let (format, quiet, settings) = (session.format, session.quiet, session.settings)
        let readable = pipeline.run(
            paths: parsed.positionals, environment: session.environment, command: "check", jobs: threads,
            preparer: { ReportPreparer(format: format, quiet: quiet, settings: settings) }, committer: &assembler)
        return session.end(&assembler, readable: readable, skippedLogLines: pipeline.skippedLogLines.total)
    }
}
