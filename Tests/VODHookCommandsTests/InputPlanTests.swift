import Foundation
import Testing

/// One plan decides what each source is; the way bytes arrive (a file, a
/// pipe) must not change what is read or where findings point.
@Suite struct InputPlanTests {
    static let fixtures = "Tests/VODHookCommandsTests/Golden/fixtures/input/"

    /// A finding a command makes after reading (normalize's rounded number)
    /// was left in the body's coordinates when the capture came from a pipe.
    @Test func aCaptureFromAPipeHasTheFilesPositions() throws {
        let path = Self.fixtures + "rounded-number.http"
        let capture = try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(path))
        let fromFile = try BinaryRunner.run(["normalize", "--canonical", "--input", "http", path])
        let fromPipe = try BinaryRunner.run(["normalize", "--canonical", "--input", "http"], stdin: capture)
        let fileErrors = String(decoding: fromFile.stderr, as: UTF8.self)
        let pipeErrors = String(decoding: fromPipe.stderr, as: UTF8.self)
        #expect(fileErrors.contains(path + ":6:59: warning: number 123456789012345678901"))
        #expect(pipeErrors == fileErrors.replacingOccurrences(of: path + ":", with: "-:"))
        #expect(fromPipe.stdout == fromFile.stdout)
    }
}
