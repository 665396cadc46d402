import VODHookCore

/// Random JSON number literals that stress both the parse and the layout.
enum CanonicalNumberInputs {
    /// Finite doubles drawn from every exponent, including subnormals.
    static func randomFiniteDouble(using generator: inout SplitMix64) -> Double {
        while true {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { return value }
        }
    }

    /// Decimal literals with up to 25 significant digits, so many of them
    /// need real rounding, spread over exponents from underflow to overflow.
    static func randomLiteral(using generator: inout SplitMix64) -> String {
        let digitCount = Int.random(in: 1...25, using: &generator)
        var digits = String(Int.random(in: 1...9, using: &generator))
        for _ in 1..<digitCount { digits += String(Int.random(in: 0...9, using: &generator)) }
        let sign = Bool.random(using: &generator) ? "-" : ""
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            return sign + digits
        case 1:
            let point = Int.random(in: 1...digits.count, using: &generator)
            let integer = digits.prefix(point)
            let fraction = digits.dropFirst(point)
            return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
        case 2:
            let zeros = String(repeating: "0", count: Int.random(in: 0...8, using: &generator))
            return sign + "0." + zeros + digits
        default:
            let exponent = Int.random(in: -345...310, using: &generator)
            let mantissa = digits.count > 1 ? digits.prefix(1) + "." + digits.dropFirst() : Substring(digits)
            return sign + mantissa + "e" + String(exponent)
        }
    }
}
