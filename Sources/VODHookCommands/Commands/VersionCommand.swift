import ArgumentParsing

/// `vodhook version`: what `--version` prints, for people who type the word.
enum VersionCommand {
    static let spec = CommandSpec(
        name: "version",
        abstract: "Print the version, as --version does.",
        usage: [""],
        options: [])

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        environment.output.write("vodhook \(VODHook.version)\n")
        return .success
    }
}
