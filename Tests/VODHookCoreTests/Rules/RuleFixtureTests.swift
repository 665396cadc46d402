import Foundation
import Testing
import VODHookCore

/// Runs every fixture in `Fixtures/rules` (see the README there): the
/// findings must be exactly those its `.expect` file lists, in order, at the
/// exact line and column, with each rule's own severity.
@Suite struct RuleFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/rules")

    struct Fixture: CustomStringConvertible, Sendable {
        let name: String
        var description: String { name }
    }

    struct Expectation: Equatable, CustomStringConvertible {
        let rule: String
        let line: Int
        let column: Int
        /// Nil when the `.expect` line does not pin the pointer.
        let pointer: String?
        var description: String { "\(rule) \(line):\(column)" + (pointer.map { " " + ($0.isEmpty ? "\"\"" : $0) } ?? "") }
    }

    struct Manifest {
        var mode: ReadingMode = .stream
        var documents: Int?
        var findings: [Expectation] = []
    }

    static func fixtures() -> [Fixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }.sorted().map(Fixture.init)
    }

    static func manifest(for fixture: Fixture) throws -> Manifest {
        let stem = fixture.name.split(separator: ".").dropLast().joined(separator: ".")
        let text = try String(contentsOf: directory.appendingPathComponent(stem + ".expect"), encoding: .utf8)
        var manifest = Manifest()
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(separator: " ").map(String.init)
            switch words[0] {
            case "mode": manifest.mode = ReadingMode(rawValue: words[1])!
            case "documents": manifest.documents = Int(words[1])!
            default:
                let position = words[1].split(separator: ":").map { Int($0)! }
                let pointer = words.count > 2 ? (words[2] == "\"\"" ? "" : words[2]) : nil
                manifest.findings.append(Expectation(rule: words[0], line: position[0], column: position[1], pointer: pointer))
            }
        }
        return manifest
    }

    @Test func thereAreFixturesForEveryRule() {
        let names = Self.fixtures().map(\.name)
        #expect(names.count > 40)
        // Capture rules (HTTP, Base64, signatures) need a capture, not a JSON body:
        // their examples run in RuleExampleTests and the golden tests.
        // json-size needs a document hundreds of MiB long; ReaderLimitTests cover it with small limits.
        for rule in RuleCatalog.all.filter({ $0.exampleFormat == .json && $0.id != .jsonSize }).map(\.id.rawValue) {
            #expect(names.contains { $0.hasPrefix(rule + "--fail") }, "no failing fixture for \(rule)")
            #expect(names.contains { $0.hasPrefix(rule + "--pass") }, "no passing fixture for \(rule)")
        }
    }

    @Test(arguments: fixtures())
    func findingsAreExactlyTheExpectedOnes(_ fixture: Fixture) throws {
        let manifest = try Self.manifest(for: fixture)
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(fixture.name)))
        let documents = try checkDocuments(bytes, mode: manifest.mode)
        if let count = manifest.documents { #expect(documents.count == count, "documents") }
        let findings = documents.flatMap { $0 }
        let actual = zip(findings, manifest.findings).map { finding, expected in
            Expectation(rule: finding.rule, line: finding.line, column: finding.column, pointer: expected.pointer == nil ? nil : finding.pointer)
        } + findings.dropFirst(manifest.findings.count).map {
            Expectation(rule: $0.rule, line: $0.line, column: $0.column, pointer: $0.pointer)
        }
        #expect(actual == manifest.findings, "\n\(findings.map { "\($0) [\($0.pointer)]" }.joined(separator: "\n"))")
        for finding in findings {
            #expect(finding.severity == RuleCatalog.severity(of: RuleID(finding.rule)), "\(finding)")
        }
        for document in documents {
            let positions = document.map { [$0.line, $0.column] }
            #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) }, "not in source order")
            // One problem, one finding: only missing fields share a place (the object's start).
            let placed = document.filter { $0.rule != "missing-field" }.map { "\($0.line):\($0.column)" }
            #expect(Set(placed).count == placed.count, "two findings at one place: \(document)")
        }
        // The name says which rule the fixture is about: a failing one must
        // show it, a passing one must not.
        let parts = fixture.name.components(separatedBy: "--")
        if parts.count == 2, RuleCatalog.description(of: RuleID(parts[0])) != nil {
            if parts[1].hasPrefix("fail") { #expect(findings.contains { $0.rule == parts[0] }) }
            if parts[1].hasPrefix("pass") { #expect(!findings.contains { $0.rule == parts[0] }) }
        }
    }

    @Test func everyFixtureHasAManifestAndTheReadmeNamesTheConvention() throws {
        for fixture in Self.fixtures() { _ = try Self.manifest(for: fixture) }
        let readme = try String(contentsOf: Self.directory.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(".expect"))
    }
}
