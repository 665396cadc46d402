import Foundation
import Testing

/// docs/receiver.md shows commands a user types: every `sh` block runs
/// here, in order, as one bash script, so the document cannot drift from
/// the tool. Ports 8417 and 9417 become free ones, so runs never collide.
@Suite(.enabled(if: Shell.has("bash") && Shell.has("curl") && Shell.has("timeout"), "bash, curl and timeout run docs/receiver.md; without them this test is skipped"))
struct ReceiverDocTests {
    static let document = BinaryRunner.packageRoot.appendingPathComponent("docs/receiver.md")

    /// The contents of every fenced block whose info string is exactly `sh`.
    static func shellBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sh" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theSectionsUseListenAndNoNetcat() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        #expect(text.contains("\n## Debugging a receiver\n"))
        #expect(text.contains("\n## Testing your receiver\n"))
        #expect(!text.contains("nc -l"))
        let blocks = Self.shellBlocks(text)
        #expect(blocks.count >= 8)
        #expect(blocks.contains { $0.contains("vodhook listen") })
    }

    @Test func everyShellBlockRuns() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        // Ports the script's listeners bind themselves (a shell script cannot learn a port 0's number before it relays to it).
        let first = try #require(TestReceiver.unusedPort()), second = try #require(TestReceiver.unusedPort())
        let script = Self.shellBlocks(text).joined(separator: "\n")
            .replacingOccurrences(of: "8417", with: String(first))
            .replacingOccurrences(of: "9417", with: String(second))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Shell.run("set -e -o pipefail\n" + script, in: directory, timeout: 300)
        #expect(result.status == 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
        // What the document says each step shows.
        let read = { (name: String) in (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        #expect(read("mismatch.txt").contains("help: it matches for \"http://127.0.0.1:\(first)/vod/callback\""))
        #expect(read("retries.txt").contains("copy of request 1  -> 200"))
        #expect(read("relay.txt").contains("forwarded to http://127.0.0.1:\(second)/vod/callback: 200 in "))
        #expect(read("received.ndjson").split(separator: "\n").count == 5)
        #expect(!read("received.ndjson").contains("\"valid\":false"))
        #expect(read("load.ndjson").split(separator: "\n").count == 1000)
        #expect(read("load.txt").contains("listen: 1000 requests: 1000 valid"))
        #expect(result.stdout.contains("documents       1000"))
    }
}
