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

    static func suggest(_ value: String, among allowed: [String]) -> String? {
        guard value.utf8.count <= longestSuggestible else { return nil }
        let trimmed = value.unicodeScalars.drop { $0.properties.isWhitespace }
        let core = String(String.UnicodeScalarView(trimmed.reversed().drop { $0.properties.isWhitespace }.reversed()))
        let folded = core.lowercased()
        guard !folded.isEmpty else { return nil }
        if let match = allowed.first(where: { $0.lowercased() == folded }) { return match }
        if let match = nearestMatch(to: core, among: allowed) { return match }
        // Three letters at least, so "a" of "all" does not claim "and".
        return allowed.first { $0.count >= 3 && folded.hasPrefix($0.lowercased()) }
    }
}
