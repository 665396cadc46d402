/// Describes a command's interface, from which both parsing and help text are derived.
public struct CommandSpec: Sendable {
    /// The command's name, e.g. a subcommand such as `check`.
    public let name: String
    /// One line saying what the command is for, shown after "OVERVIEW:".
    public let abstract: String
    /// Usage lines without the program and command name, e.g. `"[OPTIONS] [PATH ...]"`.
    public let usage: [String]
    /// The declared options, in the order help lists them, after reserved names are removed.
    public let options: [OptionSpec]
    /// How positionals appear in usage, e.g. `"[PATH ...]"`; nil means none are accepted.
    public let positionals: String?
    /// Free text shown at the end of the help, e.g. examples or exit codes.
    public let discussion: String
    /// What a shell completes for a positional argument; files unless declared.
    public let positionalCompletion: ValueCompletion

    /// Describes a command.
    ///
    /// Every command answers `-h`, `--help`, `-V` and `--version`, so an option that reuses
    /// the long name `help` or `version` is dropped, as is one repeating an earlier
    /// long name; a short `h` or `V`, or a short already taken, is removed from its option.
    /// That keeps parsing unambiguous instead of trapping on a declaration mistake.
    public init(
        name: String,
        abstract: String,
        usage: [String],
        options: [OptionSpec],
        positionals: String? = nil,
        discussion: String = "",
        positionalCompletion: ValueCompletion = .files
    ) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.options = withoutConflicts(options)
        self.positionals = positionals
        self.discussion = discussion
        self.positionalCompletion = positionals == nil ? .nothing : positionalCompletion
    }
}

/// Long names every command answers to, whatever it declares.
let builtInLongNames = ["help", "version"]
/// The short name every command reserves for help.
let builtInShortHelp: Character = "h"
/// The short name every command reserves for the version.
let builtInShortVersion: Character = "V"

private func withoutConflicts(_ options: [OptionSpec]) -> [OptionSpec] {
    var longNames = Set(builtInLongNames)
    var shortNames: Set<Character> = [builtInShortHelp, builtInShortVersion]
    var kept: [OptionSpec] = []
    for option in options where longNames.insert(option.long).inserted {
        if let short = option.short, !shortNames.insert(short).inserted {
            kept.append(OptionSpec(
                option.long, short: nil, kind: option.kind, help: option.help,
                allowedValues: option.allowedValues, repeatable: option.repeatable, completion: option.completion))
        } else {
            kept.append(option)
        }
    }
    return kept
}
