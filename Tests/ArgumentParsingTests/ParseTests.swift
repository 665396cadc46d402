import Testing
import ArgumentParsing

@Suite struct ParseTests {
    @Test func emptyCommandLine() throws {
        let parsed = try checkCommand.parse([])
        #expect(parsed.positionals.isEmpty)
        #expect(!parsed.helpRequested)
        #expect(!parsed.versionRequested)
        #expect(!parsed.isSet("quiet"))
        #expect(parsed.value("format") == nil)
        #expect(parsed.values("rule").isEmpty)
        #expect(parsed.count("verbose") == 0)
    }

    @Test func longAndShortFlags() throws {
        let parsed = try checkCommand.parse(["--quiet", "-s"])
        #expect(parsed.isSet("quiet"))
        #expect(parsed.isSet("strict"))
        #expect(!parsed.isSet("verbose"))
    }

    @Test func bundledShortFlags() throws {
        let parsed = try checkCommand.parse(["-qs"])
        #expect(parsed.isSet("quiet"))
        #expect(parsed.isSet("strict"))
    }

    @Test func flagsMayRepeatAndAreCounted() throws {
        let parsed = try checkCommand.parse(["-vv", "--verbose", "-q"])
        #expect(parsed.count("verbose") == 3)
        #expect(parsed.count("quiet") == 1)
    }

    @Test(arguments: [
        ["--format", "json"],
        ["--format=json"],
        ["-f", "json"],
        ["-fjson"],
        ["-qfjson"],
    ])
    func valueSpellings(arguments: [String]) throws {
        let parsed = try checkCommand.parse(arguments)
        #expect(parsed.value("format") == "json")
        #expect(parsed.count("format") == 1)
    }

    @Test func attachedValuesMayBeEmptyOrContainEquals() throws {
        #expect(try checkCommand.parse(["--timestamp="]).value("timestamp") == "")
        #expect(try checkCommand.parse(["--rule=a=b"]).value("rule") == "a=b")
    }

    @Test func aValueMayStartWithADash() throws {
        #expect(try checkCommand.parse(["--timestamp", "-5"]).value("timestamp") == "-5")
        #expect(try checkCommand.parse(["--timestamp", "--quiet"]).value("timestamp") == "--quiet")
        #expect(try checkCommand.parse(["--rule", "-"]).value("rule") == "-")
    }

    @Test func aValueMayBeTheTerminator() throws {
        let parsed = try checkCommand.parse(["--rule", "--", "--quiet"])
        #expect(parsed.value("rule") == "--")
        // The "--" was a value, so options were never ended.
        #expect(parsed.isSet("quiet"))
        #expect(parsed.positionals.isEmpty)
    }

    @Test func aSingleValueOptionGivenTwiceKeepsTheLast() throws {
        let parsed = try checkCommand.parse(["--format", "text", "-f", "json"])
        #expect(parsed.value("format") == "json")
        #expect(parsed.values("format") == ["json"])
        #expect(parsed.count("format") == 2)
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
        let parsed = try checkCommand.parse(["--rule", "b", "--rule=a", "--rule", "b"])
        #expect(parsed.values("rule") == ["b", "a", "b"])
        #expect(parsed.value("rule") == "b")
        #expect(parsed.count("rule") == 3)
    }

    @Test func positionalsInterleaveWithOptions() throws {
        let parsed = try checkCommand.parse(["a.json", "-q", "b.json", "--format", "json", "c"])
        #expect(parsed.positionals == ["a.json", "b.json", "c"])
        #expect(parsed.isSet("quiet"))
    }

    @Test func aLoneDashIsAPositional() throws {
        #expect(try checkCommand.parse(["-"]).positionals == ["-"])
        #expect(try checkCommand.parse(["-q", "-"]).positionals == ["-"])
    }

    @Test func everythingAfterTheTerminatorIsPositional() throws {
        let parsed = try checkCommand.parse(["-q", "--", "--x", "-s", "--help", "--"])
        #expect(parsed.positionals == ["--x", "-s", "--help", "--"])
        #expect(!parsed.isSet("strict"))
        #expect(!parsed.helpRequested)
    }

    @Test func emptyAndUnicodeArgumentsArePositionals() throws {
        let parsed = try checkCommand.parse(["", "日本語.json", "é"])
        #expect(parsed.positionals == ["", "日本語.json", "é"])
    }

    @Test func helpIsAlwaysRecognized() throws {
        #expect(try checkCommand.parse(["--help"]).helpRequested)
        #expect(try checkCommand.parse(["-h"]).helpRequested)
        #expect(try checkCommand.parse(["-qh"]).helpRequested)
        #expect(try noPositionalsCommand.parse(["-h"]).helpRequested)
    }

    @Test func versionIsAlwaysRecognized() throws {
        #expect(try checkCommand.parse(["--version"]).versionRequested)
        #expect(try noPositionalsCommand.parse(["--version"]).versionRequested)
        #expect(!(try checkCommand.parse(["--version"]).helpRequested))
    }

    @Test func undeclaredNamesReadAsAbsent() throws {
        let parsed = try checkCommand.parse(["-q"])
        #expect(!parsed.isSet("nope"))
        #expect(parsed.value("nope") == nil)
        #expect(parsed.values("nope").isEmpty)
        #expect(parsed.count("nope") == 0)
    }

    @Test func sameCommandLineParsesEqual() throws {
        let arguments = ["-q", "--rule", "a", "x"]
        #expect(try checkCommand.parse(arguments) == checkCommand.parse(arguments))
        #expect(try checkCommand.parse(arguments) != checkCommand.parse(["-s"]))
    }
}
