/// Validation of one UTF-8 sequence, by the table in Unicode §3.9 (D92),
/// which rules out overlong forms, encoded surrogates and bytes F5–FF.
enum UTF8Sequence {
    enum Result: Equatable {
        case scalar(Unicode.Scalar, length: Int)
        /// The bytes so far are a valid prefix but the buffer ends.
        case truncated
        case invalid
    }

    /// True when a whole, valid character starts at `i`.
    static func startsCharacter(_ bytes: UnsafeRawBufferPointer, at i: Int, count: Int) -> Bool {
        if case .scalar = decode(bytes, at: i, count: count) { return true }
        return false
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, at i: Int, count: Int) -> Result {
        let lead = bytes[i]
        if lead < 0x80 { return .scalar(Unicode.Scalar(lead), length: 1) }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return .invalid
        }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            guard i + k < count else { return .truncated }
            let byte = bytes[i + k]
            let (min, max) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= min && byte <= max else { return .invalid }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // The table above admits only scalar values, so this cannot fail.
        return .scalar(Unicode.Scalar(value) ?? "\u{FFFD}", length: length)
    }
}
