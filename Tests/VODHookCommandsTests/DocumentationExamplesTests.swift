import Foundation
import Testing

/// The documentation's claims stay true: every ```console block in the files
/// listed here is run with the built binary and must print what it shows.
/// To fix a failure, run the command from the package root and paste its
/// output, or fix the code; CONTRIBUTING.md describes the convention.
@Suite struct DocumentationExamplesTests {
    /// The Markdown files whose console blocks are run. A file with a console
    /// block must be listed (a test below says so).
    static let documentedFiles = [
        "README.md",
        "CONTRIBUTING.md",
        "docs/input.md",
        "docs/output.md",
        "docs/judging.md",
        "docs/guarantees.md",
        "docs/design.md",
        "docs/testing.md",
        "docs/signatures.md",
        "docs/receiver.md",
        "docs/ci.md",
        "docs/https.md",
    ]

    static func text(of file: String) -> String? {
        try? String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(file), encoding: .utf8)
    }

    static func allExamples() -> [ConsoleExamples.Example] {
        documentedFiles.flatMap { file in
            (try? ConsoleExamples.examples(in: text(of: file) ?? "", file: file)) ?? []
        }
    }

    @Test(arguments: allExamples())
    func exampleShowsWhatTheBinaryPrints(_ example: ConsoleExamples.Example) throws {
        let run = try ConsoleExamples.run(example.command)
        #expect(!run.timedOut, "\(example) did not finish")
        #expect([0, 1, 2].contains(run.status), "\(example) exited with \(run.status)")
        let actual = ConsoleExamples.lines(of: run.output)
        let shownIsPrinted = ConsoleExamples.matches(actual, example.expected)
        #expect(
            shownIsPrinted,
            "\(example)\n--- shown\n\(example.expected.joined(separator: "\n"))\n--- printed\n\(actual.joined(separator: "\n"))")
    }

    @Test func everyListedFileExistsAndParses() throws {
        for file in Self.documentedFiles {
            let text = try #require(Self.text(of: file), "\(file) is listed but missing")
            _ = try ConsoleExamples.examples(in: text, file: file)
        }
    }

    /// The front page shows a run of each everyday command.
    @Test func readmeTourRunsTheEverydayCommands() throws {
        let examples = try ConsoleExamples.examples(in: try #require(Self.text(of: "README.md")), file: "README.md")
        let commands = Set(examples.compactMap { $0.command.split(separator: " ").dropFirst().first.map(String.init) })
        for command in ["check", "summary", "normalize", "verify"] {
            #expect(commands.contains(command), "README.md shows no `$ vodhook \(command)` console example")
        }
    }

    /// A console block in an unlisted file would never be run.
    @Test func everyFileWithConsoleBlocksIsListed() throws {
        let root = BinaryRunner.packageRoot
        var candidates = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "BENCHMARKS.md", "Examples/README.md"]
        let docs = root.appendingPathComponent("docs")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [] where name.hasSuffix(".md") {
            candidates.append("docs/" + name)
        }
        for file in candidates where !Self.documentedFiles.contains(file) {
            guard let text = Self.text(of: file) else { continue }
            let examples = try ConsoleExamples.examples(in: text, file: file)
            #expect(examples.isEmpty, "\(file) has console examples; add it to DocumentationExamplesTests.documentedFiles")
        }
    }

    // The mechanism itself, on made-up documents.

    @Test func findsCommandsAndTheirOutputInConsoleBlocksOnly() throws {
        let text = """
            # Title
            ```sh
            $ vodhook not-run
            ```
            ````markdown
            ```console
            $ vodhook shown-inside-another-fence
            ```
            ````
            ```console
            $ vodhook check a.json
            first line

            last line
            $ vodhook sample | vodhook check
            ...
            ```
            """
        let examples = try ConsoleExamples.examples(in: text, file: "t.md")
        #expect(examples.map(\.command) == ["vodhook check a.json", "vodhook sample | vodhook check"])
        #expect(examples.map(\.line) == [11, 15])
        #expect(examples[0].expected == ["first line", "", "last line"])
        #expect(examples[1].expected == ["..."])
    }

    @Test func refusesOtherCommandsInAConsoleBlock() {
        #expect(throws: ConsoleExamples.NotAVodhookCommand.self) {
            try ConsoleExamples.examples(in: "```console\n$ echo hi\nhi\n```\n", file: "t.md")
        }
    }

    @Test func wildcardLinesMatchAnyRunOfLines() {
        #expect(ConsoleExamples.matches(["a", "b"], ["a", "b"]))
        #expect(!ConsoleExamples.matches(["a", "b"], ["a", "c"]))
        #expect(!ConsoleExamples.matches(["a", "b"], ["a"]))
        #expect(!ConsoleExamples.matches(["a"], ["a", "b"]))
        #expect(ConsoleExamples.matches(["a", "x", "y", "b"], ["a", "...", "b"]))
        #expect(ConsoleExamples.matches(["a", "b"], ["a", "...", "b"]))
        #expect(!ConsoleExamples.matches(["a", "x", "c"], ["a", "...", "b"]))
        #expect(ConsoleExamples.matches([], ["..."]))
        #expect(!ConsoleExamples.matches([], ["a"]))
        #expect(ConsoleExamples.matches(["x", "a"], ["...", "a"]))
    }

    @Test func runsFromThePackageRootWithTheBuiltBinary() throws {
        let run = try ConsoleExamples.run("command -v vodhook; vodhook check Examples/docs-success.json --quiet; echo $?")
        #expect(ConsoleExamples.lines(of: run.output) == [BinaryRunner.binary.path, "0"], "\(run.output)")
        let failing = try ConsoleExamples.run("vodhook check no/such/file.json")
        #expect(failing.status == 2)
        #expect(failing.output.contains("no/such/file.json"), "standard error is shown with standard output")
    }
}
