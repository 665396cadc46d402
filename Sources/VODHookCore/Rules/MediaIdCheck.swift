/// Real media IDs are 32 lowercase hex characters; anything else is worth a
/// note (never an error: the docs' own examples are masked with `****`).
enum MediaIdCheck {
    /// True exactly when `problem(in:)` is nil: 32 bytes of `0-9a-f`,
    /// checked eight at a time.
    static func isWellFormed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 32 else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // The high bit of each byte lane says `low <= byte <= high`; exact for
        // ASCII lanes, and a non-ASCII lane fails through `~word` whatever its
        // carry does to the next lane.
        @inline(__always) func inRange(_ word: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
            (word &+ ones &* (0x80 - low)) & ~(word &+ ones &* (0x7F - high)) & ~word & highs
        }
        for offset in stride(from: 0, to: 32, by: 8) {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            guard inRange(word, 0x30, 0x39) | inRange(word, 0x61, 0x66) == highs else { return false }
        }
        return true
    }

    /// Nil for a well-formed ID; otherwise what is unusual about it, as a
    /// fragment starting with "it": "it has 31 characters".
    static func problem(in bytes: UnsafeRawBufferPointer) -> String? {
        // The usual ID passes without building a String.
        if isWellFormed(bytes) { return nil }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        // The docs mask IDs with "****"; that explains every other oddity too.
        if let star = scalars.firstIndex(of: "*") {
            let run = scalars[star...].prefix { $0 == "*" }
            return "it looks masked (\(TerminalSafe.quotedExcerpt(String(String.UnicodeScalarView(run))))), like the examples in the docs"
        }
        var core = scalars[...]
        while let first = core.first, first.properties.isWhitespace { core.removeFirst() }
        while let last = core.last, last.properties.isWhitespace { core.removeLast() }
        if core.isEmpty { return scalars.isEmpty ? "it is empty" : "it holds only whitespace" }
        var parts: [String] = []
        if core.count != scalars.count { parts.append("has whitespace around it") }
        if core.count != 32 { parts.append("has \(core.count) characters") }
        var others = ""
        var uppercase = false
        for scalar in core {
            switch scalar {
            case "0"..."9", "a"..."f": break
            case "A"..."F": uppercase = true
            default:
                if !others.unicodeScalars.contains(scalar) && others.unicodeScalars.count < 8 {
                    others.unicodeScalars.append(scalar)
                }
            }
        }
        if !others.isEmpty { parts.append("holds characters other than 0-9 and a-f (\(TerminalSafe.quoted(others)))") }
        if uppercase { parts.append("uses uppercase hex") }
        guard let last = parts.popLast() else { return nil }
        return "it " + (parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last)
    }
}
