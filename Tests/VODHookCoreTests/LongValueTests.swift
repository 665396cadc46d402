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

    /// The excerpt of a long value, decoded only as far as it shows, is the
    /// excerpt of the whole decoded value: escapes, surrogate pairs and
    /// multibyte characters counted once each, wherever the cut falls.
    @Test func aLongValuesExcerptMatchesTheWholeValues() throws {
        let pieces = [#"a"#, #"\n"#, #"\u00e9"#, "é", "😀", #"\ud83d\ude00"#, #"\""#, "中"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<40 {
            var source = ""
            while source.utf8.count <= JSONDocument.longestComparedText + 50 {
                source += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            let bytes = Array(("\"" + source + "\"").utf8)
            let reader = DocumentReader(input: BytesInput(bytes), mode: .body)
            try reader.forEach { document in
                let json = try! #require(document.json)
                #expect(json.isLongString(json.root))
                #expect(json.quotedExcerpt(json.root) == TerminalSafe.quotedExcerpt(json.string(json.root)))
                #expect(json.firstDecodedByte(json.root) == json.decodedBytes(json.root).first)
            }
        }
    }
}
