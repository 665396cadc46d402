/// Byte-level tests on string values that several rules share, each with
/// one definition: whitespace is Unicode White_Space, in `empty-value` as in
/// `media-id-format`, in the quick pass as in the full check.
enum TextChecks {
    /// Whether a string starting with this byte may start with whitespace:
    /// ASCII whitespace, or the lead byte of U+0085, U+00A0 (0xC2), U+1680
    /// (0xE1), U+2000...U+205F (0xE2) or U+3000 (0xE3).
    @inline(__always) static func mayStartBlank(_ first: UInt8) -> Bool {
        first == 0x20 || (first >= 0x09 && first <= 0x0D) || first == 0xC2 || first == 0xE1 || first == 0xE2 || first == 0xE3
    }

    /// True when decoded UTF-8 holds only Unicode White_Space (the empty text included).
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// False when an escaped value's source holds a byte no whitespace or
    /// escape of whitespace has, so it need not be decoded to tell.
    static func mayBeBlank(_ document: JSONDocument, _ value: Int) -> Bool {
        let node = document[value]
        for offset in node.start + 1..<node.end - 1 {
            switch document.bytes[offset] {
            case 0x20, UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"), UInt8(ascii: "f"), UInt8(ascii: "b"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "e"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                 0x80...0xFF:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// A JSON number's text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        @inline(__always) func digits() -> Int {
            let start = i
            while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < n && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }

    /// A number the reader accepted, written without a fraction or exponent.
    @inline(__always) static func isInteger(_ raw: UnsafeRawBufferPointer) -> Bool {
        !raw.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// Starts with `http://` or `https://` (the scheme in any case) and has something after it.
    static func isURL(_ bytes: UnsafeRawBufferPointer) -> Bool {
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard bytes.count > count else { return false }
            for k in 0..<count where ASCIICase.lower(bytes[k]) != prefix.utf8Start[k] { return false }
            return true
        }
        return hasPrefix("http://") || hasPrefix("https://")
    }

    /// Where the docs' masking starts ("****", or the "***" some pages use)
    /// in a value: a URL copied from an example rather than received. One
    /// `memchr` over a URL that has no star, which is nearly every one.
    static func maskedRun(in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        var from = 0
        while let star = ByteSearch.first(UInt8(ascii: "*"), in: bytes, from: from, to: bytes.count) {
            var end = star + 1
            while end < bytes.count && bytes[end] == UInt8(ascii: "*") { end += 1 }
            if end - star >= 3 { return star..<end }
            from = end
        }
        return nil
    }

    /// The quick test of a format: true only when the full check would say nothing.
    @inline(__always) static func isWellFormed(_ bytes: UnsafeRawBufferPointer, _ format: FieldFormat) -> Bool {
        switch format {
        case .eventTime: EventTimeCheck.isWellFormed(bytes)
        case .eventTimeWithMillis: EventTimeCheck.isWellFormed(bytes) || EventTimeCheck.isWellFormedWithMillis(bytes)
        case .mediaId: MediaIdCheck.isWellFormed(bytes)
        case .url: isURL(bytes) && maskedRun(in: bytes) == nil
        }
    }
}

extension EventTimeCheck {
    /// `yyyy-MM-ddTHH:mm:ss:SSSZ`, the variant the docs show for a few
    /// events: a well-formed time whose `Z` follows a colon and three digits.
    static func isWellFormedWithMillis(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 24, bytes[19] == UInt8(ascii: ":"), bytes[23] == UInt8(ascii: "Z") else { return false }
        guard (20..<23).allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { seconds in
            for k in 0..<19 { seconds[k] = bytes[k] }
            seconds[19] = UInt8(ascii: "Z")
            return isWellFormed(UnsafeRawBufferPointer(seconds))
        }
    }

    static func isWellFormedWithMillis(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isWellFormedWithMillis(UnsafeRawBufferPointer($0)) }
    }
}
