/// Where a rule's documentation lives, for SARIF's `helpUri`: its section
/// of docs/rules.md at the tag of the running version, so a code-scanning
/// alert links to the text that matches the tool that raised it.
public enum RuleDocumentation {
    /// The repository the project is published from. A fork that publishes
    /// its own docs sets `VODHOOK_RULES_URL` (or changes this line).
    public static let repository = "https://github.com/vodhook/vodhook"

    /// The environment variable that replaces the rules document's URL (the
    /// part before `#`), for forks and mirrors.
    public static let variable = "VODHOOK_RULES_URL"

    /// docs/rules.md at the tag `v<version>`.
    public static func document(version: String) -> String {
        "\(repository)/blob/v\(version)/docs/rules.md"
    }

    /// A rule's section: its heading in docs/rules.md is its ID, whose anchor is the ID itself.
    public static func url(of rule: RuleID, document: String) -> String {
        "\(document)#\(rule.rawValue)"
    }
}
