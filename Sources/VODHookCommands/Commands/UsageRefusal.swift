/// How a command refuses what it was given once its arguments are parsed:
/// one line saying why on standard error, a pointer to its help, exit 2,
/// as the parser's own refusals read.
enum UsageRefusal {
    static func refuse(_ message: String, _ environment: CommandEnvironment, command: String) -> ExitCode {
        environment.errors.write("vodhook \(command): error: \(message)\nRun 'vodhook \(command) --help' for usage.\n")
        return .trouble
    }
}
