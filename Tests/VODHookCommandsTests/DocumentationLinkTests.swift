import Foundation
import Testing

/// A reader finds any reference in one click: every relative link in the
/// README and docs/ leads to a file that exists, and to a heading that
/// exists when it names one.
@Suite struct DocumentationLinkTests {
    static let root = BinaryRunner.packageRoot

    static func markdownFiles() -> [String] {
        var files = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "BENCHMARKS.md", "Examples/README.md"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        files += names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return files
    }

    /// The targets of `[text](target)` links, outside code blocks and spans.
    static func links(in text: String) -> [String] {
        var targets: [String] = []
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            var rest = prose[...]
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                targets.append(String(after[..<close]))
                rest = after[close...]
            }
        }
        return targets
    }

    /// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens.
    static func anchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        var inFence = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == " " }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }

    /// A relative path with `.` and `..` resolved.
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == "..", let last = components.last, last != ".." { components.removeLast() } else { components.append(component) }
        }
        return components.joined(separator: "/")
    }

    @Test(arguments: markdownFiles())
    func everyRelativeLinkResolves(_ file: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let directory = file.split(separator: "/").dropLast().joined(separator: "/")
        for link in Self.links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].isEmpty ? file : Self.normalized(directory.isEmpty ? parts[0] : directory + "/" + parts[0])
            let target = Self.root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: target.path) else {
                Issue.record("\(file): the link \(link) leads nowhere")
                continue
            }
            if parts.count == 2, path.hasSuffix(".md") {
                let anchors = Self.anchors(in: try String(contentsOf: target, encoding: .utf8))
                #expect(anchors.contains(parts[1]), "\(file): \(path) has no heading for #\(parts[1])")
            }
        }
    }

    @Test func findsLinksAndAnchorsAsGitHubDoes() {
        let text = "See [a](docs/a.md#x-y), `[not](code.md)` and [b](b.md).\n```\n[c](fenced.md)\n```\n## `--jobs N`\n## What it does, briefly\n"
        #expect(Self.links(in: text) == ["docs/a.md#x-y", "b.md"])
        #expect(Self.anchors(in: text) == ["--jobs-n", "what-it-does-briefly"])
        #expect(Self.normalized("docs/../BENCHMARKS.md") == "BENCHMARKS.md")
        #expect(Self.normalized("docs/./schemas/a.json") == "docs/schemas/a.json")
    }
}

/// The README is a front page a newcomer reads in five minutes (issue 16).
/// 13 KB since logs, gzip, https and merged summaries each earned a line;
/// the house ceiling is 16 KB, and reference still belongs in docs/.
@Suite struct ReadmeSizeTests {
    @Test func readmeStaysUnderThirteenKilobytes() throws {
        let size = try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md")).count
        #expect(size <= 13_000, "README.md is \(size) bytes; move reference to docs/")
    }
}
