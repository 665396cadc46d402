/// One pass over a JSON number literal that both enforces the RFC 8259
/// grammar, so a caller that skipped validation gets nil rather than an
/// echoed malformed literal, and spots the integers that need no parsing.
struct NumberLiteralShape {
    /// An integer literal of at most 15 digits is below 2^53, hence an exact
    /// double whose ECMAScript form is the literal itself (bar "-0").
    var isExactSmallInteger: Bool
    /// Lets the fast path turn "-0" into "0" without parsing.
    var integerIsZero: Bool

    private static let exactIntegerDigitLimit = 15

    init?(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let end = bytes.count

        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }

        let integerStart = index
        guard index < end, Self.isDigit(bytes[index]) else { return nil }
        integerIsZero = bytes[index] == UInt8(ascii: "0")
        index += 1
        // A leading zero must stand alone.
        if !integerIsZero {
            while index < end, Self.isDigit(bytes[index]) { index += 1 }
        }
        let integerDigitCount = index - integerStart

        var isPlainInteger = true
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard Self.skipDigits(bytes, from: &index) else { return nil }
            isPlainInteger = false
        }

        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard Self.skipDigits(bytes, from: &index) else { return nil }
            isPlainInteger = false
        }

        guard index == end else { return nil }
        isExactSmallInteger = isPlainInteger && integerDigitCount <= Self.exactIntegerDigitLimit
    }

    /// Whether the significand has a digit other than 0, so a literal that
    /// parses to zero was not written as zero (1e-400).
    func hasNonzeroDigit(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes {
            if byte | 0x20 == UInt8(ascii: "e") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// False when there is no digit, which the grammar forbids after '.' and
    /// after an exponent marker.
    private static func skipDigits(_ bytes: UnsafeRawBufferPointer, from index: inout Int) -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }
}
