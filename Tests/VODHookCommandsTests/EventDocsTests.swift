import Foundation
import Testing

/// docs/events.md is generated, never hand-kept: it must be exactly what
/// `vodhook spec --format markdown` prints. Regenerate with
/// `vodhook spec --format markdown > docs/events.md`.
@Suite struct EventDocsTests {
    @Test func eventsPageMatchesTheCatalog() throws {
        let result = try InProcess.runLikeBinary(["spec", "--format", "markdown"], stdin: nil)
        #expect(result.status == 0)
        let committed = try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/events.md"))
        #expect(committed == result.stdout, "docs/events.md differs from 'vodhook spec --format markdown'; regenerate it")
    }

    @Test func listNamesEveryEventWithItsSource() throws {
        let result = try InProcess.runLikeBinary(["spec", "--format", "markdown", "--list"], stdin: nil)
        let text = String(decoding: result.stdout, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2 + 21)
        #expect(lines.dropFirst(2).allSatisfy { $0.contains("help.aliyun.com") || $0.contains("alibabacloud.com") })
    }

    /// The README's event table is that list, byte for byte.
    @Test func readmeListsTheCatalogsEvents() throws {
        let result = try InProcess.runLikeBinary(["spec", "--format", "markdown", "--list"], stdin: nil)
        let readme = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("\n" + String(decoding: result.stdout, as: UTF8.self) + "\n"),
                "README.md's event table differs from 'vodhook spec --format markdown --list'; paste it again")
    }
}
