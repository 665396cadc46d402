import Foundation
import Testing

/// docs/scale.md's `xargs -P` recipe, run as the page gives it: cut a log
/// by media into parts in parallel, summarize each, merge, and compare with
/// the summary of the whole.
@Suite(.enabled(if: Shell.has("bash") && Shell.has("xargs") && Shell.has("cmp"), "bash, xargs and cmp run the recipe; without them it is skipped"))
struct ScaleRecipeTests {
    static let marker = "<!-- scale-recipe: run by Tests/VODHookCommandsTests/ScaleRecipeTests.swift -->"

    /// The ```sh block right after the marker.
    static func recipe() throws -> String {
        let page = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/scale.md"), encoding: .utf8)
        let afterMarker = try #require(page.range(of: marker), "docs/scale.md lost its recipe marker").upperBound
        let rest = page[afterMarker...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test func theRecipeMergesToTheWhole() throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Shell.run("set -euo pipefail\n" + Self.recipe(), in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "the merged parts equal the whole\n", "\(result.stdout)\(result.stderr)")
        let merged = try String(contentsOf: directory.appendingPathComponent("merged.json"), encoding: .utf8)
        #expect(merged.contains(#""documents": 3000"#))
        #expect(merged.contains(#""distinctCountsExact": true"#))
    }
}
