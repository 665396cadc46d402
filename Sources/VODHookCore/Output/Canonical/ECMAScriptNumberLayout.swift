/// ECMA-262 Number::toString step 5 onwards: given the shortest digits,
/// choose between integer, fixed-point and exponent notation. RFC 8785 adopts
/// this layout verbatim, so any deviation changes signatures computed over
/// the canonical bytes.
enum ECMAScriptNumberLayout {
    /// Writes a nonzero finite value; zero (of either sign) is the caller's
    /// job because ECMAScript prints both as "0" without consulting digits.
    static func append(_ decimal: ShortestDecimal, isNegative: Bool, to output: inout [UInt8]) {
        if isNegative { output.append(UInt8(ascii: "-")) }
        let k = decimal.digitCount
        let n = decimal.exponent

        if k <= n && n <= 21 {
            appendDigits(decimal.significand, count: k, pointAfter: nil, to: &output)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            appendDigits(decimal.significand, count: k, pointAfter: n, to: &output)
        } else if -6 < n && n <= 0 {
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            appendDigits(decimal.significand, count: k, pointAfter: nil, to: &output)
        } else {
            appendDigits(decimal.significand, count: k, pointAfter: k > 1 ? 1 : nil, to: &output)
            output.append(UInt8(ascii: "e"))
            // ECMAScript spells out '+' for positive exponents; n - 1 is never
            // zero here because n is either above 21 or at most -6.
            output.append(n - 1 > 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            let magnitude = UInt64((n - 1).magnitude)
            appendDigits(magnitude, count: decimalDigitCount(magnitude), pointAfter: nil, to: &output)
        }
    }

    /// Writes exactly `count` digits of `value`, most significant first,
    /// optionally with a decimal point after the first `pointAfter` of them.
    private static func appendDigits(_ value: UInt64, count: Int, pointAfter: Int?, to output: inout [UInt8]) {
        let start = output.count
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var remaining = value
        var index = start + count
        while index > start {
            index -= 1
            output[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        if let pointAfter {
            output.insert(UInt8(ascii: "."), at: start + pointAfter)
        }
    }

    private static func decimalDigitCount(_ value: UInt64) -> Int {
        var count = 1
        var remaining = value / 10
        while remaining > 0 {
            count += 1
            remaining /= 10
        }
        return count
    }
}
