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
              base64  MNS bodies, one Base64 blob per line (or one wrapped blob)

            EXIT STATUS:
              0  every document is valid
              1  some document has an error (or, with --strict, a warning)
              2  usage error, or a path could not be read (the others are still checked)
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let format = parsed.value("format") ?? "text"
        let quiet = parsed.isSet("quiet")
        let style = CommonOptions.style(parsed, environment)
        let text = TextDiagnosticRenderer(style: style)
        let json = JSONRecordRenderer()
        let github = GitHubAnnotationRenderer()
        var outcome = RunOutcome()
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed), strict: parsed.isSet("strict"))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        let readable = pipeline.run(paths: parsed.positionals, environment: environment, command: "check") { item in
            let report = item.report, reader = item.locator
            outcome.tally.add(report)
            guard !quiet else { return }
            switch format {
            case "json": json.render(report, locator: reader, into: &buffer)
            case "github": github.render(report, locator: reader, into: &buffer)
            default: text.render(report, locator: reader, into: &buffer)
            }
            if buffer.count >= 1 << 16 {
                environment.output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        outcome.hadTrouble = !readable
        if !quiet {
            environment.output.write(buffer)
            if format == "text" { environment.output.write(text.footer(outcome.tally)) }
        }
        return outcome.exitCode(.validity)
    }
}
