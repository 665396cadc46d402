#if os(Linux)
import Foundation
import Testing

/// Every command line the argument fuzzer (or the sweep) found a fault with,
/// kept as the fuzzer's bytes and replayed against the built binary with the
/// fuzzer's own oracle.
@Suite struct ArgumentFuzzFixtureTests {
    static let fixtureDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-arguments")

    static func fixtures() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []).sorted()
    }

    @Test func fixturesExist() {
        #expect(!Self.fixtures().isEmpty)
    }

    @Test(arguments: fixtures())
    func fixtureKeepsThePromises(_ name: String) throws {
        let port = try #require(TestReceiver.closedPort())
        let sendURL = "http://127.0.0.1:\(port)/callback"
        let bytes = try [UInt8](Data(contentsOf: Self.fixtureDirectory.appendingPathComponent(name)))
        let arguments = ArgumentFuzzInput.commandLine(bytes, sendURL: sendURL)
        #expect(ArgumentFuzzInput.isContained(arguments, sendURL: sendURL))
        let scratch = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try RawSpawn.run(
            BinaryRunner.binary.path, arguments.map { Array($0.utf8) }, environment: [Array("VODHOOK_RETRY_DELAY_MS=0".utf8)],
            directory: scratch.path)
        #expect(result.signal == nil && !result.timedOut, "\(arguments)")
        let problem = ArgumentFuzzInput.problem(
            arguments: arguments, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr)
        #expect(problem == nil, "\(arguments)")
    }
}
#endif
