import Testing
import ArgumentParsing

@Suite struct CommandSpecTests {
    @Test func optionsKeepTheirDeclarationOrder() {
        #expect(checkCommand.options.map(\.long)
            == ["quiet", "strict", "format", "timestamp", "rule", "verbose"])
    }

    @Test func optionDefaults() {
        let option = OptionSpec("quiet", help: "Be quiet")
        #expect(option.short == nil)
        #expect(option.kind == .flag)
        #expect(option.allowedValues == nil)
        #expect(!option.repeatable)
    }

    @Test func builtInNamesCannotBeRedeclared() throws {
        let spec = CommandSpec(name: "x", abstract: "A", usage: [], options: [
            OptionSpec("help", help: "Mine"),
            OptionSpec("version", kind: .value(placeholder: "v"), help: "Mine"),
            OptionSpec("host", short: "h", kind: .value(placeholder: "host"), help: "Server"),
        ])
        #expect(spec.options == [
            OptionSpec("host", kind: .value(placeholder: "host"), help: "Server"),
        ])
        #expect(try spec.parse(["-h"]).helpRequested)
        #expect(try spec.parse(["--version"]).versionRequested)
        #expect(try spec.parse(["--host", "a"]).value("host") == "a")
    }

    @Test func theFirstOfTwoClashingDeclarationsWins() throws {
        let spec = CommandSpec(name: "x", abstract: "A", usage: [], options: [
            OptionSpec("quiet", short: "q", help: "First"),
            OptionSpec("quiet", help: "Second"),
            OptionSpec("query", short: "q", kind: .value(placeholder: "q"), help: "Third"),
        ])
        #expect(spec.options.map(\.help) == ["First", "Third"])
        #expect(spec.options.map(\.short) == ["q", nil])
        let parsed = try spec.parse(["-q"])
        #expect(parsed.isSet("quiet"))
        #expect(!parsed.isSet("query"))
    }
}
