/// Checks a time against `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds) and, when
/// it is wrong, names every part that is wrong and, when the fix is
/// mechanical, the right text.
public enum EventTimeCheck {
    public struct Problem: Sendable, Hashable {
        /// Lowercase fragments joined by "; ", each naming one wrong part,
        /// e.g. "has fractional seconds (\".123\") but the format has whole seconds only".
        public let description: String
        /// The corrected text, when the fix is mechanical.
        public let suggestion: String?
    }

    static let shape = "yyyy-MM-ddTHH:mm:ssZ"

    /// Nil when `text` is a well-formed time naming a real instant.
    public static func problem(in text: String) -> Problem? {
        let all = Array(text.unicodeScalars)
        guard !all.isEmpty else { return Problem(description: "is empty", suggestion: nil) }
        var start = 0, end = all.count
        while start < end && all[start].properties.isWhitespace { start += 1 }
        while end > start && all[end - 1].properties.isWhitespace { end -= 1 }
        guard start < end else { return Problem(description: "holds only whitespace", suggestion: nil) }
        var problems: [String] = []
        switch (start > 0, end < all.count) {
        case (true, true): problems.append("has whitespace around it")
        case (true, false): problems.append("has leading whitespace")
        case (false, true): problems.append("has trailing whitespace")
        case (false, false): break
        }
        var core = Array(all[start..<end])
        // Full-width and other script digits read as digits to people but not
        // to parsers; read them as ASCII so the rest of the text is still checked.
        var foreignDigits = ""
        for index in core.indices where !core[index].isASCII {
            guard core[index].properties.numericType == .decimal, let value = core[index].properties.numericValue else { continue }
            foreignDigits.unicodeScalars.append(core[index])
            core[index] = Unicode.Scalar(UInt8(48 + Int(value)))
        }
        if !foreignDigits.isEmpty {
            problems.append("uses non-ASCII digits (\(TerminalSafe.quotedExcerpt(foreignDigits))) where the format has 0-9")
        }
        if core.allSatisfy(EventTimeParser.isDigit) {
            let (description, suggestion) = bareNumber(core)
            problems.append(description)
            return Problem(description: problems.joined(separator: "; "), suggestion: suggestion)
        }
        var parser = EventTimeParser(core, problems: problems)
        return parser.check()
    }

    /// True exactly when `problem(in:)` is nil: `yyyy-MM-ddTHH:mm:ssZ`
    /// naming a real instant, decided on the bytes, so the usual valid time
    /// costs no `String` and no arrays.
    ///
    /// The 20 bytes are read as three words (the last overlapping the
    /// second) and XORed with the pattern, which leaves each digit's value
    /// in its lane and zero in each separator's. A lane is wrong when a
    /// separator's is not zero or a digit's is 10 or more (adding 0x76 sets
    /// its high bit, as does a non-ASCII byte). That add can carry into the
    /// next lane only from a lane that is already wrong, so it never hides one.
    static func isWellFormed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 20 else { return false }
        @inline(__always) func lanes(at offset: Int, pattern: UInt64, digits: UInt64, separators: UInt64) -> UInt64? {
            let lanes = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ pattern
            let wrong = ((lanes &+ 0x7676_7676_7676_7676) | lanes) & digits | lanes & separators
            return wrong == 0 ? lanes : nil
        }
        // "yyyy-MM-", "ddTHH:mm" and "H:mm:ssZ", with 0x80 in digit lanes and 0xFF in separator lanes.
        guard let date = lanes(at: 0, pattern: 0x2D30_302D_3030_3030, digits: 0x0080_8000_8080_8080, separators: 0xFF00_00FF_0000_0000),
            let time = lanes(at: 8, pattern: 0x3030_3A30_3054_3030, digits: 0x8080_0080_8000_8080, separators: 0x0000_FF00_00FF_0000),
            let end = lanes(at: 12, pattern: 0x5A30_303A_3030_3A30, digits: 0x0080_8000_8080_0080, separators: 0xFF00_00FF_0000_FF00)
        else { return false }
        @inline(__always) func digit(_ lanes: UInt64, _ lane: Int) -> Int { Int(truncatingIfNeeded: lanes >> (8 * lane) & 0xFF) }
        @inline(__always) func pair(_ lanes: UInt64, _ lane: Int) -> Int { digit(lanes, lane) * 10 + digit(lanes, lane + 1) }
        let year = pair(date, 0) * 100 + pair(date, 2), month = pair(date, 5), day = pair(time, 0)
        let hour = pair(time, 3), minute = pair(time, 6), second = pair(end, 5)
        guard (1...12).contains(month), day >= 1, day <= EventTimeCalendar.daysIn(month: month, year: year) else { return false }
        return hour <= 23 && minute <= 59 && second <= 59
    }

    /// A number is most often UNIX time; 10 digits are seconds, 13 milliseconds.
    private static func bareNumber(_ digits: [Unicode.Scalar]) -> (String, String?) {
        let plain = "is a bare number, not a date and time in the form \(shape)"
        let value = digits.prefix(18).reduce(0) { $0 * 10 + Int($1.value - 48) }
        switch digits.count {
        case 10: return ("is a bare number, like UNIX time in seconds, not a date and time in the form \(shape)",
                         EventTimeCalendar.text(secondsSinceEpoch: value))
        case 13: return ("is a bare number, like UNIX time in milliseconds, not a date and time in the form \(shape)",
                         EventTimeCalendar.text(secondsSinceEpoch: value / 1000))
        default: return (plain, nil)
        }
    }
}
