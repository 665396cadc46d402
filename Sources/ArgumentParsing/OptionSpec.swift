/// Declares one option a command accepts, so parsing and help text come from a single source.
public struct OptionSpec: Sendable, Hashable {
    /// Whether the option is a switch or carries a value.
    public enum Kind: Sendable, Hashable {
        /// Present or absent; may be given more than once (see `ParsedArguments.count(_:)`).
        case flag
        /// Takes a value; the placeholder names it in help text, as in `--format <format>`.
        case value(placeholder: String)
    }

    /// The name after `--`, without the dashes; it also keys the parsed results.
    public let long: String
    /// The letter after a single `-`, if the option has one.
    public let short: Character?
    /// Whether the option is a flag or takes a value.
    public let kind: Kind
    /// One line for the help text.
    public let help: String
    /// The only values accepted, when the set is closed; listed in help and checked by the parser.
    public let allowedValues: [String]?
    /// Whether every value is kept; otherwise a value option given twice keeps only the last.
    public let repeatable: Bool
    /// What a shell completes for the value: the allowed values when the set is closed, unless declared.
    public let completion: ValueCompletion

    /// Declares an option; `long` is written without its leading dashes.
    public init(
        _ long: String,
        short: Character? = nil,
        kind: Kind = .flag,
        help: String,
        allowedValues: [String]? = nil,
        repeatable: Bool = false,
        completion: ValueCompletion? = nil
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.help = help
        self.allowedValues = allowedValues
        self.repeatable = repeatable
        self.completion = completion ?? allowedValues.map(ValueCompletion.words) ?? .nothing
    }
}
