import Testing
import VODHookCommands

/// Number options read ASCII digits only, and their messages say what they want.
@Suite struct NumberOptionTests {
    @Test(arguments: ["1\u{301}", "0.5\u{301}", "\u{FF11}", "\u{0663}", "+1", "1e3"])
    func sendTimeoutRefusesWhatIsNotPlainDigits(value: String) {
        let result = InProcess.run(["send", "--timeout", value, "http://127.0.0.1:9/", "/dev/null"])
        #expect(result.status == .trouble)
        #expect(result.stderr.hasPrefix("vodhook send: error: invalid value \""))
        #expect(result.stderr.contains("for '--timeout'; expected seconds, such as 5 or 0.5, up to 3600\n"))
    }

    @Test func maxAgeAsksForANumberOfSecondsNotATime() {
        let result = InProcess.run(["verify", "--url", "http://example.com/cb", "--key", "k", "--max-age", "x", "/dev/null"])
        #expect(result.status == .trouble)
        #expect(result.stderr.hasPrefix("vodhook verify: error: invalid value \"x\" for '--max-age'; expected a whole number of seconds\n"))
        let now = InProcess.run(["verify", "--url", "http://example.com/cb", "--key", "k", "--now", "x", "/dev/null"])
        #expect(now.stderr.hasPrefix("vodhook verify: error: invalid value \"x\" for '--now'; expected UNIX time in seconds\n"))
    }

    @Test(arguments: ["+2", "\u{0663}", "0"])
    func jobsTakesDigitsOnly(value: String) {
        let result = InProcess.run(["check", "--jobs", value, "/dev/null"])
        #expect(result.status == .trouble)
        #expect(result.stderr.hasPrefix("vodhook check: error: --jobs wants a whole number of threads from 1, not \""))
    }
}
