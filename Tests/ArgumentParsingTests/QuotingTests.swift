import Testing
@testable import ArgumentParsing

@Suite struct QuotingTests {
    @Test func plainTextIsOnlyQuoted() {
        #expect(quoted("json") == "'json'")
        #expect(quoted("") == "''")
        #expect(quoted("日本語 é 🙂") == "'日本語 é 🙂'")
    }

    @Test func lineBreaksAndControlsAreEscaped() {
        #expect(quoted("a\nb\tc\rd") == "'a\\nb\\tc\\rd'")
        #expect(quoted("\u{1B}[2J") == "'\\u{1B}[2J'")
        #expect(quoted("\u{0}\u{7F}\u{85}") == "'\\u{0}\\u{7F}\\u{85}'")
        #expect(quoted("a\u{2028}b\u{2029}") == "'a\\u{2028}b\\u{2029}'")
    }

    @Test func bidirectionalOverridesAreEscaped() {
        #expect(quoted("abc\u{202E}fed") == "'abc\\u{202E}fed'")
    }

    @Test func longTextIsCutShort() {
        let exact = String(repeating: "x", count: 80)
        #expect(quoted(exact) == "'\(exact)'")
        #expect(quoted(exact + "y") == "'\(exact)...'")
        #expect(quoted(String(repeating: "z", count: 1_000_000)).count == 80 + 5)
    }
}
