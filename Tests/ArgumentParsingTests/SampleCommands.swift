import ArgumentParsing

/// A command shaped like vodhook's own, exercising every kind of option.
let checkCommand = CommandSpec(
    name: "check",
    abstract: "Validate VOD event-callback payloads",
    usage: ["[OPTIONS] [PATH ...]", "[OPTIONS] - < payload.json"],
    options: [
        OptionSpec("quiet", short: "q", help: "Print nothing; report through the exit code"),
        OptionSpec("strict", short: "s", help: "Treat warnings as errors"),
        OptionSpec(
            "format", short: "f", kind: .value(placeholder: "format"), help: "Output format",
            allowedValues: ["text", "json", "github"]),
        OptionSpec(
            "timestamp", kind: .value(placeholder: "seconds"),
            help: "Judge freshness as of this Unix time"),
        OptionSpec("rule", kind: .value(placeholder: "id"), help: "Only run this rule", repeatable: true),
        OptionSpec("verbose", short: "v", help: "Explain each finding"),
    ],
    positionals: "[PATH ...]",
    discussion: "Reads standard input when PATH is '-'.")

/// A command that accepts no positionals at all.
let noPositionalsCommand = CommandSpec(
    name: "rules", abstract: "List the rules", usage: [], options: [])

/// Parses, turning a usage error into a value so tests can compare it directly.
func outcome(_ spec: CommandSpec, _ arguments: [String]) -> Result<ParsedArguments, UsageError> {
    Result { () throws(UsageError) in try spec.parse(arguments) }
}

/// The message of the error parsing with `checkCommand` throws, or nil when it succeeds.
func errorMessage(_ arguments: [String]) -> String? {
    errorMessage(checkCommand, arguments)
}

/// The message of the error a parse throws, or nil when it succeeds.
func errorMessage(_ spec: CommandSpec, _ arguments: [String]) -> String? {
    guard case .failure(let error) = outcome(spec, arguments) else { return nil }
    return error.message
}
