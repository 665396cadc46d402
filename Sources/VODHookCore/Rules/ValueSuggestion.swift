import EditDistance

/// The allowed value someone most likely meant: the same text in another
/// case or with spaces around it, a small edit away ("failed" → "fail"), or
/// the allowed value with something after it ("failure" → "fail").
enum ValueSuggestion {
    /// Past this many bytes a text is no typo of a short name, and folding and
    /// comparing it would cost several times its size: a 100 MB value must not.
    static let longestSuggestible = 256

    /// `nearestMatch`, skipped for texts too long to be a typo.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        word.utf8.count <= longestSuggestible ? nearestMatch(to: word, among: candidates) : nil
    }

    /// `value` without the whitespace around it, when it is all ASCII (nil
    /// otherwise). Rebuilding the trimmed scalars one by one cost ~28,000
    /// instructions a suggestion; in ASCII the whitespace scalars are exactly
    /// the bytes 0x09...0x0D and 0x20, so the bytes between can be kept whole.
    private static func asciiTrimmed(_ value: String) -> String? {
        let trimmed = value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0
            var end = bytes.count
            while start < end && isWhitespace(bytes[start]) { start += 1 }
            while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return trimmed ?? nil
    }

    static func suggest(_ value: String, among allowed: [String]) -> String? {
        guard value.utf8.count <= longestSuggestible else { return nil }
        let core = asciiTrimmed(value) ?? {
            let trimmed = value.unicodeScalars.drop { $0.properties.isWhitespace }
            return String(String.UnicodeScalarView(trimmed.reversed().drop { $0.properties.isWhitespace }.reversed()))
        }()
        let folded = core.lowercased()
        guard !folded.isEmpty else { return nil }
        if let match = allowed.first(where: { $0.lowercased() == folded }) { return match }
        if let match = nearestMatch(to: core, among: allowed) { return match }
        // Three letters at least, so "a" of "all" does not claim "and".
        return allowed.first { $0.count >= 3 && folded.hasPrefix($0.lowercased()) }
    }
}
