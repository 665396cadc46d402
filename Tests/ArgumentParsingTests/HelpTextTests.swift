import Testing
import ArgumentParsing

@Suite struct HelpTextTests {
    @Test func fullHelpOfASampleCommand() {
        #expect(checkCommand.helpText(programName: "vodhook") == """
            OVERVIEW: Validate VOD event-callback payloads

            USAGE: vodhook check [OPTIONS] [PATH ...]
                   vodhook check [OPTIONS] - < payload.json

            OPTIONS:
              -q, --quiet                Print nothing; report through the exit code
              -s, --strict               Treat warnings as errors
              -f, --format <format>      Output format (text|json|github)
                  --timestamp <seconds>  Judge freshness as of this Unix time
                  --rule <id>            Only run this rule
              -v, --verbose              Explain each finding
              -h, --help                 Show help information
              -V, --version              Show the version

            Reads standard input when PATH is '-'.
            """)
    }

    @Test func aMinimalCommandStillListsTheBuiltIns() {
        #expect(noPositionalsCommand.helpText(programName: "vodhook") == """
            OVERVIEW: List the rules

            USAGE: vodhook rules [OPTIONS]

            OPTIONS:
              -h, --help     Show help information
              -V, --version  Show the version
            """)
    }

    @Test func withoutUsageLinesOneIsMadeFromThePositionals() {
        let spec = CommandSpec(
            name: "check", abstract: "A", usage: [], options: [], positionals: "[PATH ...]")
        #expect(spec.helpText(programName: "vodhook").contains("USAGE: vodhook check [OPTIONS] [PATH ...]\n"))
    }

    @Test func theRootCommandIsNotNamedTwice() {
        let spec = CommandSpec(name: "vodhook", abstract: "A", usage: ["<command>"], options: [])
        #expect(spec.helpText(programName: "vodhook").contains("USAGE: vodhook <command>\n"))
        let unnamed = CommandSpec(name: "", abstract: "A", usage: ["<command>"], options: [])
        #expect(unnamed.helpText(programName: "vodhook").contains("USAGE: vodhook <command>\n"))
    }

    @Test func multiLineHelpStaysInItsColumn() {
        let spec = CommandSpec(name: "x", abstract: "A", usage: [], options: [
            OptionSpec("wide-option-name", help: "First line\n\nthird line"),
            OptionSpec("bare", help: ""),
        ])
        let lines = spec.helpText(programName: "p").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("      --wide-option-name  First line"))
        #expect(lines.contains("                          third line"))
        #expect(lines.contains("      --bare"))
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func allowedValuesWithoutHelpText() {
        let spec = CommandSpec(name: "x", abstract: "A", usage: [], options: [
            OptionSpec("mode", kind: .value(placeholder: "mode"), help: "", allowedValues: ["a", "b"]),
        ])
        #expect(spec.helpText(programName: "p").contains("      --mode <mode>  (a|b)\n"))
    }

    @Test func noDiscussionMeansNoTrailingBlankLine() {
        #expect(!noPositionalsCommand.helpText(programName: "p").hasSuffix("\n"))
    }
}
