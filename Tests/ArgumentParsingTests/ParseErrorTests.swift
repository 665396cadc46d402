import Testing
import ArgumentParsing

@Suite struct ParseErrorTests {
    @Test func unknownLongOptionWithHint() {
        #expect(errorMessage(["--fromat", "json"])
            == "unknown option '--fromat'; did you mean '--format'?")
        #expect(errorMessage(["--Quiet"]) == "unknown option '--Quiet'; did you mean '--quiet'?")
        #expect(errorMessage(["--strcit=1"]) == "unknown option '--strcit'; did you mean '--strict'?")
    }

    @Test func unknownLongOptionHintsIncludeTheBuiltIns() {
        #expect(errorMessage(["--hlep"]) == "unknown option '--hlep'; did you mean '--help'?")
        #expect(errorMessage(["--verison"]) == "unknown option '--verison'; did you mean '--version'?")
    }

    @Test func unknownLongOptionHintsAcceptAbbreviations() {
        #expect(errorMessage(["--time", "5"])
            == "unknown option '--time'; did you mean '--timestamp'?")
    }

    @Test func unknownLongOptionWithoutHint() {
        #expect(errorMessage(["--xyzzy"]) == "unknown option '--xyzzy'")
        #expect(errorMessage(["--=x"]) == "unknown option '--'")
    }

    @Test func unknownShortOption() {
        #expect(errorMessage(["-x"]) == "unknown option '-x'")
        #expect(errorMessage(["-qx"]) == "unknown option '-x'")
    }

    @Test func aSingleDashLongNameGetsAHint() {
        #expect(errorMessage(["-rule", "a"]) == "unknown option '-r'; did you mean '--rule'?")
        #expect(errorMessage(["-version"]) == "unknown option '-e'")  // -v is --verbose
        #expect(errorMessage(noPositionalsCommand, ["-version"])
            == "unknown option '-v'; did you mean '--version'?")
    }

    @Test func missingValueAtTheEnd() {
        #expect(errorMessage(["--format"]) == "option '--format' needs a value")
        #expect(errorMessage(["-q", "-f"]) == "option '--format' needs a value")
        #expect(errorMessage(["--timestamp"]) == "option '--timestamp' needs a value")
    }

    @Test func valueOutsideTheAllowedSet() {
        #expect(errorMessage(["--format", "xml"])
            == "invalid value 'xml' for '--format'; expected one of: text, json, github")
        #expect(errorMessage(["--format=jsno"])
            == "invalid value 'jsno' for '--format'; expected one of: text, json, github; did you mean 'json'?")
        #expect(errorMessage(["-fJSON"])
            == "invalid value 'JSON' for '--format'; expected one of: text, json, github; did you mean 'json'?")
        #expect(errorMessage(["--format="])
            == "invalid value '' for '--format'; expected one of: text, json, github")
    }

    @Test func aFlagTakesNoValue() {
        #expect(errorMessage(["--quiet=yes"]) == "option '--quiet' takes no value")
        #expect(errorMessage(["--quiet="]) == "option '--quiet' takes no value")
        #expect(errorMessage(["--version=2"]) == "option '--version' takes no value")
    }

    @Test func positionalsWhenNoneAreAllowed() {
        #expect(errorMessage(noPositionalsCommand, ["foo"]) == "unexpected argument 'foo'")
        #expect(errorMessage(noPositionalsCommand, ["-"]) == "unexpected argument '-'")
        #expect(errorMessage(noPositionalsCommand, ["--", "-x"]) == "unexpected argument '-x'")
    }

    @Test func theFirstProblemIsReported() {
        #expect(errorMessage(["--nope", "--format", "xml"]) == "unknown option '--nope'")
        #expect(errorMessage(noPositionalsCommand, ["a", "b"]) == "unexpected argument 'a'")
    }

    @Test func helpWinsOverEveryOtherProblem() throws {
        for arguments in [
            ["--fromat", "--help"],
            ["--help", "--quiet=yes"],
            ["-x", "-h"],
            ["--format", "xml", "-qh"],
            ["--help", "--format"],
            ["--help=please"],
            ["--version=2", "--help"],
        ] {
            let parsed = try checkCommand.parse(arguments)
            #expect(parsed.helpRequested, "\(arguments)")
        }
        #expect(try noPositionalsCommand.parse(["stray", "--help"]).helpRequested)
    }

    @Test func helpKeepsWhatWasUnderstood() throws {
        let parsed = try checkCommand.parse(["-q", "a", "--nope", "--help"])
        #expect(parsed.isSet("quiet"))
        #expect(parsed.positionals == ["a"])
    }

    @Test func helpInsideAValueOrAfterTheTerminatorIsNotHelp() {
        // The value option claims the next argument whatever it looks like.
        #expect(errorMessage(["--format", "--help"])
            == "invalid value '--help' for '--format'; expected one of: text, json, github")
        #expect(errorMessage(noPositionalsCommand, ["--", "--help"]) == "unexpected argument '--help'")
    }

    @Test func versionDoesNotHideErrors() {
        #expect(errorMessage(["--version", "--nope"]) == "unknown option '--nope'")
    }

    @Test func userTextInMessagesStaysOnOneLine() {
        #expect(errorMessage(noPositionalsCommand, ["a\nb"]) == "unexpected argument 'a\\nb'")
        #expect(errorMessage(["--x\u{1B}[31m"]) == "unknown option '--x\\u{1B}[31m'")
    }

    @Test func errorsPrintAsTheirMessage() {
        let error = UsageError("unknown command 'x'")
        #expect("\(error)" == "unknown command 'x'")
        #expect(error.description == error.message)
    }
}
