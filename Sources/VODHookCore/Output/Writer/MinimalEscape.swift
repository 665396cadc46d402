/// How each ASCII byte appears inside a minimally escaped JSON string,
/// taken from `CanonicalString` itself so the escaping rules live in one
/// place; the writer looks bytes up here instead of re-escaping whole strings.
enum MinimalEscape {
    /// `forms[b]` for b below 0x80: the byte itself, or its escape sequence.
    static let forms: [[UInt8]] = (0..<0x80).map { byte in
        var quoted: [UInt8] = []
        CanonicalString.append(CollectionOfOne(UInt8(byte)), to: &quoted)
        return Array(quoted.dropFirst().dropLast())
    }
}
