import Testing
@testable import ArgumentParsing

@Suite struct ArgumentTokenizerTests {
    /// Drains the tokenizer without claiming any values.
    private func tokens(_ arguments: [String]) -> [ArgumentToken] {
        var tokenizer = ArgumentTokenizer(arguments)
        var result: [ArgumentToken] = []
        while let token = tokenizer.next() { result.append(token) }
        return result
    }

    private func kinds(_ arguments: [String]) -> [ArgumentToken.Kind] {
        tokens(arguments).map(\.kind)
    }

    @Test func emptyCommandLine() {
        #expect(kinds([]).isEmpty)
    }

    @Test func longOptions() {
        #expect(kinds(["--quiet"]) == [.longOption(name: "quiet", attachedValue: nil)])
        #expect(kinds(["--format=json"]) == [.longOption(name: "format", attachedValue: "json")])
    }

    @Test func attachedValuesMayBeEmptyOrContainEquals() {
        #expect(kinds(["--format="]) == [.longOption(name: "format", attachedValue: "")])
        #expect(kinds(["--define=a=b"]) == [.longOption(name: "define", attachedValue: "a=b")])
        #expect(kinds(["--=x"]) == [.longOption(name: "", attachedValue: "x")])
    }

    @Test func shortOptionsAndBundles() {
        #expect(kinds(["-q"]) == [.shortOption("q", startsCluster: true)])
        #expect(kinds(["-qs"]) == [
            .shortOption("q", startsCluster: true),
            .shortOption("s", startsCluster: false),
        ])
    }

    @Test func tokensKeepTheirArgumentIndex() {
        let indices = tokens(["a", "-qs", "--x", "--", "b"]).map(\.index)
        #expect(indices == [0, 1, 1, 2, 3, 4])
    }

    @Test func terminatorMakesEverythingAfterItPositional() {
        #expect(kinds(["--", "--x", "-q", "--"]) == [
            .terminator, .positional("--x"), .positional("-q"), .positional("--"),
        ])
    }

    @Test func loneDashAndEmptyStringArePositional() {
        #expect(kinds(["-", ""]) == [.positional("-"), .positional("")])
    }

    @Test func threeDashesAreALongOptionNamedDash() {
        #expect(kinds(["---x"]) == [.longOption(name: "-x", attachedValue: nil)])
    }

    @Test func aCombiningMarkDoesNotHideTheDash() {
        // "-\u{301}" is a single Character, but it is still a dash followed by a letter.
        #expect(kinds(["-\u{301}"]) == [.shortOption("\u{301}", startsCluster: true)])
        #expect(kinds(["--\u{301}"]) == [.longOption(name: "\u{301}", attachedValue: nil)])
    }

    @Test func valueFromTheNextArgumentEvenWhenItLooksLikeAnOption() {
        var tokenizer = ArgumentTokenizer(["--timestamp", "-5", "rest"])
        #expect(tokenizer.next()?.kind == .longOption(name: "timestamp", attachedValue: nil))
        #expect(tokenizer.takeValue() == "-5")
        #expect(tokenizer.next() == ArgumentToken(kind: .positional("rest"), index: 2))
    }

    @Test func valueFromTheRestOfAShortCluster() {
        var tokenizer = ArgumentTokenizer(["-qojson", "x"])
        #expect(tokenizer.next()?.kind == .shortOption("q", startsCluster: true))
        #expect(tokenizer.next()?.kind == .shortOption("o", startsCluster: false))
        #expect(tokenizer.takeValue() == "json")
        #expect(tokenizer.next()?.kind == .positional("x"))
    }

    @Test func valueAfterAShortOptionEndingItsCluster() {
        var tokenizer = ArgumentTokenizer(["-o", "--"])
        #expect(tokenizer.next()?.kind == .shortOption("o", startsCluster: true))
        // Claimed as a value, "--" does not end option parsing.
        #expect(tokenizer.takeValue() == "--")
        #expect(tokenizer.next() == nil)
    }

    @Test func noValueLeft() {
        var tokenizer = ArgumentTokenizer(["--format"])
        _ = tokenizer.next()
        #expect(tokenizer.takeValue() == nil)
        #expect(tokenizer.next() == nil)
    }
}
