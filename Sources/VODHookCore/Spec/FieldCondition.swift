/// A rule that ties fields together: "when Status is fail, ErrorCode should
/// be present". Conditions are data so a new event adds rows, not code.
public struct FieldCondition: Sendable, Hashable {
    public enum Trigger: Sendable, Hashable {
        /// The governing field holds this (valid) value.
        case equals(String)
        /// The governing field holds a valid value other than this one.
        case differsFrom(String)
    }

    public enum Expectation: Sendable, Hashable {
        case present
        case absent
    }

    public let rule: RuleID
    public let field: String
    public let trigger: Trigger
    public let expectation: Expectation
    /// The fields that must be present or absent when the trigger holds.
    public let subjects: [String]
    /// Why, for the message: "JobIds is returned only when DeleteType is stream".
    public let reason: String

    public init(_ rule: RuleID, when field: String, _ trigger: Trigger, expect subjects: [String], _ expectation: Expectation, because reason: String) {
        self.rule = rule
        self.field = field
        self.trigger = trigger
        self.expectation = expectation
        self.subjects = subjects
        self.reason = reason
    }
}
