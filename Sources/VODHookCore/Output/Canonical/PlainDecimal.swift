/// RFC 8785 numbers without parsing, for the decimals callbacks carry
/// ("Duration":3594.0, "Fps":29.97). A literal without an exponent and with
/// at most 15 significant digits names a decimal that its nearest double
/// prints back exactly (15 digits always survive the round trip), and no
/// other decimal of 15 digits or fewer names that double, so the shortest
/// form ECMAScript prints is the literal's own digits, trailing zeros of
/// the fraction dropped. That holds while ECMAScript prints it without an
/// exponent: at most five zeros after "0." (1e-6 <= |v|). The general path
/// (a String, a correctly rounded parse, then the shortest digits) cost
/// about 2,400 instructions a number on the lifecycle corpus; this costs a
/// pass over the bytes.
enum PlainDecimal {
    /// The canonical form of a valid JSON number literal with a fraction and
    /// no exponent is always the literal's first bytes, or "0": how many
    /// bytes (0 standing for "0"), or nil for a literal this does not cover.
    static func canonicalPrefix(of literal: UnsafeRawBufferPointer) -> Int? {
        let count = literal.count
        // 15 significant digits, a sign, a point and six leading zeros at most.
        guard count >= 3 && count <= 24 else { return nil }
        let integerStart = literal[0] == UInt8(ascii: "-") ? 1 : 0
        var point = integerStart
        while point < count && literal[point] != UInt8(ascii: ".") {
            // A digit, or an exponent marker this does not cover.
            guard literal[point] &- UInt8(ascii: "0") < 10 else { return nil }
            point += 1
        }
        guard point < count else { return nil }
        var fractionEnd = count
        for index in (point + 1)..<count {
            guard literal[index] &- UInt8(ascii: "0") < 10 else { return nil }
        }
        while fractionEnd > point + 1 && literal[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
        let integerIsZero = point - integerStart == 1 && literal[integerStart] == UInt8(ascii: "0")
        let significant: Int
        if integerIsZero {
            guard fractionEnd > point + 1 else {
                // 0.0 and -0.0 alike: ECMAScript prints zero as "0".
                return 0
            }
            var firstNonzero = point + 1
            while literal[firstNonzero] == UInt8(ascii: "0") { firstNonzero += 1 }
            guard firstNonzero - (point + 1) <= 5 else { return nil }
            significant = fractionEnd - firstNonzero
        } else {
            // A valid integer part has no leading zero; its trailing zeros count.
            significant = point - integerStart + (fractionEnd - point - 1)
        }
        guard significant <= 15 else { return nil }
        return fractionEnd == point + 1 ? point : fractionEnd
    }
}
