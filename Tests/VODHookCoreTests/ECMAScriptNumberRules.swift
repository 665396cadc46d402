/// An independent, string-level statement of the ECMAScript Number::toString
/// rules, used to judge formatter output without reusing its logic.
enum ECMAScriptNumberRules {
    /// Describes each rule `text` breaks as the canonical form of `value`;
    /// empty when it is a faithful ECMAScript rendering.
    static func violations(of text: String, for value: Double) -> [String] {
        var problems: [String] = []
        guard let parsed = Double(text) else { return ["does not parse as a Double"] }
        if parsed != value { problems.append("parses to \(parsed), not \(value)") }
        if parsed == 0 { return text == "0" ? problems : problems + ["zero must be \"0\""] }
        if (value.sign == .minus) != text.hasPrefix("-") { problems.append("sign mismatch") }

        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: "e", omittingEmptySubsequences: false)
        let mantissa = String(parts[0])
        let magnitude = value.magnitude
        let needsExponent = magnitude >= 1e21 || magnitude < 1e-6

        if needsExponent != (parts.count == 2) {
            problems.append(needsExponent ? "magnitude needs exponent form" : "magnitude forbids exponent form")
        }
        if parts.count == 2 {
            let exponent = parts[1]
            if !(exponent.hasPrefix("+") || exponent.hasPrefix("-")) { problems.append("exponent sign must be explicit") }
            if exponent.dropFirst().hasPrefix("0") { problems.append("exponent has a leading zero") }
            if mantissa.count > 1 && mantissa.dropFirst().first != "." { problems.append("mantissa must be one digit before the point") }
            if mantissa.hasPrefix("0") { problems.append("mantissa must start nonzero") }
        } else {
            if magnitude >= 1 && mantissa.hasPrefix("0") { problems.append("integer part has a leading zero") }
            if magnitude < 1 && !mantissa.hasPrefix("0.") { problems.append("fraction must start with \"0.\"") }
            if magnitude.rounded(.towardZero) == magnitude && mantissa.contains(".") {
                problems.append("integral value must not have a point")
            }
        }
        if mantissa.contains(".") && mantissa.hasSuffix("0") { problems.append("fraction has a trailing zero") }
        if mantissa.hasSuffix(".") { problems.append("point without fraction digits") }

        let expectedDigits = significantDigits(of: magnitude.description)
        if significantDigits(of: mantissa) != expectedDigits {
            problems.append("digits \(significantDigits(of: mantissa)) differ from shortest \(expectedDigits)")
        }
        return problems
    }

    /// The digit string with point, leading and trailing zeros removed.
    static func significantDigits(of text: String) -> String {
        let mantissa = text.split(separator: "e")[0]
        let digits = mantissa.filter { $0.isASCII && $0.isNumber }
        let trimmedFront = digits.drop { $0 == "0" }
        return String(trimmedFront.reversed().drop { $0 == "0" }.reversed())
    }
}
