import Testing
@testable import VODHookCore

/// The validator decides the usual valid value on its bytes and builds the
/// full check's `String` only when that says no. Both must agree on every
/// input, or a finding would appear or vanish depending on which path ran.
@Suite struct FastPathTests {
    /// Valid times, and each one damaged a byte at a time in every position.
    static let times: [String] = {
        var times = ["2026-11-28T08:00:01Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
                     "9999-12-31T23:59:59Z", "2026-04-31T12:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                     "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z",
                     "2026-11-28 08:00:01Z", "2026-11-28T08:00:01z", "2026-11-28T08:00:01", "2026-11-28T08:00:01.5Z",
                     "2026-11-28T08:00:01+08:00", " 2026-11-28T08:00:01Z", "2026/11/28T08:00:01Z", "1764316801", ""]
        let replacements: [Character] = ["0", "9", "-", ":", "T", "Z", " ", "/", "a", "\u{FF11}"]
        for valid in ["2026-11-28T08:00:01Z", "2000-02-29T12:34:56Z"] {
            for index in 0..<valid.count {
                for replacement in replacements {
                    var characters = Array(valid)
                    characters[index] = replacement
                    times.append(String(characters))
                }
            }
        }
        return times
    }()

    @Test func eventTimeFastPathAgreesWithTheFullCheck() {
        for time in Self.times {
            var text = time
            let fast = text.withUTF8 { EventTimeCheck.isWellFormed(UnsafeRawBufferPointer($0)) }
            #expect(fast == (EventTimeCheck.problem(in: time) == nil), "\(time)")
        }
    }

    @Test func mediaIdFastPathAgreesWithTheFullCheck() {
        var ids = ["10f6baa29bdf71f1bfc46733a78e0102", "10F6BAA29BDF71F1BFC46733A78E0102", "10f6baa29bdf71f1bfc46733a78e010",
                   "10f6baa29bdf71f1bfc46733a78e01022", "****baa29bdf71f1bfc46733a78e0102", ""]
        var random = SplitMix64(seed: 32)
        let alphabet = Array("0123456789abcdefABCDEFgxz/:@`* \u{7F}\u{E9}".unicodeScalars)
        for _ in 0..<3000 {
            var id = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 30...33, using: &random) {
                let hex = Bool.random(using: &random) || Bool.random(using: &random)
                id.append(hex ? alphabet[Int.random(in: 0..<16, using: &random)] : alphabet.randomElement(using: &random)!)
            }
            ids.append(String(id))
        }
        for id in ids {
            var text = id
            let fast = text.withUTF8 { MediaIdCheck.isWellFormed(UnsafeRawBufferPointer($0)) }
            let full = text.withUTF8 { MediaIdCheck.problem(in: UnsafeRawBufferPointer($0)) }
            #expect(fast == (full == nil), "\(id)")
        }
    }

    @Test func byteEqualityAgreesWithElementsEqual() {
        var random = SplitMix64(seed: 8)
        for _ in 0..<5000 {
            let count = Int.random(in: 0...40, using: &random)
            let a = (0..<count).map { _ in UInt8.random(in: 97...99, using: &random) }
            var b = a
            if Bool.random(using: &random), !b.isEmpty { b[Int.random(in: 0..<b.count, using: &random)] ^= 1 }
            if Int.random(in: 0..<8, using: &random) == 0 { b.append(97) }
            let equal = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.equals(y) } }
            #expect(equal == (a == b), "\(a) \(b)")
        }
    }
}
