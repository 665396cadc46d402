import ArgumentParsing
import VODHookCore

/// `vodhook normalize`: every well-formed document in one canonical shape.
enum NormalizeCommand {
    static let spec = CommandSpec(
        name: "normalize",
        abstract: "Write each document in one canonical shape: spec field order, minimal escaping, one per line.",
        usage: ["[OPTIONS] [PATH ...]"],
        options: [
            CommonOptions.input,
            CommonOptions.at,
            OptionSpec("pretty", help: "indent with two spaces instead of one line per document"),
            OptionSpec("canonical", help: "RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript numbers"),
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            Known events put their fields in the spec's order, then other fields in the order they came.
            A document that is not well-formed JSON, or has a duplicate key, is not written (normalizing it
            would silently drop something); it is reported on standard error with its place and rule.
            Spec findings are 'vodhook check's business: spec-invalid documents are written as they are.

            EXIT STATUS:
              0  every document was written
              1  some document could not be written
              2  usage error, or a path could not be read
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        if parsed.isSet("pretty") && parsed.isSet("canonical") {
            environment.errors.write("vodhook normalize: error: --pretty and --canonical cannot be combined; RFC 8785 output has no whitespace\n")
            return .trouble
        }
        guard let jobs = CommonOptions.jobs(parsed, command: "normalize", environment),
              let envelope = CommonOptions.envelopePointer(parsed, command: "normalize", environment)
        else { return .trouble }
        let layout: JSONLayout = parsed.isSet("pretty") ? .pretty : .compact
        let canonical = parsed.isSet("canonical")
        var committer = NormalizeCommitter(environment: environment)
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed))
        pipeline.envelope = envelope
        let readable = pipeline.run(
            paths: parsed.positionals, environment: environment, command: "normalize", jobs: jobs,
            preparer: { NormalizePreparer(layout: layout, canonical: canonical) }, committer: &committer)
        environment.output.write(committer.out)
        var outcome = committer.outcome
        outcome.hadTrouble = !readable
        return outcome.exitCode(.output)
    }
}
