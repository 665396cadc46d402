import Platform
import ArgumentParsing
import VODHookCore

/// Options several commands share, declared once so they read the same everywhere.
enum CommonOptions {
    static let input = OptionSpec(
        "input", kind: .value(placeholder: "mode"),
        help: "what a source holds; auto detects HTTP captures, Base64 bodies and prefixed logs, else reads a JSON stream",
        allowedValues: InputMode.allCases.map(\.rawValue))
    static let at = OptionSpec(
        "at", kind: .value(placeholder: "pointer"),
        help: "the callback sits at this JSON Pointer in each document (an object, or a string holding one), e.g. /body")
    static let color = OptionSpec(
        "color", kind: .value(placeholder: "when"),
        help: "colour text output; auto means on a terminal with NO_COLOR unset",
        allowedValues: ["auto", "always", "never"])
    static let strict = OptionSpec("strict", help: "count warnings as errors (unknown fields fail the run)")
    static let quiet = OptionSpec("quiet", short: "q", help: "print nothing; only the exit code tells")

    static let jobs = OptionSpec(
        "jobs", kind: .value(placeholder: "N"),
        help: "threads that share a large file or a pipe read as a stream; default: one per core; 1 reads on one thread")

    /// `--jobs`, or one thread per core (at most `Tuning.maxThreads`); nil, after saying why,
    /// when the value is not a whole number from 1.
    static func jobs(_ parsed: ParsedArguments, command: String, _ environment: CommandEnvironment) -> Int? {
        guard let text = parsed.value("jobs") else { return min(ProcessContext.processorCount(), Tuning.maxThreads) }
        // Digits only: `Int` alone would also take "+4".
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let count = Int(text), count >= 1 else {
            environment.errors.write("vodhook \(command): error: --jobs wants a whole number of threads from 1, not \(TerminalSafe.quoted(text))\nRun 'vodhook \(command) --help' for usage.\n")
            return nil
        }
        return min(count, Tuning.maxThreads)
    }

    static func inputMode(_ parsed: ParsedArguments) -> InputMode {
        parsed.value("input").flatMap(InputMode.init(rawValue:)) ?? .auto
    }

    /// `--at`, or nil when not given; false (after saying why) when it is not a JSON Pointer.
    static func envelopePointer(_ parsed: ParsedArguments, command: String, _ environment: CommandEnvironment) -> EnvelopePointer?? {
        guard let text = parsed.value("at") else { return .some(nil) }
        // "" is the whole document in RFC 6901: what reading without --at does, so a slip, not a choice.
        guard !text.isEmpty, let pointer = EnvelopePointer(text) else {
            environment.errors.write("vodhook \(command): error: --at wants a JSON Pointer such as /body ('~1' for '/', '~0' for '~' in a key), not \(TerminalSafe.quoted(text))\nRun 'vodhook \(command) --help' for usage.\n")
            return nil
        }
        return .some(pointer)
    }

    static func style(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> TextStyle {
        let columns = environment.outputIsTerminal ? environment.outputColumns : nil
        switch parsed.value("color") ?? "auto" {
        case "always": return TextStyle(enabled: true, columns: columns)
        case "never": return TextStyle(enabled: false, columns: columns)
        default:
            let noColor = environment.variables["NO_COLOR"].map { !$0.isEmpty } ?? false
            return TextStyle(enabled: environment.outputIsTerminal && !noColor, columns: columns)
        }
    }
}

/// How sources are read, as `--input` names it. `auto` recognizes raw HTTP
/// captures, Base64 bodies and prefixed logs and otherwise reads a JSON
/// stream; `InputPlan` turns this and a source's first bytes into a plan.
enum InputMode: String, CaseIterable {
    case auto, body, stream, log, http, base64
}
