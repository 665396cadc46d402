import Testing
import EditDistance

@Suite struct NearestMatchTests {
    let formats = ["text", "json", "github"]

    @Test func suggestsTheClosestCandidate() {
        #expect(nearestMatch(to: "fromat", among: ["quiet", "format", "help"]) == "format")
        #expect(nearestMatch(to: "jsn", among: formats) == "json")
        #expect(nearestMatch(to: "chek", among: ["check", "canonicalize"]) == "check")
    }

    @Test func returnsNilWhenNothingIsClose() {
        #expect(nearestMatch(to: "xml", among: formats) == nil)
        #expect(nearestMatch(to: "zzzzzz", among: ["format"]) == nil)
        #expect(nearestMatch(to: "x", among: []) == nil)
    }

    @Test func allowsOneEditPerThreeCharactersAndAtLeastOne() {
        // Two characters: one edit allowed.
        #expect(nearestMatch(to: "ab", among: ["xb"]) == "xb")
        #expect(nearestMatch(to: "ab", among: ["xy"]) == nil)
        // Six characters: two edits allowed, not three.
        #expect(nearestMatch(to: "abcdef", among: ["abcdxy"]) == "abcdxy")
        #expect(nearestMatch(to: "abcdef", among: ["abcxyz"]) == nil)
    }

    @Test func ignoresCase() {
        #expect(nearestMatch(to: "JSON", among: formats) == "json")
        #expect(nearestMatch(to: "Fromat", among: ["FORMAT"]) == "FORMAT")
    }

    @Test func anExactCaseInsensitiveMatchWins() {
        // "formats" comes first and is only one edit away; the exact match must still win.
        #expect(nearestMatch(to: "FORMAT", among: ["formats", "format"]) == "format")
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(nearestMatch(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(nearestMatch(to: "cat", among: ["hat", "bat"]) == "hat")
    }

    @Test func closerBeatsEarlier() {
        #expect(nearestMatch(to: "abcdef", among: ["abcdxy", "abcdex"]) == "abcdex")
    }

    @Test func fallsBackToAPrefixOfThreeOrMoreCharacters() {
        #expect(nearestMatch(to: "time", among: ["quiet", "timestamp"]) == "timestamp")
        #expect(nearestMatch(to: "TIM", among: ["timestamp", "timeout"]) == "timestamp")
        // Too short to be a telling abbreviation.
        #expect(nearestMatch(to: "ti", among: ["timestamp"]) == nil)
    }

    @Test func aCloseMatchBeatsAPrefix() {
        #expect(nearestMatch(to: "tima", among: ["timestamp", "time"]) == "time")
    }

    @Test func emptyWordsAndCandidatesNeverMatch() {
        #expect(nearestMatch(to: "", among: ["a", ""]) == nil)
        #expect(nearestMatch(to: "a", among: ["", "b"]) == "b")
        #expect(nearestMatch(to: "abc", among: [""]) == nil)
    }

    @Test func hugeInputStaysCheapAndUnmatched() {
        let huge = String(repeating: "format", count: 100_000)
        #expect(nearestMatch(to: huge, among: ["format"]) == nil)
        #expect(nearestMatch(to: "format", among: [huge]) == huge)  // "format" is its prefix
        #expect(nearestMatch(to: "fromat", among: [huge]) == nil)
    }
}

extension NearestMatchTests {
    /// `explain invalid-time`: the rule that holds both words beats the one nearer by edits.
    @Test func aNameHoldingEveryWordBeatsACloserEdit() {
        let rules = ["invalid-value", "invalid-event-time", "missing-field"]
        #expect(nearestMatch(to: "invalid-time", among: rules) == "invalid-event-time")
        #expect(nearestMatch(to: "invalid-valu", among: rules) == "invalid-value")
    }
}
