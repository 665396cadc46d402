/// Everything the tool says about a rule: `rules` lists the summaries,
/// `explain` prints the rest, and the test suite runs the examples.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let severity: Severity
    public let summary: String
    public let explanation: String
    /// A source (one document) that triggers the rule.
    public let failingExample: String
    /// A close variant that does not.
    public let passingExample: String
}
