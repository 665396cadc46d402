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
            OptionSpec("shard", kind: .value(placeholder: "K/N"),
                       help: "write only part K of N, cut by media (MediaId, else the event's identity) so each media's callbacks stay together"),
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            Known events put their fields in the spec's order, then other fields in the order they came.
            A document that is not well-formed JSON, or has a duplicate key, is not written (normalizing it
            would silently drop something); it is reported on standard error with its place and rule.
            Spec findings are 'vodhook check's business: spec-invalid documents are written as they are.

            --shard K/N keeps the documents whose media hashes to part K: the MediaId value when there is
            one, else the event's identity value (VideoId, JobId...); FNV-1a 64 of its UTF-8, modulo N,
            plus 1. Documents with neither (not JSON, an unknown event) are part 1's, and only part 1
            reports those it cannot write. See docs/scale.md.

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
        let shardText = parsed.value("shard")
        let shard = shardText.flatMap(shardOption)
        if let text = shardText, shard == nil {
            do {
                environment.errors.write("vodhook normalize: error: --shard wants K/N, part K of N with 1 <= K <= N, not \(TerminalSafe.quoted(text))\nRun 'vodhook normalize --help' for usage.\n")
                return .trouble
            }
        }
        var committer = NormalizeCommitter(environment: environment)
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed))
        pipeline.envelope = envelope
        let readable = pipeline.run(
            paths: parsed.positionals, environment: environment, command: "normalize", jobs: jobs,
            preparer: { NormalizePreparer(layout: layout, canonical: canonical, shard: shard) }, committer: &committer)
        var outcome = committer.outcome
        outcome.hadTrouble = !readable
        return outcome.exitCode(.output)
    }

    /// `K/N` as a 0-based part and a count, nil unless 1 <= K <= N (digits only).
    static func shardOption(_ text: String) -> (part: Int, count: Int)? {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        func number(_ digits: Substring) -> Int? {
            guard !digits.isEmpty, digits.utf8.count <= 9, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int(digits)
        }
        guard halves.count == 2, let part = number(halves[0]), let count = number(halves[1]), part >= 1, part <= count else { return nil }
        return (part - 1, count)
    }
}
