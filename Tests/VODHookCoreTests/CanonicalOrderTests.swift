import Testing
import VODHookCore

@Suite struct CanonicalOrderTests {
    private func precedes(_ a: String, _ b: String) -> Bool {
        CanonicalOrder.precedes(Array(a.utf8), Array(b.utf8))
    }

    /// RFC 8785 §3.2.3's sorting example.
    @Test func rfc8785SortingExample() {
        let keys = ["\u{20AC}", "\r", "\u{FB33}", "1", "\u{1F600}", "\u{0080}", "\u{00F6}"]
        let sorted = keys.sorted(by: precedes)
        #expect(sorted == ["\r", "1", "\u{0080}", "\u{00F6}", "\u{20AC}", "\u{1F600}", "\u{FB33}"])
    }

    /// The one place UTF-16 disagrees with UTF-8: U+E000–U+FFFF come after
    /// the supplementary planes because surrogates are 0xD800–0xDFFF.
    @Test func privateUseAndSpecialsSortAfterSupplementaryPlanes() {
        #expect(precedes("\u{1F600}", "\u{E000}"))
        #expect(!precedes("\u{E000}", "\u{1F600}"))
        #expect(precedes("\u{10000}", "\u{FFFF}"))
        #expect(precedes("\u{10FFFF}", "\u{E000}"))
        #expect(precedes("\u{D7FF}", "\u{10000}"))
        #expect(precedes("a\u{1F600}z", "a\u{E000}a"))
        // Byte order still holds on either side of the fix-up.
        #expect(precedes("\u{10000}", "\u{10FFFF}"))
        #expect(precedes("\u{E000}", "\u{FFFF}"))
        #expect(precedes("\u{7F}", "\u{80}"))
    }

    @Test func prefixesAndEqualKeys() {
        #expect(precedes("", "a"))
        #expect(precedes("a", "ab"))
        #expect(!precedes("ab", "a"))
        #expect(!precedes("key", "key"))
        #expect(!precedes("", ""))
    }

    @Test func acceptsAnyByteCollection() {
        let document = Array(#""b":1,"a":2"#.utf8)
        #expect(CanonicalOrder.precedes(document[7..<8], document[1..<2]))
        #expect(CanonicalOrder.precedes("\u{1F600}".utf8, "\u{E000}".utf8))
        let early = Array("x".utf8)
        early.withUnsafeBytes { earlyBytes in
            #expect(CanonicalOrder.precedes(earlyBytes, "y".utf8))
        }
    }

    /// Agreement with Swift's own UTF-16 view over keys built from scalars
    /// that sit on every encoding-length and surrogate boundary.
    @Test func matchesUTF16OrderOnRandomKeys() {
        let boundaryScalars: [UInt32] = [
            0x00, 0x01, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xEFFF, 0xF000, 0xFFFD, 0xFFFF,
            0x10000, 0x1F600, 0xFFFFF, 0x100000, 0x10FFFF,
        ]
        var generator = SplitMix64(seed: 0x4A43_5335)
        func randomKey() -> String {
            var key = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                var value: UInt32
                if Bool.random(using: &generator) {
                    value = boundaryScalars.randomElement(using: &generator)!
                } else {
                    value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                }
                key.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(key)
        }
        for _ in 0..<50_000 {
            let a = randomKey()
            let b = randomKey()
            let expected = Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16))
            #expect(precedes(a, b) == expected, "\(a.unicodeScalars.map { $0.value }) vs \(b.unicodeScalars.map { $0.value })")
        }
    }
}
