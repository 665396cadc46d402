import Testing
@testable import VODHookCore

/// The hint for a value outside an allowed set names the value most likely
/// meant, and nothing when nothing is close: a wrong guess misleads more than none.
@Suite struct ValueSuggestionTests {
    static let status = ["success", "fail"]
    static let mediaType = ["video", "image", "attached"]
    static let deleteType = ["all", "mezzanine", "stream"]

    struct Row: CustomStringConvertible, Sendable {
        let value: String
        let allowed: [String]
        let expected: String?
        var description: String { "\(value) → \(expected ?? "nil")" }
        init(_ value: String, _ allowed: [String], _ expected: String?) {
            self.value = value
            self.allowed = allowed
            self.expected = expected
        }
    }

    static let rows: [Row] = [
        // Case.
        Row("Success", status, "success"), Row("SUCCESS", status, "success"), Row("FAIL", status, "fail"),
        Row("Video", mediaType, "video"), Row("IMAGE", mediaType, "image"), Row("Attached", mediaType, "attached"),
        Row("ALL", deleteType, "all"), Row("Mezzanine", deleteType, "mezzanine"), Row("Stream", deleteType, "stream"),
        // Surrounding whitespace, of any kind, and case together.
        Row(" success", status, "success"), Row("fail ", status, "fail"), Row("\tstream\n", deleteType, "stream"),
        Row("\u{00A0}video\u{3000}", mediaType, "video"), Row("  All  ", deleteType, "all"),
        // Every ASCII whitespace byte, which the all-ASCII path trims itself.
        Row("\u{0B}fail\u{0C}", status, "fail"), Row("\r\nsuccess\r\n", status, "success"), Row(" \t\u{0B}\u{0C}\r\n", status, nil),
        // Small edits: a slip per three letters.
        Row("failed", status, "fail"), Row("sucess", status, "success"), Row("succes", status, "success"),
        Row("scucess", status, "success"), Row("vidoe", mediaType, "video"), Row("images", mediaType, "image"),
        Row("attach", mediaType, "attached"), Row("mezanine", deleteType, "mezzanine"), Row("streams", deleteType, "stream"),
        Row("FAILED", status, "fail"), Row("success.", status, "success"),
        // The allowed value with something after it.
        Row("failure", status, "fail"), Row("successful", status, "success"),
        // Abbreviations of three letters or more.
        Row("suc", status, "success"), Row("vid", mediaType, "video"), Row("mezz", deleteType, "mezzanine"),
        // Nothing close.
        Row("xyzzy", status, nil), Row("ok", status, nil), Row("true", status, nil), Row("1", status, nil),
        Row("delete", deleteType, nil), Row("MoveToTrash", deleteType, nil), Row("a", deleteType, nil),
        Row("", status, nil), Row("   ", status, nil), Row("succeeded", status, nil),
        Row("document", mediaType, nil),
    ]

    @Test(arguments: rows)
    func suggests(_ row: Row) {
        #expect(ValueSuggestion.suggest(row.value, among: row.allowed) == row.expected)
    }

    @Test func suggestsOnlyAllowedValues() {
        for row in Self.rows {
            if let suggestion = ValueSuggestion.suggest(row.value, among: row.allowed) {
                #expect(row.allowed.contains(suggestion))
            }
        }
    }

    @Test func aHugeValueIsCheapAndMatchesNothing() {
        #expect(ValueSuggestion.suggest(String(repeating: "x", count: 100_000), among: Self.status) == nil)
    }
}
