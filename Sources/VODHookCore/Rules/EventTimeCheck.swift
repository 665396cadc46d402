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
    static func isWellFormed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z")
        else { return false }
        @inline(__always) func number(_ start: Int, _ count: Int) -> Int {
            var value = 0
            for i in start..<start + count {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return -1 }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let year = number(0, 4), month = number(5, 2), day = number(8, 2)
        let hour = number(11, 2), minute = number(14, 2), second = number(17, 2)
        guard year >= 0, (1...12).contains(month), day >= 1, day <= EventTimeCalendar.daysIn(month: month, year: year) else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
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
