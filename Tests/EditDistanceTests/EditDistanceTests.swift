import Testing
import EditDistance

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("format", "format", 0),
        ("format", "fromat", 1),     // one adjacent transposition
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("ca", "abc", 3),            // OSA forbids editing a transposed pair again
        ("abcdef", "badcfe", 3),
        ("json", "jsno", 1),
        ("a", "b", 1),
    ])
    func knownDistances(a: String, b: String, expected: Int) {
        #expect(editDistance(a, b) == expected)
        #expect(editDistance(b, a) == expected)
    }

    @Test func caseMattersUnlessAskedOtherwise() {
        #expect(editDistance("Format", "format") == 1)
        #expect(editDistance("Format", "FORMAT", caseInsensitive: true) == 0)
        #expect(editDistance("ÉTÉ", "été", caseInsensitive: true) == 0)
    }

    @Test func countsUnicodeScalarsNotCharacters() {
        // "é" precomposed is one scalar; decomposed it is "e" plus a combining accent.
        #expect(editDistance("\u{E9}", "e\u{301}") == 2)
        #expect(editDistance("naïve", "naive") == 1)
        #expect(editDistance("🙂🙃", "🙃🙂") == 1)
    }

    @Test func skipsTheWorkPastTheLengthCap() {
        let long = String(repeating: "a", count: 257)
        #expect(editDistance(long, long) == 257)
        #expect(editDistance(long, "a") == 257)
        #expect(editDistance("", String(repeating: "b", count: 10_000)) == 10_000)
    }

    @Test func computesUpToTheLengthCap() {
        let a = String(repeating: "a", count: 256)
        let b = String(repeating: "a", count: 255) + "b"
        #expect(editDistance(a, a) == 0)
        #expect(editDistance(a, b) == 1)
    }
}
