import Foundation
import Testing

/// End-to-end tests: every command on fixture files, compared with golden
/// files beside this test, in this process, and the first case of each
/// command as the built binary too. `VODHOOK_RECORD_GOLDEN=1 swift test` re-records
/// them; review the diff before committing.
@Suite struct GoldenTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let stdinPath: String?
        var description: String { name }
    }

    static let goldenDirectory = BinaryRunner.packageRoot.appendingPathComponent("Tests/VODHookCommandsTests/Golden")

    /// Cases from `Golden/cases.tsv`, plus `check` in every format on every example.
    static func allCases() -> [Case] {
        var cases: [Case] = []
        let manifest = (try? String(contentsOf: goldenDirectory.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let stdin = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            cases.append(Case(name: fields[0], arguments: fields[1].split(separator: " ").map(String.init), stdinPath: stdin))
        }
        for example in examples() {
            let slug = example.replacingOccurrences(of: "/", with: "_")
            cases.append(Case(name: "check-text-\(slug)", arguments: ["check", example], stdinPath: nil))
            cases.append(Case(name: "check-json-\(slug)", arguments: ["check", "--format", "json", example], stdinPath: nil))
            cases.append(Case(name: "check-github-\(slug)", arguments: ["check", "--format", "github", example], stdinPath: nil))
        }
        return cases
    }

    /// Every example payload, as a path relative to the package root.
    static func examples() -> [String] {
        let root = BinaryRunner.packageRoot.appendingPathComponent("Examples")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if [".json", ".ndjson", ".jsonl", ".http", ".b64"].contains(where: path.hasSuffix) { paths.append("Examples/" + path) }
        }
        return paths.sorted()
    }

    /// The first case of each command (and of each top-level flag): these
    /// also run as the built binary, so what `main` adds is covered too.
    static func smokeCases() -> [Case] {
        var seen: Set<String> = []
        return allCases().filter { seen.insert($0.arguments.first ?? "").inserted }
    }

    /// In this process, as the binary runs it (`InProcess.runLikeBinary`): 141 spawns took most of this suite's time.
    @Test(arguments: allCases())
    func matchesGolden(_ testCase: Case) throws {
        let result = try InProcess.runLikeBinary(testCase.arguments, standardInputPath: testCase.stdinPath)
        try Self.compare(result, with: testCase)
    }

    @Test(arguments: smokeCases())
    func binaryMatchesGolden(_ testCase: Case) throws {
        let stdin = try testCase.stdinPath.map { try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent($0)) }
        let result = try BinaryRunner.run(testCase.arguments, stdin: stdin)
        try Self.compare(result, with: testCase, recording: false)
    }

    static func compare(_ result: BinaryRunner.Result, with testCase: Case, recording: Bool = true) throws {
        var actual = "$ vodhook \(testCase.arguments.joined(separator: " "))"
        if let path = testCase.stdinPath { actual += " < \(path)" }
        actual += "\n--- exit status: \(result.status)\n--- stdout\n"
        actual += String(decoding: result.stdout, as: UTF8.self)
        actual += "--- stderr\n" + String(decoding: result.stderr, as: UTF8.self)
        let file = Self.goldenDirectory.appendingPathComponent("expected/\(testCase.name).txt")
        if ProcessInfo.processInfo.environment["VODHOOK_RECORD_GOLDEN"] == "1" {
            if recording { try actual.write(to: file, atomically: true, encoding: .utf8) }
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(expected != nil, "no golden file \(file.lastPathComponent); run with VODHOOK_RECORD_GOLDEN=1 and review it")
        #expect(actual == expected, "output differs from \(file.lastPathComponent); if the change is intended, re-record with VODHOOK_RECORD_GOLDEN=1")
        #expect([0, 1, 2].contains(result.status))
    }
}
