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
        #expect(invalid.message.contains("… (200000 bytes)"))
    }
}

/// Only the start of a long value is decoded for its message: escapes,
/// surrogate pairs and raw multi-byte characters must not be cut apart.
@Suite struct LongValueQuoteTests {
    @Test(arguments: [#"y\u00e9\ud83d\ude00é\n"#, #"\ud83d\ude00"#, "é€😀", #"\"\\"#])
    func theStartOfALongValueIsQuotedAsTheWholeWouldBe(_ piece: String) throws {
        let source = String(repeating: piece, count: 60_000 / piece.utf8.count + 1)
        let findings = try checkBody(#"{"EventType":"DeleteMediaComplete","MediaId":""# + source + #""}"#)
        let note = try #require(findings.first { $0.rule == "media-id-format" })
        let whole = TerminalSafe.quoted(try #require(try Self.decoded(source)))
        let cut = try #require(whole.firstRange(of: "\"… ("))
        #expect(note.message.contains(String(whole[..<cut.lowerBound]) + "\"… (\(source.utf8.count) bytes)"))
    }

    /// What the reader decodes a string's source text to.
    static func decoded(_ source: String) throws -> String? {
        let reader = DocumentReader(input: BytesInput("\"" + source + "\""), mode: .body)
        var text: String?
        try reader.forEach { document in text = document.json.map { $0.string($0.root) } }
        return text
    }
}
