import ArgumentParsing
import VODHookCore

/// `vodhook summary`: what a captured log holds, at a glance.
enum SummaryCommand {
    static let spec = CommandSpec(
        name: "summary",
        abstract: "Summarize captured callbacks: one line each, then totals, duplicates and error codes.",
        usage: ["[OPTIONS] [PATH ...]"],
        options: [
            CommonOptions.input,
            CommonOptions.at,
            OptionSpec("format", kind: .value(placeholder: "format"), help: "text (a table and totals) or json (one object of totals)",
                       allowedValues: ["text", "json"]),
            OptionSpec("totals-only", help: "leave out the per-document lines"),
            CommonOptions.color,
            CommonOptions.jobs,
        ],
        positionals: "[PATH ...]",
        discussion: """
            A document is a duplicate when its normalized form (as 'vodhook normalize' writes it) equals an
            earlier document's; VOD retries failed deliveries, so logs often hold such copies. Documents
            that are not JSON count as invalid and are never duplicates.

            EXIT STATUS:
              0  the summary was made (use 'vodhook check' to judge validity)
              2  usage error, or a path could not be read (the others are still summarized)
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let json = parsed.value("format") == "json"
        let showDocuments = !json && !parsed.isSet("totals-only")
        guard let jobs = CommonOptions.jobs(parsed, command: "summary", environment),
              let envelope = CommonOptions.envelopePointer(parsed, command: "summary", environment)
        else { return .trouble }
        let table = SummaryTable(style: CommonOptions.style(parsed, environment))
        var committer = SummaryCommitter(environment: environment, table: table, showDocuments: showDocuments)
        if showDocuments { committer.lines.append(string: table.header()) }
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed))
        pipeline.envelope = envelope
        let readable = pipeline.run(
            paths: parsed.positionals, environment: environment, command: "summary", jobs: jobs,
            preparer: { SummaryPreparer(table: table, showDocuments: showDocuments) }, committer: &committer)
        committer.progress?.finish()
        if json {
            environment.output.write(SummaryJSON.object(committer.summary).pretty() + [0x0A])
        } else {
            if showDocuments { committer.lines.append(0x0A) }
            environment.output.write(committer.lines)
            environment.output.write(table.totals(committer.summary))
        }
        var outcome = RunOutcome()
        outcome.hadTrouble = !readable
        return outcome.exitCode(.reportOnly)
    }
}

/// Key orders for known events, prepared once per run.
final class KeyOrderCache {
    private var orders: [String: KeyOrder] = [:]
    /// The last answer: documents in a log nearly always name the same
    /// event. Two properties, not an optional tuple, whose copy went through
    /// the runtime's generic witnesses for every document.
    private var lastEventType: String?
    private var lastOrder = KeyOrder.source

    func keyOrder(for eventType: String?) -> KeyOrder {
        if let eventType, eventType == lastEventType { return lastOrder }
        let order = lookUp(eventType)
        if let eventType {
            lastEventType = eventType
            lastOrder = order
        }
        return order
    }

    private func lookUp(_ eventType: String?) -> KeyOrder {
        guard let eventType, let spec = EventCatalog.spec(forEventType: eventType) else { return .source }
        if let order = orders[eventType] { return order }
        let order = KeyOrder(spec.object)
        orders[eventType] = order
        return order
    }
}
