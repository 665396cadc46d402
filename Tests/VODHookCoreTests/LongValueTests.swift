import Testing
@testable import VODHookCore

/// A payload value as long as a document may be is quoted in part and never
/// folded for a suggestion: a finding costs its message, not the value again.
@Suite struct LongValueTests {
    @Test func quotedValuesAreCutAtTheLimit() {
        let limit = TerminalSafe.quotedLimit
        let atLimit = String(repeating: "x", count: limit)
        #expect(TerminalSafe.quoted(atLimit) == "\"" + atLimit + "\"")
        let pastLimit = String(repeating: "é", count: limit + 1)
        #expect(TerminalSafe.quoted(pastLimit) == "\"" + String(repeating: "é", count: limit) + "\"… (\(2 * (limit + 1)) bytes)")
    }

    @Test func longValuesGetNoSuggestion() {
        let longest = ValueSuggestion.longestSuggestible
        #expect(ValueSuggestion.suggest("Success", among: ["success", "fail"]) == "success")
        let padded = String(repeating: " ", count: longest - 7) + "Success"
        #expect(ValueSuggestion.suggest(padded, among: ["success", "fail"]) == "success")
        #expect(ValueSuggestion.suggest(" " + padded, among: ["success", "fail"]) == nil)
        #expect(ValueSuggestion.nearest(to: String(repeating: "a", count: longest + 1), among: ["a"]) == nil)
    }

    @Test func aHugeInvalidValueIsOneShortFinding() throws {
        let value = String(repeating: "y", count: 200_000)
        let findings = try checkBody(#"{"EventType":"DeleteMediaComplete","Status":""# + value + #""}"#)
        let invalid = try #require(findings.first { $0.rule == "invalid-value" })
        #expect(invalid.message.utf8.count < TerminalSafe.quotedLimit + 200)
        #expect(invalid.message.contains("(200000 characters)"))
    }
}
