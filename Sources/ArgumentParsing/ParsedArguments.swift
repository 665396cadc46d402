/// What a command line said, looked up by each option's long name.
///
/// Asking about a name the command never declared answers as if the option were absent.
public struct ParsedArguments: Sendable, Equatable {
    /// Non-option arguments in order, including a lone `-` and everything after `--`.
    public let positionals: [String]
    /// True when `-h` or `--help` appeared; the caller should print help and stop.
    public let helpRequested: Bool
    /// True when `-V` or `--version` appeared.
    public let versionRequested: Bool

    let occurrences: [String: Int]
    let valuesByOption: [String: [String]]

    init(
        positionals: [String],
        helpRequested: Bool,
        versionRequested: Bool,
        occurrences: [String: Int],
        valuesByOption: [String: [String]]
    ) {
        self.positionals = positionals
        self.helpRequested = helpRequested
        self.versionRequested = versionRequested
        self.occurrences = occurrences
        self.valuesByOption = valuesByOption
    }

    /// Whether the option was given at least once.
    public func isSet(_ long: String) -> Bool {
        count(long) > 0
    }

    /// The value given last, so a repeated single-value option behaves like a later override.
    public func value(_ long: String) -> String? {
        valuesByOption[long]?.last
    }

    /// Every value kept, in command-line order: all of them for a repeatable option, else the last.
    public func values(_ long: String) -> [String] {
        valuesByOption[long] ?? []
    }

    /// How many times the option was given, e.g. to let `-vv` mean more than `-v`.
    public func count(_ long: String) -> Int {
        occurrences[long] ?? 0
    }
}
