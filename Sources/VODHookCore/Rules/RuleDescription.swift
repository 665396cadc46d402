/// Everything the tool says about a rule: `rules` lists the summaries,
/// `explain` prints the rest, and the test suite runs the examples.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let severity: Severity
    public let summary: String
    public let explanation: String
    /// A source (one document) that triggers the rule. Built on demand:
    /// json-size's is megabytes long, and every run would pay for it.
    public var failingExample: String { makeFailingExample() }
    /// A close variant that does not.
    public var passingExample: String { makePassingExample() }
    private let makeFailingExample: @Sendable () -> String
    private let makePassingExample: @Sendable () -> String
    /// What the examples are: a JSON body, a raw HTTP capture, Base64 lines,
    /// a JSON body that `normalize --canonical` writes (not `check`'s business),
    /// or a path to read.
    public let exampleFormat: ExampleFormat

    public enum ExampleFormat: String, Sendable {
        case json, http, base64, canonical
        /// A JSON document whose callback is read with `--at /body`.
        case envelope
        /// A path relative to the package root, for rules about reading a path at all.
        case path
    }

    public init(
        id: RuleID, severity: Severity, summary: String, explanation: String,
        failingExample: @autoclosure @escaping @Sendable () -> String,
        passingExample: @autoclosure @escaping @Sendable () -> String,
        exampleFormat: ExampleFormat = .json
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.makeFailingExample = failingExample
        self.makePassingExample = passingExample
        self.exampleFormat = exampleFormat
    }
}
