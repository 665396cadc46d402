import Testing
@testable import VODHookCore

/// `ByteScanner.scanPlainString` skips sixteen bytes a step with vector
/// compares, then eight, then one: every way must stop on the same byte as
/// a plain loop over the bytes, wherever the special byte and the buffer's
/// end fall against those steps.
@Suite struct StringScanTests {
    /// The end of the plain string whose quote is at `quote`, by the definition: -1 unless a quote ends it.
    static func reference(_ bytes: [UInt8], quote: Int) -> Int {
        var i = quote + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x22 { return i + 1 }
            if byte < 0x20 || byte >= 0x80 || byte == 0x5C { return -1 }
            i += 1
        }
        return -1
    }

    /// Bytes on both sides of every line the scan draws: below and at the
    /// space, the quote and backslash, DEL, and the first and last non-ASCII bytes.
    static let alphabet: [UInt8] = [0x00, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]

    @Test func stopsWhereAByteLoopStops() {
        var random = SplitMix64(seed: 16)
        for _ in 0..<3000 {
            let length = Int.random(in: 1...80, using: &random)
            // Mostly plain letters, so runs are long enough to cross the vector steps.
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<100, using: &random) < 90 ? UInt8(ascii: "a") : Self.alphabet.randomElement(using: &random)!
            }
            bytes.withUnsafeBytes { buffer in
                let scanner = ByteScanner(bytes: buffer, isFinal: true)
                for quote in 0..<length {
                    #expect(scanner.scanPlainString(at: quote) == Self.reference(bytes, quote: quote), "\(bytes) from \(quote)")
                }
            }
        }
    }

    @Test(arguments: alphabet) func eachSpecialByteAtEachLaneOfAVector(_ special: UInt8) {
        for position in 1..<40 {
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 48)
            bytes[0] = 0x22
            bytes[position] = special
            bytes[47] = 0x22
            bytes.withUnsafeBytes { buffer in
                #expect(ByteScanner(bytes: buffer, isFinal: true).scanPlainString(at: 0) == Self.reference(bytes, quote: 0))
            }
        }
    }
}
