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
            OptionSpec("pretty", help: "indent with two spaces instead of one line per document"),
            OptionSpec("canonical", help: "RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript numbers"),
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
        let layout: JSONLayout = parsed.isSet("pretty") ? .pretty : .compact
        let canonical = parsed.isSet("canonical")
        let order = KeyOrderCache()
        var outcome = RunOutcome()
        var out: [UInt8] = []
        var problems: [UInt8] = []
        let renderer = TextDiagnosticRenderer(style: TextStyle(enabled: false))
        var pipeline = DocumentPipeline(mode: CommonOptions.inputMode(parsed), strict: false)
        let readable = pipeline.run(paths: parsed.positionals, environment: environment, command: "normalize") { item in
            let report = item.report, document = item.document, reader = item.locator
            outcome.tally.add(report)
            let blocking = document.findings.filter { $0.severity == .error }
            if let tree = document.json, blocking.isEmpty {
                DocumentSize.reserve(for: tree, in: &out)
                if canonical {
                    if JSONWriter.writeCanonical(tree, into: &out) {
                        out.append(0x0A)
                    } else {
                        outcome.failedDocuments += 1
                        let finding = Diagnostic(.error, RuleID("canonical-number"),
                                                 "a number is outside the range of IEEE 754 doubles, so RFC 8785 cannot write it",
                                                 offset: report.startOffset, pointer: document.pointerPrefix)
                        renderer.renderHeaders(source: report.source, [finding], locator: reader, into: &problems)
                    }
                } else {
                    JSONWriter.write(tree, layout: layout, topLevelOrder: order.keyOrder(for: report.eventType), into: &out)
                    out.append(0x0A)
                }
            } else {
                outcome.failedDocuments += 1
                renderer.renderHeaders(source: report.source, blocking, locator: reader, into: &problems)
            }
            if out.count >= 1 << 16 {
                environment.output.write(out)
                out.removeAll(keepingCapacity: true)
            }
            if !problems.isEmpty {
                environment.errors.write(problems)
                problems.removeAll(keepingCapacity: true)
            }
        }
        environment.output.write(out)
        outcome.hadTrouble = !readable
        return outcome.exitCode(.output)
    }
}
