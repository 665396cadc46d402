/// A positive finite double as ECMAScript's Number::toString sees it: the
/// value is 0.d1d2…dk × 10^exponent with k as small as possible and no
/// trailing zero digit (ECMA-262 calls these s, k and n).
struct ShortestDecimal {
    /// The digits d1…dk as an integer; never ends in zero.
    var significand: UInt64
    /// k: how many digits `significand` has.
    var digitCount: Int
    /// n: where the decimal point falls relative to the first digit.
    var exponent: Int

    /// Reads the shortest round-trip digits out of the standard library's
    /// description, which already picks the shortest (and, among those, the
    /// closest) digit string; only its layout differs from ECMAScript's.
    init(_ value: Double) {
        precondition(value.isFinite && value > 0, "ECMAScript digits are defined for positive finite values")
        var text = value.description
        self = text.withUTF8 { Self.parse($0) }
    }

    private init(significand: UInt64, digitCount: Int, exponent: Int) {
        self.significand = significand
        self.digitCount = digitCount
        self.exponent = exponent
    }

    /// Accepts any plain or exponent layout ("100.0", "0.0001", "1e-07",
    /// "1.5e+20") so the result does not hinge on where the standard library
    /// chooses to switch between them.
    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> ShortestDecimal {
        var significand: UInt64 = 0
        var digitCount = 0
        // Zeros seen after a nonzero digit are held back so trailing zeros
        // never enter the significand (and cannot overflow it).
        var pendingZeros = 0
        var leadingZeros = 0
        var digitsBeforePoint = 0
        var seenPoint = false
        var index = 0

        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if !seenPoint { digitsBeforePoint += 1 }
                if digit == 0 {
                    if digitCount == 0 { leadingZeros += 1 } else { pendingZeros += 1 }
                } else {
                    for _ in 0..<pendingZeros { significand *= 10 }
                    digitCount += pendingZeros + 1
                    pendingZeros = 0
                    significand = significand * 10 + digit
                }
            }
            index += 1
        }

        var decimalExponent = 0
        if index < text.count {
            index += 1
            var exponentIsNegative = false
            if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentIsNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < text.count {
                decimalExponent = decimalExponent * 10 + Int(text[index] &- UInt8(ascii: "0"))
                index += 1
            }
            if exponentIsNegative { decimalExponent = -decimalExponent }
        }

        return ShortestDecimal(
            significand: significand,
            digitCount: digitCount,
            exponent: digitsBeforePoint - leadingZeros + decimalExponent
        )
    }
}
