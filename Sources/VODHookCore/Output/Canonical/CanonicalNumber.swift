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
        switch write(jsonNumber, to: &output) {
        case .unwritable: false
        case .sameValue, .changed: true
        }
    }

    /// What `write` did with a number.
    enum Written {
        /// The canonical text names the literal's value (perhaps spelled differently).
        case sameValue
        /// Written, but as another value, which `normalize --canonical` warns about.
        case changed(CanonicalNumberChange.Kind)
        /// Nothing written: not a JSON number, or no finite double.
        case unwritable
    }

    /// Appends the canonical form and says whether it keeps the literal's value.
    /// `takesShortcuts` false skips `PlainDecimal`, for tests comparing the two.
    static func write(_ jsonNumber: UnsafeRawBufferPointer, to output: inout [UInt8], takesShortcuts: Bool = true) -> Written {
        guard let shape = NumberLiteralShape(jsonNumber) else { return .unwritable }

        if shape.isExactSmallInteger {
            // "-0" is the only short integer literal whose canonical form
            // differs from its spelling.
            if shape.integerIsZero {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: jsonNumber)
            }
            return .sameValue
        }

        if takesShortcuts, let length = PlainDecimal.canonicalPrefix(of: jsonNumber) {
            if length == 0 {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: jsonNumber[0..<length]))
            }
            return .sameValue
        }

        // The standard library's parser rounds correctly; literals up to 15
        // bytes become small strings, so this allocates only for long ones.
        guard let value = Double(String(decoding: jsonNumber, as: UTF8.self)), value.isFinite else {
            return .unwritable
        }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return shape.hasNonzeroDigit(jsonNumber) ? .changed(.underflow) : .sameValue
        }
        let decimal = ShortestDecimal(value.magnitude)
        ECMAScriptNumberLayout.append(decimal, isNegative: value < 0, to: &output)
        return decimal.hasSameMagnitude(asLiteral: jsonNumber) ? .sameValue : .changed(.rounded)
    }

    /// Whether a JSON number literal (as the parser accepted it) is its own
    /// RFC 8785 form, so a writer may copy it: an integer of at most 15
    /// digits, as `write`'s fast path says, other than "-0".
    @inline(__always)
    static func isOwnCanonicalForm(_ literal: UnsafeRawBufferPointer) -> Bool {
        let count = literal.count
        guard count > 0 && count <= 16 else { return false }
        let first = literal[0] == UInt8(ascii: "-") ? 1 : 0
        let digits = count - first
        // A leading zero stands alone in a valid literal, so "-0..." is "-0".
        guard digits > 0 && digits <= 15 && !(first == 1 && literal[1] == UInt8(ascii: "0")) else { return false }
        for index in first..<count where literal[index] &- UInt8(ascii: "0") > 9 { return false }
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
