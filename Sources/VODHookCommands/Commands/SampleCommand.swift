import ArgumentParsing
import VODHookCore

/// `vodhook sample`: realistic callbacks to test receivers with, or ones
/// that break exactly one rule.
enum SampleCommand {
    static let spec = CommandSpec(
        name: "sample",
        abstract: "Write realistic payloads of any event, or payloads that break one chosen rule.",
        usage: [
            "[--event E] [--status S] [--media-type T] [--delete-type D] [--set FIELD=VALUE ...] [--count N] [--seed S] [--pretty]",
            "--violate RULE [--event E] [--count N] [--seed S] [--pretty]",
            "--all-rules [--output-dir DIR] [--seed S] [--pretty]",
            "--lifecycle [--count N] [--seed S] [--pretty]",
        ],
        options: [
            // Offered, not enforced: 21 names in one line break help and man pages; the setting checks the name.
            OptionSpec("event", kind: .value(placeholder: "name"), help: "the event type (default: DeleteMediaComplete); 'vodhook spec' lists them",
                       completion: .words(EventCatalog.events.map(\.eventType))),
            OptionSpec("status", kind: .value(placeholder: "status"), help: "hold Status fixed (default: mostly success)",
                       allowedValues: ["success", "fail"]),
            OptionSpec("media-type", kind: .value(placeholder: "type"), help: "hold MediaType fixed (default: mostly video)",
                       allowedValues: ["video", "image", "attached"]),
            OptionSpec("delete-type", kind: .value(placeholder: "type"), help: "hold DeleteType fixed (default: mostly all)",
                       allowedValues: ["all", "mezzanine", "stream"]),
            OptionSpec("set", kind: .value(placeholder: "field=value"),
                       help: "set or add a field; VALUE is JSON if it is one JSON text, else a string (repeatable)", repeatable: true),
            OptionSpec("count", short: "n", kind: .value(placeholder: "n"), help: "how many payloads to write (default: 1)"),
            OptionSpec("seed", kind: .value(placeholder: "seed"),
                       help: "a whole number from 0 to 2^64-1 (default: \(SampleGenerator.defaultSeed)); a seed always gives the same payloads"),
            OptionSpec("pretty", help: "indent with two spaces instead of one line per payload"),
            OptionSpec("violate", kind: .value(placeholder: "rule"), help: "break this rule and nothing else ('vodhook rules' lists them)",
                       completion: .violableRuleIDs),
            OptionSpec("all-rules", help: "one payload per rule a payload can break, in 'vodhook rules' order"),
            OptionSpec("output-dir", kind: .value(placeholder: "dir"), help: "with --all-rules: write DIR/RULE.json for every rule instead",
                       completion: .directories),
            OptionSpec("lifecycle", help: "a receiver's log of N callbacks: videos uploaded, analysed, transcoded, snapshotted, sometimes reviewed or deleted"),
        ],
        discussion: """
            Payloads are written as 'vodhook normalize' writes documents: spec field order, one per line
            (or indented with --pretty). Values look real: 32-hex MediaIds, comma-separated 32-hex JobIds
            for stream deletes, the error codes and messages DeleteVideo and DeleteStream document, and
            EventTimes from 2025 on that increase from one payload to the next. Without --status, --media-type
            and --delete-type, each payload draws its own values, mostly successful video deletions.

            The same seed always gives the same bytes, on any platform, and the first N payloads of a longer
            run are the N of a shorter one. Holding a field fixed leaves the others as they were.

            --set FIELD=VALUE is applied last, so it overrides anything: --set MediaId=abc gives the
            string "abc", --set Extra=1 the number 1, --set 'Extra="1"' the string "1".

            --violate RULE writes payloads that 'vodhook check' reports under RULE and nothing else, not even
            a warning or note. \(wholeSourceRules) are about a whole source, so their payload is a
            source of its own (a byte-order mark before the callback; an empty output). No payload breaks
            json-size (that takes a document hundreds of MiB long) or the rules about how a payload
            travels, in HTTP captures and Base64 bodies:
              \(captureRules)
            nor \(canonicalRules), which only 'normalize --canonical' reports.

            --all-rules writes the --violate payload of every rule, in 'vodhook rules' order, each exactly
            what '--violate RULE --seed S' writes. On standard output they are one stream, so the
            whole-source rules are left out (with a note on standard error); --output-dir DIR writes every
            one as DIR/RULE.json, the whole-source ones included.

            EXIT STATUS:
              0  the payloads were written
              2  usage error, or a file could not be written
            """)

    static let wholeSourceRules: String = {
        // A plain loop: slices and joins of them cost every start-up ~150,000 instructions of type lookup.
        let names = Violation.all.filter(\.wholeSource).map(\.rule.rawValue)
        var text = ""
        for index in names.indices {
            if index > 0 { text += index == names.count - 1 ? " and " : ", " }
            text += names[index]
        }
        return text
    }()
    static let captureRules = RuleCatalog.all.filter { $0.exampleFormat == .http || $0.exampleFormat == .base64 }
        .map(\.id.rawValue).joined(separator: ", ")
    static let canonicalRules = RuleCatalog.all.filter { $0.exampleFormat == .canonical }.map(\.id.rawValue).joined(separator: " or ")

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let settings: SampleSettings
        switch SampleSettings.parse(parsed) {
        case .success(let parsedSettings): settings = parsedSettings
        case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "sample")
        }
        switch settings.mode {
        case .samples(let choices, let fields): return samples(settings, choices: choices, fields: fields, environment)
        case .violate(let name): return violate(name, settings, environment)
        case .allRules(let directory): return allRules(settings, directory: directory, environment)
        case .lifecycle:
            var log = LifecycleGenerator(seed: settings.seed, layout: settings.writer.layout)
            var out: [UInt8] = []
            for _ in 0..<settings.count where !environment.output.isClosed {
                out += log.next()
                out.append(0x0A)
                if out.count >= 1 << 16 {
                    environment.output.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            environment.output.write(out)
            return .success
        }
    }

    private static func samples(_ settings: SampleSettings, choices: SampleChoices, fields: [SampleFields.Member], _ environment: CommandEnvironment) -> ExitCode {
        let next: () -> SampleFields
        if let event = settings.event {
            var sampler = EventSampler(event: event, seed: settings.seed)
            next = { sampler.next(failing: choices.status.map { $0 == "fail" }) }
        } else {
            var generator = SampleGenerator(seed: settings.seed, choices: choices)
            next = { generator.next().fields }
        }
        let progress = ProgressLine(environment, command: "sample", noun: "payloads")
        defer { progress?.finish() }
        for written in 0..<settings.count where !environment.output.isClosed {
            progress?.update(written + 1)
            var payload = next()
            for member in fields { payload.set(member.name, json: member.json) }
            do {
                environment.output.write(try settings.writer.write(payload.text) + [0x0A])
            } catch {
                // The same --set values go into every payload, so this can only happen on the first.
                return UsageRefusal.refuse("the --set values make no well-formed payload: \(error.finding.message)", environment, command: "sample")
            }
        }
        return .success
    }

    private static func violate(_ name: String, _ settings: SampleSettings, _ environment: CommandEnvironment) -> ExitCode {
        guard let rule = RuleCatalog.description(of: RuleID(name)) else {
            var message = "vodhook sample: error: unknown rule \(TerminalSafe.quoted(name))"
            if let near = ExplainCommand.nearestRule(name) { message += "; did you mean '\(near)'?" }
            environment.errors.write(message + "\nRun 'vodhook rules' for the list.\n")
            return .trouble
        }
        if let event = settings.event {
            var sampler = EventSampler(event: event, seed: settings.seed)
            if EventViolations.isWholeSource(rule.id) && settings.count > 1 {
                return UsageRefusal.refuse("'\(name)' is about a whole source, so '--violate \(name)' writes one payload; drop '--count'", environment, command: "sample")
            }
            for _ in 0..<settings.count where !environment.output.isClosed {
                guard let payload = EventViolations.payload(rule.id, sampler: &sampler, writer: settings.writer) else {
                    return UsageRefusal.refuse("no \(event.eventType) payload can break '\(name)': the rule is about fields or conditions that event does not have", environment, command: "sample")
                }
                environment.output.write(line(payload))
            }
            return .success
        }
        guard let violation = Violation.forRule(rule.id) else {
            let reason = switch rule.exampleFormat {
            case .http: "it is about raw HTTP requests (their headers and framing), not the JSON a callback carries"
            case .base64: "it is about Base64-encoded MNS bodies, not the JSON a callback carries"
            case .canonical: "it is about what 'normalize --canonical' writes, which 'vodhook check' does not report"
            case .json: "breaking it takes a document hundreds of MiB long, no sample"
            case .path: "it is about reading a path at all, not what a source holds"
            case .envelope: "it is about where '--at' looks inside a document, not the callback itself"
            }
            return UsageRefusal.refuse("no payload can break '\(name)': \(reason)", environment, command: "sample")
        }
        if violation.wholeSource && settings.count > 1 {
            return UsageRefusal.refuse("'\(name)' is about a whole source, so '--violate \(name)' writes one payload; drop '--count'", environment, command: "sample")
        }
        var generator = SampleGenerator(seed: settings.seed, choices: violation.base)
        let progress = ProgressLine(environment, command: "sample", noun: "payloads")
        defer { progress?.finish() }
        for written in 0..<settings.count where !environment.output.isClosed {
            progress?.update(written + 1)
            environment.output.write(line(violation.payload(&generator, writer: settings.writer)))
        }
        return .success
    }

    private static func allRules(_ settings: SampleSettings, directory: String?, _ environment: CommandEnvironment) -> ExitCode {
        func payload(_ violation: Violation) -> [UInt8] {
            var generator = SampleGenerator(seed: settings.seed, choices: violation.base)
            return line(violation.payload(&generator, writer: settings.writer))
        }
        guard let directory else {
            for violation in Violation.all where !violation.wholeSource { environment.output.write(payload(violation)) }
            environment.errors.write("vodhook sample: note: \(wholeSourceRules) are left out: they are about a whole source, not a line of a stream; --output-dir DIR writes them as files\n")
            return .success
        }
        if let reason = FileWriting.createDirectories(directory) {
            environment.errors.write("vodhook sample: cannot create directory \(TerminalSafe.quoted(directory)): \(reason)\n")
            return .trouble
        }
        var outcome = RunOutcome()
        for violation in Violation.all {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + violation.rule.rawValue + ".json"
            if let reason = FileWriting.write(payload(violation), to: path) {
                environment.errors.write("vodhook sample: cannot write \(TerminalSafe.quoted(path)): \(reason)\n")
                outcome.hadTrouble = true
            }
        }
        return outcome.exitCode(.output)
    }

    /// A payload as a line of output; an empty source stays empty.
    private static func line(_ payload: [UInt8]) -> [UInt8] {
        payload.isEmpty ? [] : payload + [0x0A]
    }
}
