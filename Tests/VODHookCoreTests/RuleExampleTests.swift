import Testing
import VODHookCore

/// Each rule's own examples are its first tests: the failing one must
/// trigger it, the passing one must not, and nothing else may be an error
/// in the passing one.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleCatalog.all.map(\.id.rawValue)

    @Test(arguments: ruleIDs)
    func failingExampleTriggersTheRule(_ id: String) throws {
        let rule = try #require(RuleCatalog.description(of: RuleID(id)))
        let findings = try checkExample(rule.failingExample, format: rule.exampleFormat)
        #expect(findings.contains { $0.rule == id && $0.severity == rule.severity }, "\(findings)")
    }

    @Test(arguments: ruleIDs)
    func passingExampleDoesNot(_ id: String) throws {
        let rule = try #require(RuleCatalog.description(of: RuleID(id)))
        let findings = try checkExample(rule.passingExample, format: rule.exampleFormat)
        #expect(!findings.contains { $0.rule == id }, "\(findings)")
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
    }

    @Test func everyRuleIDIsUniqueAndKebabCase() {
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
        for id in Self.ruleIDs {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
        }
    }

    @Test func severitiesMatchTheIssueTable() {
        let warnings: Set = [
            "json-bom", "unknown-field", "jobids-without-stream", "error-fields-on-success", "missing-error-on-failure", "canonical-rounding",
        ]
        let notes: Set = ["missing-jobids-on-stream", "media-id-format", "url-format", "spec-drift"]
        for rule in RuleCatalog.all {
            let expected: Severity = warnings.contains(rule.id.rawValue) ? .warning : notes.contains(rule.id.rawValue) ? .note : .error
            #expect(rule.severity == expected, "\(rule.id)")
        }
    }
}
