import Foundation
import Testing
import VODHookCommands

/// Source excerpts under a text finding fit an 80-column terminal; in a
/// file or a pipe they keep their usual width.
@Suite struct ExcerptWidthTests {
    static func check(outputIsTerminal: Bool, columns: Int?) throws -> [String] {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("long-line.json")
        let filler = String(repeating: "x", count: 150)
        try #"{"EventType":"DeleteMediaComplete","Note":"\#(filler)","Status":"failed","EventTime":"2026-11-28T08:20:44Z","MediaIds":["1234"],"More":"\#(filler)"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, outputIsTerminal: outputIsTerminal, outputColumns: columns, now: { 1_764_316_801 })
        _ = VODHook.run(arguments: ["check", "--color", "never", "--jobs", "1", file.path], environment: environment)
        return output.text.split(separator: "\n").map(String.init).filter { $0.contains(" | ") }
    }

    @Test func excerptsFitAnEightyColumnTerminal() throws {
        let lines = try Self.check(outputIsTerminal: true, columns: 80)
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.unicodeScalars.count <= 80, "\(line.unicodeScalars.count) columns: \(line)") }
    }

    @Test func excerptsKeepTheirWidthOffATerminal() throws {
        let lines = try Self.check(outputIsTerminal: false, columns: 80)
        #expect(lines.contains { $0.unicodeScalars.count > 80 }, "\(lines)")
    }
}
