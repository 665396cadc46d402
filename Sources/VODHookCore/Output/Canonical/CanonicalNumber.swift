/// RFC 8785 §3.2.2.3 number serialization, so the same value always yields
/// the same bytes no matter how the sender spelled it ("4.50", "45e-1").
public enum CanonicalNumber {
    /// The RFC 8785 / ECMAScript Number.prototype.toString form of a JSON
    /// number given as its exact source bytes. Returns nil when the value is
    /// not finite as an IEEE 754 double (e.g. 1e400), which JCS cannot
    /// represent, or when the bytes are not a JSON number at all.
    public static func format(_ jsonNumber: UnsafeRawBufferPointer) -> [UInt8]? {
        var output: [UInt8] = []
        return append(jsonNumber, to: &output) ? output : nil
    }

    /// Same as `format(_:)` but writes into an existing buffer, so a
    /// serializer emitting many numbers does not allocate an array per number.
    /// Returns false and leaves `output` untouched when `format` would
    /// return nil.
    public static func append(_ jsonNumber: UnsafeRawBufferPointer, to output: inout [UInt8]) -> Bool {
        guard let shape = NumberLiteralShape(jsonNumber) else { return false }

        if shape.isExactSmallInteger {
            // "-0" is the only short integer literal whose canonical form
            // differs from its spelling.
            if shape.integerIsZero {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: jsonNumber)
            }
            return true
        }

        // The standard library's parser rounds correctly; literals up to 15
        // bytes become small strings, so this allocates only for long ones.
        guard let value = Double(String(decoding: jsonNumber, as: UTF8.self)), value.isFinite else {
            return false
        }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
        } else {
            ECMAScriptNumberLayout.append(ShortestDecimal(value.magnitude), isNegative: value < 0, to: &output)
        }
        return true
    }

    /// String convenience for callers (and tests) that do not hold raw bytes.
    public static func format(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 in
            format(UnsafeRawBufferPointer(utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
