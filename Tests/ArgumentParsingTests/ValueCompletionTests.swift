import Testing
import ArgumentParsing

@Suite struct ValueCompletionTests {
    @Test func aClosedSetCompletesItsValues() {
        let option = OptionSpec("format", kind: .value(placeholder: "f"), help: "", allowedValues: ["text", "json"])
        #expect(option.completion == .words(["text", "json"]))
    }

    @Test func aDeclaredCompletionWinsOverTheAllowedValues() {
        let option = OptionSpec("dir", kind: .value(placeholder: "d"), help: "", allowedValues: ["a"], completion: .directories)
        #expect(option.completion == .directories)
        #expect(OptionSpec("seed", kind: .value(placeholder: "s"), help: "").completion == .nothing)
    }

    @Test func positionalsCompleteFilesUnlessDeclaredAndNothingWhenThereAreNone() {
        #expect(CommandSpec(name: "c", abstract: "", usage: [], options: [], positionals: "[PATH ...]").positionalCompletion == .files)
        #expect(CommandSpec(name: "e", abstract: "", usage: [], options: [], positionals: "RULE",
                            positionalCompletion: .words(["r"])).positionalCompletion == .words(["r"]))
        #expect(CommandSpec(name: "r", abstract: "", usage: [], options: [], positionalCompletion: .files).positionalCompletion == .nothing)
    }

    @Test func aShortVOnAnOptionIsDroppedForTheVersion() throws {
        let spec = CommandSpec(name: "x", abstract: "", usage: [], options: [
            OptionSpec("verbose", short: "V", help: ""),
        ])
        #expect(spec.options.map(\.short) == [nil])
        #expect(try spec.parse(["-V"]).versionRequested)
        #expect(try spec.parse(["--verbose"]).isSet("verbose"))
    }

    @Test func scriptsOfferEveryCommandAndLeaveOutWordsAShellWouldSplit() {
        let spec = CommandSpec(name: "pick", abstract: "Pick it", usage: [], options: [
            OptionSpec("colour", kind: .value(placeholder: "c"), help: "", completion: .words(["red", "dark blue", "$(x)"])),
        ])
        let script = CompletionScript(programName: "tool", commands: [spec])
        for shell in CompletionScript.Shell.allCases {
            let text = script.text(for: shell)
            #expect(text.contains("pick"), "\(shell)")
            #expect(text.contains("red"), "\(shell)")
            #expect(!text.contains("dark blue") && !text.contains("$(x)"), "\(shell)")
        }
    }
}
