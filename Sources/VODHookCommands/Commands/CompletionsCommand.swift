import ArgumentParsing
import EditDistance
import VODHookCore

/// `vodhook completions SHELL`: a completion script made from the command specs.
enum CompletionsCommand {
    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a completion script for bash, zsh or fish.",
        usage: ["bash|zsh|fish"],
        options: [],
        positionals: "SHELL",
        discussion: """
            The script completes commands, options, option values and rule IDs, from the same specs
            the parser reads. 'make install' puts all three where the shells look; to try one at once:
              bash:  source <(vodhook completions bash)
              zsh:   source <(vodhook completions zsh)     (after compinit)
              fish:  vodhook completions fish | source
            """,
        positionalCompletion: .words(CompletionScript.Shell.allCases.map(\.rawValue)))

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let names = CompletionScript.Shell.allCases.map(\.rawValue)
        guard parsed.positionals.count == 1 else {
            return usage("expected one shell: \(names.joined(separator: ", "))", environment)
        }
        let name = parsed.positionals[0]
        guard let shell = CompletionScript.Shell(rawValue: name) else {
            var message = "unknown shell \(TerminalSafe.quoted(name)); expected one of: \(names.joined(separator: ", "))"
            if let near = nearestMatch(to: name, among: names) { message += "; did you mean '\(near)'?" }
            return usage(message, environment)
        }
        let script = CompletionScript(programName: "vodhook", commands: VODHook.subcommands.map(\.spec))
        environment.output.write(script.text(for: shell))
        return .success
    }

    private static func usage(_ message: String, _ environment: CommandEnvironment) -> ExitCode {
        environment.errors.write("vodhook completions: error: \(message)\nRun 'vodhook completions --help' for usage.\n")
        return .trouble
    }
}
