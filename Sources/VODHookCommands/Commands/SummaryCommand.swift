import ArgumentParsing
import VODHookCore

/// `vodhook summary`: what a captured log holds, at a glance.
enum SummaryCommand {
    static let spec = CommandSpec(
        name: "summary",
        abstract: "Summarize captured callbacks: totals, duplicates, error codes and a line per event type.",
        usage: ["[OPTIONS] [PATH ...]", "--merge [OPTIONS] [SUMMARY.json ...]"],
        options: [
            CommonOptions.input,
            CommonOptions.at,
            TextOrJSON.option("format", placeholder: "format", help: "text (totals and a line per event type) or json (one object)"),
            OptionSpec("rows", help: "text: first a line per callback (time, status, event, identity, details, where)"),
            OptionSpec("totals-only", help: "text: totals and event types only, without --rows' lines (the default)"),
            OptionSpec("shard-key", kind: .value(placeholder: "key"),
                       help: "declare how the input was cut from a larger log (identity: each media's callbacks in this part), for --merge",
                       allowedValues: [SummaryTotals.identityShardKey]),
            OptionSpec("merge", help: "add up 'summary --format json' outputs of parts (files, or standard input) into the whole's summary"),
            CommonOptions.color,
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            A document is a duplicate when its normalized form (as 'vodhook normalize' writes it) equals an
            earlier document's; VOD retries failed deliveries, so logs often hold such copies. Documents
            that are not JSON count as invalid and are never duplicates. Distinct media are the distinct
            values of each event's identity field (VideoId, MediaId, JobId...).

            --merge adds up per-part JSON summaries: counts, statuses, codes, event types and the time range
            exactly; duplicates and distinct counts exactly only when every part was cut by identity
            ('vodhook normalize --shard K/N') and summarized with --shard-key identity, which the merged
            output states (distinctCountsExact). See docs/scale.md.

            EXIT STATUS:
              0  the summary was made (use 'vodhook check' to judge validity)
              2  usage error, a path could not be read (the others are still summarized), or a
                 --merge part is not a summary of this version
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let json = parsed.choice("format", default: TextOrJSON.text) == .json
        if parsed.isSet("rows") && (json || parsed.isSet("totals-only") || parsed.isSet("merge")) {
            let other = json ? "--format json" : parsed.isSet("merge") ? "--merge" : "--totals-only"
            environment.errors.write("vodhook summary: error: --rows cannot be combined with \(other)\nRun 'vodhook summary --help' for usage.\n")
            return .trouble
        }
        let style = CommonOptions.style(parsed, environment)
        if parsed.isSet("merge") { return merge(parsed, json: json, style: style, environment) }
        let showDocuments = parsed.isSet("rows")
        guard let jobs = CommonOptions.jobs(parsed, command: "summary", environment),
              let envelope = CommonOptions.envelopePointer(parsed, command: "summary", environment)
        else { return .trouble }
        let table = SummaryTable(style: style)
        var committer = SummaryCommitter(environment: environment, table: table, showDocuments: showDocuments)
        if showDocuments { committer.lines.append(string: table.header()) }
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed))
        pipeline.envelope = envelope
        let readable = pipeline.run(
            paths: parsed.positionals, environment: environment, command: "summary", jobs: jobs,
            preparer: { SummaryPreparer(table: table, showDocuments: showDocuments) }, committer: &committer)
        committer.progress?.finish()
        let totals = SummaryTotals(committer.summary, shardKey: parsed.value("shard-key"))
        if json {
            environment.output.write(SummaryJSON.object(totals).pretty() + [0x0A])
        } else {
            if showDocuments { committer.lines.append(0x0A) }
            environment.output.write(committer.lines)
            environment.output.write(table.totals(totals))
        }
        // Not a row of the totals: parts would have to merge it, and a log's
        // chatter is not a callback. Said where check says it, beside the data.
        let skipped = pipeline.skippedLogLines.total
        if skipped > 0 {
            environment.errors.write("vodhook summary: \(skipped) log line\(skipped == 1 ? "" : "s") without a callback skipped (--verbose lists them by first word)\n")
        }
        var outcome = RunOutcome()
        outcome.hadTrouble = !readable
        return outcome.exitCode(.reportOnly)
    }

    /// `--merge`: the parts' JSON summaries added up, printed as one summary.
    private static func merge(_ parsed: ParsedArguments, json: Bool, style: TextStyle, _ environment: CommandEnvironment) -> ExitCode {
        if let option = ["shard-key", "input", "jobs", "at"].first(where: parsed.isSet) {
            environment.errors.write("vodhook summary: error: --\(option) does not apply to --merge, which reads summaries\nRun 'vodhook summary --help' for usage.\n")
            return .trouble
        }
        switch SummaryMerge.totals(paths: parsed.positionals, environment) {
        case .failure(let failure):
            environment.errors.write("vodhook summary: error: --merge: \(failure.reason)\n")
            return .trouble
        case .success(let totals):
            if json {
                environment.output.write(SummaryJSON.object(totals).pretty() + [0x0A])
            } else {
                environment.output.write(SummaryTable(style: style).totals(totals))
            }
            return RunOutcome().exitCode(.reportOnly)
        }
    }
}
