import ArgumentParsing
import VODHookCore

/// The command-line tool as a function: arguments and an environment in,
/// an exit code out. `main.swift` only calls `main(arguments:)`.
public enum VODHook {
    public static let version = "0.1.0"

    struct Subcommand: Sendable {
        let spec: CommandSpec
        /// Reads callbacks from standard input when no PATH is named, which a terminal would only hold up.
        var readsStandardInputWithoutPaths = false
        let run: @Sendable (ParsedArguments, CommandEnvironment) -> ExitCode
    }

    static let subcommands: [Subcommand] = [
        Subcommand(spec: CheckCommand.spec, readsStandardInputWithoutPaths: true, run: CheckCommand.run),
        Subcommand(spec: SummaryCommand.spec, readsStandardInputWithoutPaths: true, run: SummaryCommand.run),
        Subcommand(spec: NormalizeCommand.spec, readsStandardInputWithoutPaths: true, run: NormalizeCommand.run),
        Subcommand(spec: SignCommand.spec, run: SignCommand.run),
        Subcommand(spec: VerifyCommand.spec, readsStandardInputWithoutPaths: true, run: VerifyCommand.run),
        Subcommand(spec: SampleCommand.spec, run: SampleCommand.run),
        Subcommand(spec: SendCommand.spec, run: SendCommand.run),
        Subcommand(spec: ListenCommand.spec, run: ListenCommand.run),
        Subcommand(spec: RulesCommand.spec, run: RulesCommand.run),
        Subcommand(spec: ExplainCommand.spec, run: ExplainCommand.run),
        Subcommand(spec: SpecCommand.spec, run: SpecCommand.run),
        Subcommand(spec: HelpCommand.spec, run: HelpCommand.run),
        Subcommand(spec: CompletionsCommand.spec, run: CompletionsCommand.run),
        Subcommand(spec: VersionCommand.spec, run: VersionCommand.run),
    ]

    /// Every command's interface, in the order the overview lists them: what
    /// the argument fuzzer builds its command lines from.
    public static var commandSpecs: [CommandSpec] { subcommands.map(\.spec) }

    /// Runs in the real process and flushes its output.
    public static func main(arguments: [String]) -> ExitCode {
        let environment = CommandEnvironment.process()
        let code = run(arguments: arguments, environment: environment)
        environment.output.flush()
        environment.errors.flush()
        return code
    }

    public static func run(arguments: [String], environment: CommandEnvironment) -> ExitCode {
        guard let first = arguments.first else {
            environment.errors.write(overview() + "\n")
            return .trouble
        }
        switch first {
        case "-h", "--help":
            environment.output.write(overview() + "\n")
            return .success
        case "-V", "--version":
            environment.output.write("vodhook \(version)\n")
            return .success
        default:
            break
        }
        let names = subcommands.map(\.spec.name)
        let index: Int
        do {
            index = try selectSubcommand(first, among: names)
        } catch {
            environment.errors.write("vodhook: error: \(error.message)\nRun 'vodhook --help' for the list of commands.\n")
            return .trouble
        }
        let command = subcommands[index]
        let parsed: ParsedArguments
        do {
            parsed = try command.spec.parse(Array(arguments.dropFirst()))
        } catch {
            environment.errors.write("vodhook \(command.spec.name): error: \(error.message)\nRun 'vodhook \(command.spec.name) --help' for usage.\n")
            return .trouble
        }
        if parsed.helpRequested {
            environment.output.write(command.spec.helpText(programName: "vodhook") + "\n")
            return .success
        }
        if parsed.versionRequested {
            environment.output.write("vodhook \(version)\n")
            return .success
        }
        if command.readsStandardInputWithoutPaths, parsed.positionals.isEmpty, environment.standardInputIsTerminal, !parsed.isSet("show-config") {
            return refuseTerminalInput(command.spec.name, environment)
        }
        return command.run(parsed, environment)
    }

    /// Reading callbacks from a terminal would only wait for typing; say so instead.
    static func refuseTerminalInput(_ command: String, _ environment: CommandEnvironment) -> ExitCode {
        environment.errors.write("vodhook \(command): reading callbacks from standard input, which is a terminal; pipe payloads in or name files\nRun 'vodhook \(command) --help' for usage.\n")
        return .trouble
    }

    static func overview() -> String {
        var lines = [
            "OVERVIEW: Inspect Alibaba Cloud ApsaraVideo VOD event callbacks.",
            "",
            "USAGE: vodhook <command> [OPTIONS] [PATH ...]",
            "",
            "COMMANDS:",
        ]
        let width = subcommands.map(\.spec.name.count).max() ?? 0
        for command in subcommands {
            lines.append("  " + command.spec.name + String(repeating: " ", count: width - command.spec.name.count + 2) + command.spec.abstract)
        }
        lines += ["", "Run 'vodhook help <command>' or 'vodhook <command> --help' for a command's options.", "Exit status: 0 valid, 1 invalid, 2 usage or I/O trouble.",
                  "The docs/*.md a help names are in the sources and, after 'make install', in PREFIX/share/doc/vodhook/docs/."]
        return lines.joined(separator: "\n")
    }
}
