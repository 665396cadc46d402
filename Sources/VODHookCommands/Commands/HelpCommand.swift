import ArgumentParsing
import EditDistance
import VODHookCore

/// `vodhook help [COMMAND]`: a command's help as `COMMAND --help` prints it, or every
/// command at once as the man page or the Markdown of docs/commands.md.
enum HelpCommand {
    /// What `--format` may ask for.
    enum Format: String, OptionChoice {
        case text, man, markdown
    }

    static let spec = CommandSpec(
        name: "help",
        abstract: "Show a command's help, or the whole reference as a man page or Markdown.",
        usage: ["[COMMAND]", "--format man|markdown"],
        options: [
            Format.option("format", placeholder: "format",
                          help: "text (the overview, or COMMAND's help), man (the vodhook.1 page) or markdown (docs/commands.md)"),
        ],
        positionals: "[COMMAND]",
        discussion: """
            'vodhook help check' prints what 'vodhook check --help' prints. 'make man' writes the man page
            and 'make docs' the Markdown from this command, so they always match the options the parser accepts.
            """,
        positionalCompletion: .commandNames)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let commands = VODHook.subcommands.map(\.spec)
        guard parsed.positionals.count <= 1 else {
            return usage("expected at most one command, such as 'check'", environment)
        }
        let format = parsed.choice("format", default: Format.text)
        if let name = parsed.positionals.first {
            guard format == .text else {
                return usage("'--format \(format.rawValue)' prints every command; drop \(TerminalSafe.quoted(name))", environment)
            }
            let index: Int
            do {
                index = try selectSubcommand(name, among: commands.map(\.name))
            } catch {
                return usage(error.message, environment)
            }
            environment.output.write(commands[index].helpText(programName: "vodhook") + "\n")
            return .success
        }
        switch format {
        case .man: environment.output.write(CommandReference.manPage(commands, version: VODHook.version).text)
        case .markdown: environment.output.write(CommandReference.commandsPage(commands).text)
        case .text: environment.output.write(VODHook.overview() + "\n")
        }
        return .success
    }

    private static func usage(_ message: String, _ environment: CommandEnvironment) -> ExitCode {
        environment.errors.write("vodhook help: error: \(message)\nRun 'vodhook --help' for the list of commands.\n")
        return .trouble
    }
}
