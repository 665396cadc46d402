import EditDistance

/// The allowed value someone most likely meant: the same text in another
/// case or with spaces around it, or a small edit away ("failed" → "fail").
enum ValueSuggestion {
    static func suggest(_ value: String, among allowed: [String]) -> String? {
        let trimmed = value.unicodeScalars.drop { $0.properties.isWhitespace }
        let core = String(String.UnicodeScalarView(trimmed.reversed().drop { $0.properties.isWhitespace }.reversed()))
        if let match = allowed.first(where: { $0.lowercased() == core.lowercased() }) { return match }
        return nearestMatch(to: core, among: allowed)
    }
}
