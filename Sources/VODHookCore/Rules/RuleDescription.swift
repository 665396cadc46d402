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
    /// What the examples are: a JSON body, a raw HTTP capture, or Base64 lines.
    public let exampleFormat: ExampleFormat

    public enum ExampleFormat: String, Sendable {
        case json, http, base64
    }

    public init(
        id: RuleID, severity: Severity, summary: String, explanation: String,
        failingExample: String, passingExample: String, exampleFormat: ExampleFormat = .json
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.failingExample = failingExample
        self.passingExample = passingExample
        self.exampleFormat = exampleFormat
    }
}
