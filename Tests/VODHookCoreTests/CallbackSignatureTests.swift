import Testing
@testable import VODHookCore

@Suite struct CallbackSignatureTests {
    @Test func documentationExample() {
        let signature = CallbackSignature.compute(
            url: "https://www.example.com/your/callback", timestamp: "1519375990", key: "test123")
        #expect(signature.hasPrefix("c72b60894140fa98920f1279219b"))
        #expect(signature.count == 32)
        #expect(signature == MD5.hex("https://www.example.com/your/callback|1519375990|test123".utf8))
    }

    @Test func computeIsLowercaseHex() {
        let signature = CallbackSignature.compute(url: "u", timestamp: "1", key: "k")
        #expect(signature.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func matchesIgnoresCase() {
        #expect(CallbackSignature.matches("c72b60894140fa98", "C72B60894140FA98"))
        #expect(CallbackSignature.matches("ABCDEF", "abcdef"))
        #expect(CallbackSignature.matches("abcdef", "abcdef"))
    }

    @Test func matchesRejectsDifferences() {
        #expect(!CallbackSignature.matches("abcdef", "abcdee"))
        #expect(!CallbackSignature.matches("abcdef", "bbcdef"))
        #expect(!CallbackSignature.matches("abcdef", "abcde"))
        #expect(!CallbackSignature.matches("abcdef", "abcdef0"))
        #expect(!CallbackSignature.matches("", ""))
        #expect(!CallbackSignature.matches("abc", ""))
    }

    // Only letters fold: '@' (0x40) and '`' (0x60) differ by the same bit as 'A' and 'a'.
    @Test func caseFoldingTouchesOnlyLetters() {
        #expect(!CallbackSignature.matches("@", "`"))
        #expect(!CallbackSignature.matches("[", "{"))
        #expect(CallbackSignature.matches("Z", "z"))
        for x in UInt8(0)...127 {
            for y in UInt8(0)...127 {
                let left = String(UnicodeScalar(x)), right = String(UnicodeScalar(y))
                let expected = left.lowercased() == right.lowercased()
                #expect(CallbackSignature.matches(left, right) == expected, "bytes \(x) \(y)")
            }
        }
    }
}
