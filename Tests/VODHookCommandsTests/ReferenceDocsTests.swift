import Foundation
import Testing
@testable import VODHookCommands

/// The reference the tool prints about itself: generated docs that must match the
/// committed files, a man page roff accepts without a warning, and what
/// `make install` puts where.
@Suite struct ReferenceDocsTests {
    struct GeneratedDoc: CustomStringConvertible, Sendable {
        let path: String
        let arguments: [String]
        var description: String { path }
    }

    /// Every file under docs/ that the tool writes: `make docs` runs the same commands.
    /// events.md joins once `spec` declares a markdown format.
    static let generatedDocs: [GeneratedDoc] = [
        GeneratedDoc(path: "docs/commands.md", arguments: ["help", "--format", "markdown"]),
        GeneratedDoc(path: "docs/rules.md", arguments: ["rules", "--format", "markdown"]),
    ] + (specHasMarkdown ? [GeneratedDoc(path: "docs/events.md", arguments: ["spec", "--format", "markdown"])] : [])

    static var specHasMarkdown: Bool {
        SpecCommand.spec.options.first { $0.long == "format" }?.allowedValues?.contains("markdown") == true
    }

    @Test(arguments: generatedDocs)
    func committedDocMatchesWhatTheToolPrints(_ doc: GeneratedDoc) throws {
        let result = InProcess.run(doc.arguments)
        #expect(result.status == .success, "vodhook \(doc.arguments.joined(separator: " ")): \(result.stderr)")
        let committed = try? String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(doc.path), encoding: .utf8)
        #expect(committed != nil, "\(doc.path) is missing; run 'make docs' and commit it")
        #expect(committed == result.text, "\(doc.path) differs from 'vodhook \(doc.arguments.joined(separator: " "))'; run 'make docs' and commit the result")
    }

    @Test func everyCommandAndOptionIsInTheCommandsPage() {
        let page = InProcess.run(["help", "--format", "markdown"]).text
        for command in VODHook.subcommands.map(\.spec) {
            #expect(page.contains("\n## \(command.name)\n"), "no section for \(command.name)")
            for option in command.options {
                #expect(page.contains("--\(option.long)"), "\(command.name) --\(option.long) is not listed")
            }
        }
    }

    @Test func helpCommandPrintsWhatCommandHelpPrints() {
        for command in VODHook.subcommands.map(\.spec.name) {
            let viaHelp = InProcess.run(["help", command])
            let viaOption = InProcess.run([command, "--help"])
            #expect(viaHelp.status == .success)
            #expect(viaHelp.text == viaOption.text, "help \(command)")
        }
    }

    @Test func manPageRendersWithoutWarnings() throws {
        guard let groff = ExternalTool.find("groff") else {
            print("skipped: groff is not installed (apt-get install groff-base)")
            return
        }
        let page = try InProcess.temporaryDirectory().appendingPathComponent("vodhook.1")
        let text = InProcess.run(["help", "--format", "man"]).text
        try text.write(to: page, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(groff, ["-ww", "-z", "-man", "-Tutf8", page.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "groff -ww warned: \(result.stderr)")
        // Every command and every rule has its place on the page.
        for command in VODHook.subcommands.map(\.spec.name) {
            #expect(text.contains(".SS \"\(command)\""), "no section for \(command)")
        }
        let rendered = try ExternalTool.run(groff, ["-man", "-Tascii", "-P", "-cbou", page.path]).stdout
        for rule in InProcess.run(["rules", "--format", "json"]).text.split(separator: "\"id\":\"").dropFirst() {
            let id = String(rule.prefix { $0 != "\"" })
            #expect(rendered.contains(id), "the man page has no \(id)")
        }
    }

    /// `make install` with DESTDIR, using the binary the tests run (no release build).
    @Test func makeInstallPutsEveryFileUnderPrefixAndDestdir() throws {
        guard let make = ExternalTool.find("make") else {
            print("skipped: make is not installed")
            return
        }
        let scratch = try InProcess.temporaryDirectory()
        let result = try ExternalTool.run(make, [
            "-s", "install", "BIN=\(BinaryRunner.binary.path)", "PREFIX=/opt/vodhook",
            "DESTDIR=\(scratch.path)/root", "GENERATED=\(scratch.path)/generated",
        ])
        #expect(result.status == 0, "make install: \(result.stderr)")
        let prefix = scratch.appendingPathComponent("root/opt/vodhook")
        let expected: [(String, [String])] = [
            ("share/man/man1/vodhook.1", ["help", "--format", "man"]),
            ("share/bash-completion/completions/vodhook", ["completions", "bash"]),
            ("share/zsh/site-functions/_vodhook", ["completions", "zsh"]),
            ("share/fish/vendor_completions.d/vodhook.fish", ["completions", "fish"]),
        ]
        for (path, arguments) in expected {
            let installed = try? String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            #expect(installed == InProcess.run(arguments).text, "\(path)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/vodhook").path))
        // The installed Markdown keeps the sources' layout, so README's links and help's "docs/X.md" resolve.
        let root = BinaryRunner.packageRoot
        let sources = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
            + ["README.md", "CHANGELOG.md", "LICENSE", "docs/schemas/check-record-v1.schema.json", "docs/schemas/summary-v1.schema.json"]
        #expect(sources.contains("docs/ci.md"))
        for path in sources {
            let installed = FileManager.default.contents(atPath: prefix.appendingPathComponent("share/doc/vodhook/" + path).path)
            #expect(installed == FileManager.default.contents(atPath: root.appendingPathComponent(path).path), "\(path) is not installed as it is in the sources")
        }
    }

    /// The hook passes the files a directory walk reads, and only those.
    @Test func preCommitHookMatchesTheCaptureExtensions() throws {
        let hooks = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let lines = hooks.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("- id: vodhook"))
        #expect(lines.contains("entry: vodhook check"))
        #expect(lines.contains("language: swift"))
        #expect(lines.contains("types_or: [json, text]"))
        let pattern = try #require(lines.first { $0.hasPrefix("files: ") }).dropFirst("files: ".count)
        let regex = try NSRegularExpression(pattern: String(pattern))
        func matches(_ name: String) -> Bool {
            regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
        }
        // Logs are left out on purpose: a build log in a commit is no callback file.
        for fileExtension in SourceList.extensions where fileExtension != ".log" {
            #expect(matches("callbacks/a" + fileExtension), "\(fileExtension)")
        }
        #expect(!matches("build.log"))
        for other in ["notes.txt", "a.json.bak", "Makefile", "a.jsonx"] {
            #expect(!matches(other), "\(other)")
        }
    }
}
