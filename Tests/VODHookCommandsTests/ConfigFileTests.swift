import Foundation
import Testing
import VODHookCommands

/// Where `.vodhook.json` is looked for: the working directory, then each
/// parent, stopping at a repository's top or the filesystem root.
@Suite struct ConfigFileTests {
    /// `outer/.vodhook.json`, `outer/repo/.git/`, `outer/repo/sub/deeper/`.
    static func tree() throws -> URL {
        let outer = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outer.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outer.appendingPathComponent("repo/sub/deeper"), withIntermediateDirectories: true)
        try Data(#"{"strict": true}"#.utf8).write(to: outer.appendingPathComponent(".vodhook.json"))
        return outer
    }

    static func showConfig(in directory: URL) -> InProcess.Result {
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(output: output, errors: errors, workingDirectory: directory.path)
        let status = VODHook.run(arguments: ["check", "--show-config"], environment: environment)
        return InProcess.Result(status: status, stdout: output.bytes, stderr: errors.text)
    }

    @Test func theSearchStopsAtTheRepositoryTop() throws {
        let outer = try Self.tree()
        defer { try? FileManager.default.removeItem(at: outer) }
        let result = Self.showConfig(in: outer.appendingPathComponent("repo/sub/deeper"))
        #expect(result.status == .success)
        #expect(result.text.hasPrefix("config file: none (no .vodhook.json"), "\(result.text)")
        // Outside the repository the outer file is the nearest.
        #expect(Self.showConfig(in: outer).text.hasPrefix(#"config file: ".vodhook.json" (found"#))
    }

    @Test func theNearestFileUpwardIsReadAndShownRelative() throws {
        let outer = try Self.tree()
        defer { try? FileManager.default.removeItem(at: outer) }
        try Data("{\n  \"severity\": {\"json-bom\": \"error\"}\n}\n".utf8).write(to: outer.appendingPathComponent("repo/.vodhook.json"))
        let result = Self.showConfig(in: outer.appendingPathComponent("repo/sub/deeper"))
        #expect(result.text.contains(#"config file: "../../.vodhook.json" (found from the working directory upward)"#), "\(result.text)")
        #expect(result.text.contains("json-bom: error  (../../.vodhook.json:2:16; default warning)"), "\(result.text)")
        #expect(result.text.contains("strict: false"), "the outer file is not read as well: \(result.text)")
    }

    /// A worktree or submodule has a `.git` file, not a folder: that is a repository's top too.
    @Test func aGitFileAlsoEndsTheSearch() throws {
        let outer = try Self.tree()
        defer { try? FileManager.default.removeItem(at: outer) }
        try FileManager.default.removeItem(at: outer.appendingPathComponent("repo/.git"))
        try Data("gitdir: elsewhere\n".utf8).write(to: outer.appendingPathComponent("repo/.git"))
        #expect(Self.showConfig(in: outer.appendingPathComponent("repo/sub")).text.hasPrefix("config file: none"))
    }
}
