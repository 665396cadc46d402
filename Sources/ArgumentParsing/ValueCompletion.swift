/// What a shell offers when completing a value, declared beside the option so
/// completion scripts and reference pages come from the same spec the parser reads.
public enum ValueCompletion: Sendable, Hashable {
    /// Free text, such as a number or a URL, or no positional at all: nothing to offer.
    case nothing
    /// Paths of files, descending into directories.
    case files
    /// Directories only.
    case directories
    /// Words offered but not enforced by the parser, such as rule IDs that the command checks itself.
    case words([String])
    /// The names of the program's subcommands, for a command like `help` that takes one.
    case commandNames
}
