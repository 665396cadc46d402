import Testing
import ArgumentParsing
import VODHookCore  // SplitMix64

/// Parsing must never trap, and every message must stay one tidy line, whatever is typed.
@Suite struct RobustnessTests {
    static let fragments = [
        "", "-", "--", "---", "=", "--=", "-=", "-q", "-qs", "-h", "--help", "--version",
        "--format", "--format=", "-f", "-fjson", "json", "xml", "--rule", "--rule=a=b",
        "--quiet=yes", "--timestamp", "-5", "x", "é", "e\u{301}", "-\u{301}", "\u{301}",
        "🙂", "\n", "\u{0}", "\u{202E}", "-vv", "--fromat", "-version", "-h=",
    ]

    @Test func randomCommandLinesNeverTrap() {
        var generator = SplitMix64(seed: 0xA7C5)
        for _ in 0..<5_000 {
            var arguments: [String] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                var argument = Self.fragments.randomElement(using: &generator)!
                if Bool.random(using: &generator) {
                    argument += Self.fragments.randomElement(using: &generator)!
                }
                arguments.append(argument)
            }
            for spec in [checkCommand, noPositionalsCommand] {
                checkInvariants(spec, arguments)
            }
        }
    }

    @Test func veryLongArguments() {
        let huge = String(repeating: "fromat", count: 20_000)
        for arguments in [
            ["--" + huge],
            ["--format", huge],
            ["--format=" + huge],
            ["-" + huge],
            ["--quiet=" + huge],
            [huge],
            Array(repeating: "-q", count: 20_000),
        ] {
            checkInvariants(checkCommand, arguments)
            checkInvariants(noPositionalsCommand, arguments)
        }
        #expect(errorMessage(["--" + huge])?.count ?? 0 < 200)
    }

    @Test func manyRepeatedValuesAreAllKept() throws {
        let arguments = (0..<10_000).flatMap { ["--rule", String($0)] }
        #expect(try checkCommand.parse(arguments).values("rule").count == 10_000)
    }

    private func checkInvariants(
        _ spec: CommandSpec, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch outcome(spec, arguments) {
        case .success(let parsed):
            if !parsed.helpRequested, let format = parsed.value("format") {
                #expect(["text", "json", "github"].contains(format), sourceLocation: sourceLocation)
            }
            if spec.positionals == nil, !parsed.helpRequested {
                #expect(parsed.positionals.isEmpty, sourceLocation: sourceLocation)
            }
        case .failure(let error):
            let message = error.message
            #expect(!message.contains("\n") && !message.contains("\r"), "\(arguments)", sourceLocation: sourceLocation)
            #expect(message.first?.isLowercase == true, "\(message)", sourceLocation: sourceLocation)
            #expect(!message.hasSuffix("."), "\(message)", sourceLocation: sourceLocation)
        }
    }
}
