import Testing
import VODHookCore

/// EventTime must be exactly `yyyy-MM-ddTHH:mm:ssZ` in UTC and name a real
/// instant. Each invalid row names the part the message must point at and
/// the fix the hint may offer (nil when no fix is mechanical).
@Suite struct EventTimeCheckTests {
    static let valid: [String] = [
        "2017-03-20T07:49:17Z",            // the docs' example
        "2000-02-29T00:00:00Z",            // divisible by 400: leap
        "2024-02-29T23:59:59Z",            // divisible by 4: leap
        "1996-02-29T12:00:00Z",
        "2017-01-31T00:00:00Z", "2017-03-31T00:00:00Z", "2017-05-31T00:00:00Z", "2017-07-31T00:00:00Z",
        "2017-08-31T00:00:00Z", "2017-10-31T00:00:00Z", "2017-12-31T23:59:59Z",
        "2017-04-30T00:00:00Z", "2017-06-30T00:00:00Z", "2017-09-30T00:00:00Z", "2017-11-30T00:00:00Z",
        "2017-02-28T23:59:59Z",
        "1970-01-01T00:00:00Z",
        // Decision: the spec names no year range; four digits allow 0000-9999
        // and the proleptic Gregorian calendar has all of them.
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ]

    @Test(arguments: valid)
    func acceptsRealUTCInstants(_ text: String) {
        #expect(EventTimeCheck.problem(in: text) == nil)
    }

    struct Invalid: CustomStringConvertible, Sendable {
        let text: String
        /// A fragment the description must contain.
        let says: String
        let suggestion: String?
        var description: String { text }
        init(_ text: String, _ says: String, fix suggestion: String? = nil) {
            self.text = text
            self.says = says
            self.suggestion = suggestion
        }
    }

    static let invalid: [Invalid] = [
        // Calendar: the date must exist.
        Invalid("1900-02-29T00:00:00Z", "1900 is not a leap year, so February has no day 29"),
        Invalid("2023-02-29T00:00:00Z", "2023 is not a leap year, so February has no day 29"),
        Invalid("2100-02-29T00:00:00Z", "2100 is not a leap year"),
        Invalid("2024-02-30T00:00:00Z", "day 30 does not exist in February 2024"),
        Invalid("2017-02-30T00:00:00Z", "day 30 does not exist in February 2017"),
        Invalid("2017-00-10T00:00:00Z", "month 00 does not exist"),
        Invalid("2017-13-10T00:00:00Z", "month 13 does not exist"),
        Invalid("2017-04-00T00:00:00Z", "day 00 does not exist in April 2017"),
        Invalid("2017-01-32T00:00:00Z", "day 32 does not exist in January 2017"),
        Invalid("2017-04-31T00:00:00Z", "day 31 does not exist in April 2017"),
        Invalid("2017-06-31T00:00:00Z", "day 31 does not exist in June 2017"),
        Invalid("2017-09-31T00:00:00Z", "day 31 does not exist in September 2017"),
        Invalid("2017-11-31T00:00:00Z", "day 31 does not exist in November 2017"),
        Invalid("2017-13-32T00:00:00Z", "month 13 does not exist"),
        // Clock: no leap seconds and no 24:00, which the format cannot mean.
        Invalid("2017-03-20T24:00:00Z", "hour 24 is out of range (00-23)"),
        Invalid("2017-03-20T23:60:00Z", "minute 60 is out of range (00-59)"),
        Invalid("2017-03-20T23:59:60Z", "second 60 is out of range (00-59)"),
        Invalid("2017-03-20T99:99:99Z", "hour 99 is out of range (00-23), minute 99 is out of range (00-59), second 99 is out of range (00-59)"),
        // Fractional seconds.
        Invalid("2017-03-20T07:49:17.123Z", #"has fractional seconds (".123")"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17.0Z", #"has fractional seconds (".0")"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17,5Z", #"has fractional seconds (",5")"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17.Z", #"has fractional seconds (".")"#, fix: "2017-03-20T07:49:17Z"),
        // The zone: exactly "Z". An offset is converted in the fix, so the fix names the same instant.
        Invalid("2017-03-20T07:49:17+08:00", #"has a UTC offset ("+08:00") instead of 'Z'"#, fix: "2017-03-19T23:49:17Z"),
        Invalid("2017-03-20T07:49:17-0530", #"has a UTC offset ("-0530") instead of 'Z'"#, fix: "2017-03-20T13:19:17Z"),
        Invalid("2017-03-20T07:49:17+08", #"has a UTC offset ("+08") instead of 'Z'"#, fix: "2017-03-19T23:49:17Z"),
        Invalid("2017-03-20T07:49:17+00:00", #"has a UTC offset ("+00:00") instead of 'Z'"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17-00:00", #"has a UTC offset ("-00:00") instead of 'Z'"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-01-01T00:30:00+01:00", "has a UTC offset", fix: "2016-12-31T23:30:00Z"),
        Invalid("2024-03-01T01:00:00+02:00", "has a UTC offset", fix: "2024-02-29T23:00:00Z"),
        Invalid("2017-03-20T07:49:17z", "ends in a lowercase 'z' instead of 'Z'", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17", "has no time zone (it must end in 'Z', for UTC)", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17 Z", "has a space before 'Z'", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17UTC", #"ends in "UTC" instead of 'Z'"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17 GMT", #"ends in " GMT" instead of 'Z'"#, fix: "2017-03-20T07:49:17Z"),
        // Decision: text after the seconds that is no known zone has no safe fix.
        Invalid("2017-03-20T07:49:17ZZ", #"has "ZZ" after the seconds instead of 'Z'"#),
        Invalid("2017-03-20T07:49:17+24:00", #"has "+24:00" after the seconds instead of 'Z'"#),
        Invalid("2017-03-20T07:49:17Z\u{0}", #"has "Z\u0000" after the seconds"#),
        Invalid("2017-03-20T07:49:17\u{200B}Z", #"has "\u200bZ" after the seconds"#),
        // The date-time separator.
        Invalid("2017-03-20 07:49:17Z", "has a space instead of 'T' between the date and the time", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20t07:49:17Z", "has a lowercase 't' instead of 'T' between the date and the time", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20_07:49:17Z", #"has "_" instead of 'T' between the date and the time"#, fix: "2017-03-20T07:49:17Z"),
        // Several problems are all named, in reading order.
        Invalid("2017-03-20 07:49:17", "has a space instead of 'T' between the date and the time; has no time zone", fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T07:49:17.123+08:00",
                #"has fractional seconds (".123") but the format has whole seconds only; has a UTC offset ("+08:00") instead of 'Z'"#,
                fix: "2017-03-19T23:49:17Z"),
        Invalid("2017-02-30 07:49:17", "has a space instead of 'T' between the date and the time; has no time zone (it must end in 'Z', for UTC); names no real time: day 30 does not exist in February 2017"),
        // Separators and widths.
        Invalid("2017/03/20T07:49:17Z", #"separates the date with "/" instead of '-'"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017.03.20T07.49.17Z", #"separates the date with "." instead of '-'; separates the time with "." instead of ':'"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-3-20T07:49:17Z", #"has a one-digit month ("3") where the format has two digits"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-20T7:49:17Z", #"has a one-digit hour ("7")"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-200T07:49:17Z", #"has a 3-digit day ("200") where the format has two digits"#),
        Invalid("17-03-20T07:49:17Z", #"has a 2-digit year ("17") where the format has four digits"#),
        Invalid("2017-03-20T07:49Z", "has no seconds"),
        Invalid("2017-03-20T07Z", "does not have the time as HH:mm:ss"),
        Invalid("2017-03-20", "has a date but no time"),
        Invalid("2017-03-20T", "does not have the time as HH:mm:ss"),
        // Not a date and time at all.
        Invalid("", "is empty"),
        Invalid("   ", "holds only whitespace"),
        Invalid("now", "is not a date and time in the form yyyy-MM-ddTHH:mm:ssZ"),
        Invalid("-1", "is not a date and time in the form yyyy-MM-ddTHH:mm:ssZ"),
        Invalid("20170320T074917Z", "is not a date and time in the form yyyy-MM-ddTHH:mm:ssZ"),
        Invalid("Mon, 20 Mar 2017 07:49:17 GMT", "is not a date and time in the form yyyy-MM-ddTHH:mm:ssZ"),
        Invalid("2017年03月20日", #"separates the date with "年" instead of '-'"#),
        // Bare numbers: 10 digits read as UNIX seconds, 13 as milliseconds.
        Invalid("1490000000", "is a bare number, like UNIX time in seconds", fix: "2017-03-20T08:53:20Z"),
        Invalid("1490000000123", "is a bare number, like UNIX time in milliseconds", fix: "2017-03-20T08:53:20Z"),
        Invalid("0", "is a bare number, not a date and time in the form yyyy-MM-ddTHH:mm:ssZ"),
        Invalid("20170320", "is a bare number, not a date and time"),
        // Surrounding whitespace is named, and the rest is still checked.
        Invalid("2017-03-20T07:49:17Z ", "has trailing whitespace", fix: "2017-03-20T07:49:17Z"),
        Invalid(" 2017-03-20T07:49:17Z", "has leading whitespace", fix: "2017-03-20T07:49:17Z"),
        Invalid("\t2017-03-20T07:49:17Z\n", "has whitespace around it", fix: "2017-03-20T07:49:17Z"),
        Invalid(" 2017-03-20T07:49:17+08:00", "has leading whitespace; has a UTC offset", fix: "2017-03-19T23:49:17Z"),
        // Digits of other scripts look right to people and wrong to parsers.
        Invalid("２０１７-03-20T07:49:17Z", #"uses non-ASCII digits ("２０１７") where the format has 0-9"#, fix: "2017-03-20T07:49:17Z"),
        Invalid("2017-03-2\u{661}T07:49:17Z", #"uses non-ASCII digits ("١")"#, fix: "2017-03-21T07:49:17Z"),
        Invalid("２０１７-02-29T00:00:00Z", "uses non-ASCII digits (\"２０１７\") where the format has 0-9; names no real time: 2017 is not a leap year"),
        // Offsets that move before year 0000 cannot be written in four digits.
        Invalid("0000-01-01T00:00:00+08:00", "has a UTC offset"),
    ]

    @Test(arguments: invalid)
    func namesTheWrongPart(_ row: Invalid) throws {
        let problem = try #require(EventTimeCheck.problem(in: row.text))
        #expect(problem.description.contains(row.says), "\(problem.description)")
        #expect(problem.suggestion == row.suggestion, "\(problem)")
    }

    @Test(arguments: invalid)
    func describesInLowercaseFragments(_ row: Invalid) throws {
        let problem = try #require(EventTimeCheck.problem(in: row.text))
        #expect(problem.description.first?.isLowercase == true)
        #expect(!problem.description.hasSuffix("."))
        // Every fix is itself valid: a hint must never suggest another mistake.
        if let fix = problem.suggestion { #expect(EventTimeCheck.problem(in: fix) == nil, "\(fix)") }
    }

    @Test func leapYearsFollowTheGregorianRules() {
        for year in [1600, 2000, 2400, 1996, 2004, 2024] {
            #expect(EventTimeCheck.problem(in: "\(year)-02-29T00:00:00Z") == nil, "\(year)")
        }
        for year in [1700, 1800, 1900, 2100, 2017, 2023] {
            #expect(EventTimeCheck.problem(in: "\(year)-02-29T00:00:00Z") != nil, "\(year)")
        }
    }

    @Test func everyDayOfEveryMonthOfALeapAndACommonYear() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for year in [2023, 2024] {
            for month in 1...12 {
                let last = lengths[month - 1] + (year == 2024 && month == 2 ? 1 : 0)
                for day in 1...31 {
                    let text = "\(year)-\(pad(month))-\(pad(day))T12:00:00Z"
                    #expect((EventTimeCheck.problem(in: text) == nil) == (day <= last), "\(text)")
                }
            }
        }
    }

    @Test func controlCharactersInTheTextAreQuotedSafely() throws {
        let problem = try #require(EventTimeCheck.problem(in: "2017-03-20T07:49:17\u{1B}[2J"))
        #expect(!problem.description.unicodeScalars.contains { $0.value < 0x20 }, "\(problem.description)")
        #expect(problem.description.contains(#"\u001b[2J"#))
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
