/// Checks a time against `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds) and, when
/// it is wrong, says which part is wrong and what the right text would be.
public enum EventTimeCheck {
    public struct Problem: Sendable, Hashable {
        /// Lowercase fragment naming what is wrong, e.g. "has fractional seconds (\".123\")".
        public let description: String
        /// The corrected text, when the fix is mechanical.
        public let suggestion: String?
    }

    /// Nil when `text` is a well-formed time naming a real instant.
    public static func problem(in text: String) -> Problem? {
        let chars = Array(text.utf8)
        let shape = "yyyy-MM-ddTHH:mm:ssZ"
        if chars.allSatisfy(isDigit) && !chars.isEmpty {
            return Problem(description: "is a bare number, not a date and time in the form \(shape)", suggestion: nil)
        }
        guard chars.count >= 10, digits(chars, 0, 4) != nil, digits(chars, 5, 2) != nil, digits(chars, 8, 2) != nil else {
            return Problem(description: "is not a date and time in the form \(shape)", suggestion: nil)
        }
        guard chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-") else {
            // Bytes 0-3 and 5-6 are ASCII digits, so byte and scalar indices agree here.
            // The separator is payload text: an ESC or a C1 control must not reach a terminal raw.
            let scalar = Array(text.unicodeScalars)[chars[4] == UInt8(ascii: "-") ? 7 : 4]
            var separator = ""
            TerminalSafe.append(scalar, to: &separator)
            return Problem(description: "separates the date with '\(separator)' instead of '-'", suggestion: nil)
        }
        let year = digits(chars, 0, 4)!, month = digits(chars, 5, 2)!, day = digits(chars, 8, 2)!
        guard chars.count > 10 else { return Problem(description: "has a date but no time; the format is \(shape)", suggestion: nil) }
        var problems: [String] = []
        var fixed = Array(chars[0..<10])
        switch chars[10] {
        case UInt8(ascii: "T"): break
        case UInt8(ascii: " "): problems.append("has a space instead of 'T' between the date and the time")
        case UInt8(ascii: "t"): problems.append("has a lowercase 't' instead of 'T' between the date and the time")
        default: return Problem(description: "expected 'T' after the date", suggestion: nil)
        }
        fixed.append(UInt8(ascii: "T"))
        guard chars.count >= 16, let hour = digits(chars, 11, 2), chars[13] == UInt8(ascii: ":"), let minute = digits(chars, 14, 2) else {
            return Problem(description: "does not have the time as HH:mm:ss", suggestion: nil)
        }
        guard chars.count >= 19, chars[16] == UInt8(ascii: ":"), let second = digits(chars, 17, 2) else {
            return Problem(description: "has no seconds; the format is \(shape)", suggestion: nil)
        }
        fixed.append(contentsOf: chars[11..<19])

        // What follows the seconds: exactly "Z".
        var rest = Array(chars[19...])
        if rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ",") {
            var end = 1
            while end < rest.count && isDigit(rest[end]) { end += 1 }
            problems.append("has fractional seconds (\(quote(rest[0..<end]))); the format has whole seconds only")
            rest.removeFirst(end)
        }
        var offsetMinutes = 0
        switch rest.count {
        case 0:
            problems.append("has no time zone; it must end in 'Z' (UTC)")
        case 1 where rest[0] == UInt8(ascii: "Z"):
            break
        case 1 where rest[0] == UInt8(ascii: "z"):
            problems.append("ends in a lowercase 'z' instead of 'Z'")
        default:
            if let minutes = utcOffset(rest) {
                offsetMinutes = minutes
                problems.append("has a UTC offset (\(quote(rest[...]))) instead of 'Z'")
            } else {
                problems.append("has \(quote(rest[...])) after the seconds instead of 'Z'")
            }
        }

        // The fields must name a real instant.
        var rangeProblems: [String] = []
        if !(1...12).contains(month) { rangeProblems.append("month \(pad(month)) does not exist") }
        else if !(1...daysIn(month: month, year: year)).contains(day) {
            if month == 2 && day == 29 { rangeProblems.append("\(year) is not a leap year, so February has no day 29") }
            else { rangeProblems.append("day \(pad(day)) does not exist in \(monthName(month)) \(year)") }
        }
        if hour > 23 { rangeProblems.append("hour \(pad(hour)) is out of range (00-23)") }
        if minute > 59 { rangeProblems.append("minute \(pad(minute)) is out of range (00-59)") }
        if second > 59 { rangeProblems.append("second \(pad(second)) is out of range (00-59)") }
        guard rangeProblems.isEmpty else {
            return Problem(description: "names no real time: " + rangeProblems.joined(separator: ", "), suggestion: nil)
        }
        guard !problems.isEmpty else { return nil }
        fixed.append(UInt8(ascii: "Z"))
        var suggestion = String(decoding: fixed, as: UTF8.self)
        if offsetMinutes != 0 {
            suggestion = shifted(year: year, month: month, day: day, hour: hour, minute: minute, second: second, byMinutes: -offsetMinutes)
        }
        return Problem(description: problems.joined(separator: " and "), suggestion: suggestion)
    }

    // MARK: Pieces

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func digits(_ chars: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= chars.count else { return nil }
        var value = 0
        for byte in chars[start..<start + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `+08:00`, `-0530` or `+08` as minutes east of UTC.
    private static func utcOffset(_ rest: [UInt8]) -> Int? {
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let body = Array(rest.dropFirst())
        let hours: Int?, minutes: Int?
        switch body.count {
        case 2: hours = digits(body, 0, 2); minutes = 0
        case 4: hours = digits(body, 0, 2); minutes = digits(body, 2, 2)
        case 5 where body[2] == UInt8(ascii: ":"): hours = digits(body, 0, 2); minutes = digits(body, 3, 2)
        default: return nil
        }
        guard let hours, let minutes, hours < 24, minutes < 60 else { return nil }
        return (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
    }

    private static func quote(_ bytes: ArraySlice<UInt8>) -> String {
        TerminalSafe.quoted(String(decoding: bytes, as: UTF8.self))
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"][month - 1]
    }

    /// The same instant moved by some minutes, written as `yyyy-MM-ddTHH:mm:ssZ`.
    private static func shifted(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, byMinutes delta: Int) -> String {
        var total = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute + delta
        var days = total / 1440
        if total % 1440 < 0 { days -= 1 }
        total -= days * 1440
        let (y, m, d) = civilFromDays(days)
        let yearText = String(y)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + "-\(pad(m))-\(pad(d))T\(pad(total / 60)):\(pad(total % 60)):\(pad(second))Z"
    }

    // Day counts on the proleptic Gregorian calendar, in 400-year eras, so no table is needed.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
