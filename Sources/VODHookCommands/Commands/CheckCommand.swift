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
            CommonOptions.findingsFormat(help: "compiler-style text, one JSON record per document, or GitHub Actions annotations"),
            CommonOptions.strict,
            CommonOptions.quiet,
            CommonOptions.color,
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            PATH is a file, '-' for standard input, or a directory (every *.json, *.ndjson, *.jsonl,
            *.http and *.b64 below it, in sorted order). Without PATH, standard input is read.

            INPUT MODES:
              body    each source is exactly one JSON text (one callback body)
              stream  NDJSON, concatenated or pretty-printed texts, RFC 7464 records;
                      a top-level array is unpacked into its elements
              http    raw HTTP requests back to back; findings point into the capture
              base64  MNS bodies, one Base64 blob per line, or one blob wrapped over lines of
                      one width (as 'base64' prints it); blank lines separate blobs

            EXIT STATUS:
              0  every document is valid
              1  some document has an error (or, with --strict, a warning)
              2  usage error, or a path could not be read (the others are still checked)
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let format = parsed.value("format") ?? "text"
        let quiet = parsed.isSet("quiet")
        guard let jobs = CommonOptions.jobs(parsed, command: "check", environment) else { return .trouble }
        let style = CommonOptions.style(parsed, environment)
        var committer = CheckCommitter(environment: environment)
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed), strict: parsed.isSet("strict"))
        // Text findings quote the source around them from the reader's
        // buffer, whose extent differs between threads: one thread reads those.
        let threads = format == "text" && !quiet ? 1 : jobs
        let readable = pipeline.run(
            paths: parsed.positionals, environment: environment, command: "check", jobs: threads,
            preparer: { CheckPreparer(format: format, quiet: quiet, style: style) }, committer: &committer)
        var outcome = committer.outcome
        outcome.hadTrouble = !readable
        if !quiet {
            environment.output.write(committer.buffer)
            if format == "text" { environment.output.write(TextDiagnosticRenderer(style: style).footer(outcome.tally)) }
        }
        return outcome.exitCode(.validity)
    }
}
