extension ShortestDecimal {
    /// Whether a JSON number literal (already known to be well-formed) has
    /// exactly this magnitude: the same significant digits at the same
    /// place. "4.50" and "45e-1" do for 4.5; "505874924095815681" does not
    /// for 505874924095815700. Compares digit by digit, so a literal of any
    /// length costs one pass and no allocation.
    func hasSameMagnitude(asLiteral bytes: UnsafeRawBufferPointer) -> Bool {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        var divisor: UInt64 = 1
        for _ in 1..<digitCount { divisor *= 10 }
        var remaining = significand
        var matched = 0
        var started = false
        var seenPoint = false
        var digitsBeforePoint = 0
        var leadingZeros = 0

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if !seenPoint { digitsBeforePoint += 1 }
                if !started && digit == 0 {
                    leadingZeros += 1
                } else if matched < digitCount {
                    started = true
                    guard digit == remaining / divisor else { return false }
                    remaining %= divisor
                    divisor /= 10
                    matched += 1
                } else if digit != 0 {
                    return false
                }
            }
            index += 1
        }
        guard matched == digitCount else { return false }

        var exponent = 0
        var exponentIsNegative = false
        if index < bytes.count {
            index += 1
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < bytes.count {
                // Saturates: past this, no finite nonzero double is near.
                if exponent < 1 << 40 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
        }
        return digitsBeforePoint - leadingZeros + (exponentIsNegative ? -exponent : exponent) == self.exponent
    }
}
