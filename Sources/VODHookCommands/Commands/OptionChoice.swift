import ArgumentParsing

/// An option whose value is one of a fixed set (`--format`), read once as an
/// enum: the allowed values, the help and the completion come from its
/// cases, and no command compares the value as a string.
protocol OptionChoice: RawRepresentable<String>, CaseIterable {}

extension OptionChoice {
    /// The option that takes one of the cases, listed in the help and the completion.
    static func option(_ name: String, placeholder: String, help: String) -> OptionSpec {
        OptionSpec(name, kind: .value(placeholder: placeholder), help: help, allowedValues: allCases.map(\.rawValue))
    }
}

extension ParsedArguments {
    /// The option's case, or `fallback` when it is absent. The parser has
    /// already refused a value outside the allowed set (exit 2), so the
    /// fallback is only for the absent option.
    func choice<Choice: OptionChoice>(_ name: String, default fallback: Choice) -> Choice {
        value(name).flatMap(Choice.init(rawValue:)) ?? fallback
    }
}

/// `--format` of the commands that print either lines for people or JSON for programs (summary, send, listen).
enum TextOrJSON: String, OptionChoice {
    case text
    case json
}
