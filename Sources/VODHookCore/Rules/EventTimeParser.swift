/// Reads `yyyy-MM-ddTHH:mm:ssZ` part by part, noting each part that differs
/// and carrying on, so one message names every wrong part.
struct EventTimeParser {
    private struct Field {
        var value: Int
        /// False when the width is so wrong that the value says nothing (a 3-digit day).
        var usable: Bool
    }

    private let text: [Unicode.Scalar]
    private var index = 0
    private var problems: [String]
    /// False once some problem has no mechanical fix.
    private var fixable = true
    /// Separators already noted as wrong, per part, so "2017/03/20" is one problem.
    private var wrongSeparators: [(part: String, scalar: Unicode.Scalar)] = []

    init(_ text: [Unicode.Scalar], problems: [String]) {
        self.text = text
        self.problems = problems
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    mutating func check() -> EventTimeCheck.Problem? {
        let yearStart = index
        let yearDigits = digits()
        // Past four digits the text is not a calendar date in any form worth naming.
        guard (1...4).contains(yearDigits.count) else { return unreadable() }
        if yearDigits.count != 4 {
            problems.append("has a \(yearDigits.count)-digit year (\(quote(yearStart..<index))) where the format has four digits")
            fixable = false
        }
        let year = Field(value: yearDigits.value, usable: yearDigits.count == 4)
        guard separator(expected: "-", of: "date"), let month = field("month"),
            separator(expected: "-", of: "date"), let day = field("day")
        else { return unreadable() }
        guard let between = current else {
            problems.append("has a date but no time")
            fixable = false
            return finish(year, month, day, nil, nil, nil, offset: 0)
        }
        switch between {
        case "T": break
        case " ": problems.append("has a space instead of 'T' between the date and the time")
        case "t": problems.append("has a lowercase 't' instead of 'T' between the date and the time")
        default: problems.append("has \(quote(index..<index + 1)) instead of 'T' between the date and the time")
        }
        index += 1
        guard let hour = field("hour"), separator(expected: ":", of: "time"), let minute = field("minute") else {
            problems.append("does not have the time as HH:mm:ss")
            fixable = false
            return finish(year, month, day, nil, nil, nil, offset: 0)
        }
        var second: Field?
        if let next = current, next == ":" || wrongSeparators.contains(where: { $0 == ("time", next) }) {
            index += 1
            second = field("second")
        }
        if second == nil {
            problems.append("has no seconds")
            fixable = false
        }
        fraction()
        let offset = zone()
        return finish(year, month, day, hour, minute, second, offset: offset)
    }

    // MARK: Parts

    private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    private mutating func digits() -> (value: Int, count: Int) {
        var value = 0, count = 0
        while let scalar = current, Self.isDigit(scalar) {
            if count < 18 { value = value * 10 + Int(scalar.value - 48) }
            count += 1
            index += 1
        }
        return (value, count)
    }

    /// A two-digit field; nil when there are no digits at all.
    private mutating func field(_ name: String) -> Field? {
        let start = index
        let (value, count) = digits()
        switch count {
        case 0:
            return nil
        case 1:
            problems.append("has a one-digit \(name) (\(quote(start..<index))) where the format has two digits")
            return Field(value: value, usable: true)
        case 2:
            return Field(value: value, usable: true)
        default:
            problems.append("has a \(count)-digit \(name) (\(quote(start..<index))) where the format has two digits")
            fixable = false
            return Field(value: value, usable: false)
        }
    }

    /// Consumes one separator; another non-digit before a digit is noted
    /// once and accepted, so "2017/03/20" reads on. Anything else ends the part.
    private mutating func separator(expected: Unicode.Scalar, of part: String) -> Bool {
        guard let scalar = current, !Self.isDigit(scalar) else { return false }
        guard index + 1 < text.count, Self.isDigit(text[index + 1]) else { return false }
        if scalar != expected && !wrongSeparators.contains(where: { $0 == (part, scalar) }) {
            wrongSeparators.append((part, scalar))
            problems.append("separates the \(part) with \(quote(index..<index + 1)) instead of '\(expected)'")
        }
        index += 1
        return true
    }

    private mutating func fraction() {
        guard let scalar = current, scalar == "." || scalar == "," else { return }
        let start = index
        index += 1
        _ = digits()
        problems.append("has fractional seconds (\(quote(start..<index))) but the format has whole seconds only")
    }

    /// Reads what follows the seconds, which must be exactly "Z"; returns the
    /// UTC offset in minutes when it is one.
    private mutating func zone() -> Int {
        let start = index
        let rest = Array(text[index...])
        index = text.count
        let spaces = rest.prefix { $0 == " " }.count
        let zone = Array(rest.dropFirst(spaces))
        let quoted = quote(start..<text.count)
        let name = Self.string(zone[...])
        if zone.isEmpty && spaces == 0 {
            problems.append("has no time zone (it must end in 'Z', for UTC)")
        } else if name == "Z" && spaces == 0 {
            return 0
        } else if name == "z" && spaces == 0 {
            problems.append("ends in a lowercase 'z' instead of 'Z'")
        } else if name == "Z" {
            problems.append("has a space before 'Z'")
        } else if name == "z" {
            problems.append("has a space before a lowercase 'z' instead of 'Z' right after the seconds")
        } else if name == "UTC" || name == "GMT" {
            problems.append("ends in \(quoted) instead of 'Z'")
        } else if let minutes = Self.utcOffset(zone) {
            problems.append("has a UTC offset (\(quoted)) instead of 'Z'")
            return minutes
        } else {
            problems.append("has \(quoted) after the seconds instead of 'Z'")
            fixable = false
        }
        return 0
    }

    /// `+08:00`, `-0530` or `+08` as minutes east of UTC.
    private static func utcOffset(_ zone: [Unicode.Scalar]) -> Int? {
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let body = Array(zone.dropFirst())
        guard body.allSatisfy({ isDigit($0) || $0 == ":" }) else { return nil }
        let number = { (range: Range<Int>) in body[range].reduce(0) { $0 * 10 + Int($1.value - 48) } }
        let hours: Int, minutes: Int
        switch body.count {
        case 2 where body.allSatisfy(isDigit): hours = number(0..<2); minutes = 0
        case 4 where body.allSatisfy(isDigit): hours = number(0..<2); minutes = number(2..<4)
        case 5 where body[2] == ":" && isDigit(body[0]) && isDigit(body[1]) && isDigit(body[3]) && isDigit(body[4]):
            hours = number(0..<2); minutes = number(3..<5)
        default: return nil
        }
        guard hours < 24, minutes < 60 else { return nil }
        return (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
    }

    // MARK: Verdict

    private func unreadable() -> EventTimeCheck.Problem {
        EventTimeCheck.Problem(
            description: (problems + ["is not a date and time in the form \(EventTimeCheck.shape)"]).joined(separator: "; "),
            suggestion: nil)
    }

    private mutating func finish(
        _ year: Field, _ month: Field, _ day: Field, _ hour: Field?, _ minute: Field?, _ second: Field?, offset: Int
    ) -> EventTimeCheck.Problem? {
        var range: [String] = []
        let pad = EventTimeCalendar.pad
        if month.usable && !(1...12).contains(month.value) {
            range.append("month \(pad(month.value)) does not exist")
        } else if month.usable && day.usable && year.usable
            && !(1...EventTimeCalendar.daysIn(month: month.value, year: year.value)).contains(day.value) {
            if month.value == 2 && day.value == 29 {
                range.append("\(year.value) is not a leap year, so February has no day 29")
            } else {
                range.append("day \(pad(day.value)) does not exist in \(EventTimeCalendar.monthName(month.value)) \(year.value)")
            }
        } else if day.usable && !(1...31).contains(day.value) {
            range.append("day \(pad(day.value)) does not exist")
        }
        if let hour, hour.usable, hour.value > 23 { range.append("hour \(pad(hour.value)) is out of range (00-23)") }
        if let minute, minute.usable, minute.value > 59 { range.append("minute \(pad(minute.value)) is out of range (00-59)") }
        if let second, second.usable, second.value > 59 { range.append("second \(pad(second.value)) is out of range (00-59)") }
        if !range.isEmpty {
            problems.append("names no real time: " + range.joined(separator: ", "))
            fixable = false
        }
        guard !problems.isEmpty else { return nil }
        var suggestion: String?
        if fixable, let hour, let minute, let second {
            let seconds = EventTimeCalendar.secondsSinceEpoch(
                year: year.value, month: month.value, day: day.value,
                hour: hour.value, minute: minute.value, second: second.value) - offset * 60
            suggestion = EventTimeCalendar.text(secondsSinceEpoch: seconds)
        }
        return EventTimeCheck.Problem(description: problems.joined(separator: "; "), suggestion: suggestion)
    }

    private func quote(_ range: Range<Int>) -> String {
        TerminalSafe.quotedExcerpt(Self.string(text[range]))
    }

    /// Scalars as a string. Appended one by one they cost thousands of
    /// instructions for a time's worth; ASCII ones (nearly always) are
    /// written straight in as their bytes.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy(\.isASCII) else { return String(String.UnicodeScalarView(scalars)) }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return scalars.count
        }
    }
}
