import Foundation
import Testing
@testable import VODHookCommands

/// One plan decides what each source is; the way bytes arrive (a file, a
/// pipe) must not change what is read or where findings point.
@Suite struct InputPlanTests {
    static let fixtures = "Tests/VODHookCommandsTests/Golden/fixtures/input/"

    /// A finding a command makes after reading (normalize's rounded number)
    /// was left in the body's coordinates when the capture came from a pipe.
    @Test func aCaptureFromAPipeHasTheFilesPositions() throws {
        let path = Self.fixtures + "rounded-number.http"
        let capture = try Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent(path))
        let fromFile = try InProcess.runLikeBinary(["normalize", "--canonical", "--input", "http", path], stdin: nil)
        let fromPipe = try InProcess.runLikeBinary(["normalize", "--canonical", "--input", "http"], stdin: capture)
        let fileErrors = String(decoding: fromFile.stderr, as: UTF8.self)
        let pipeErrors = String(decoding: fromPipe.stderr, as: UTF8.self)
        #expect(fileErrors.contains(path + ":6:59: warning: number 123456789012345678901"))
        #expect(pipeErrors == fileErrors.replacingOccurrences(of: path + ":", with: "-:"))
        #expect(fromPipe.stdout == fromFile.stdout)
    }
}

extension InputPlanTests {
    /// The plan of `bytes` from a regular file and from a pipe.
    static func plans(_ bytes: [UInt8], mode: InputMode, name: String = "source") throws -> (file: InputPlan, pipe: InputPlan) {
        let path = NSTemporaryDirectory() + "vodhook-plan-\(UUID().uuidString)-" + name
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(FileHandle(forReadingAtPath: path))
        let filePlan = try InputPlan.decide(descriptor: file.fileDescriptor, mode: mode, namesLog: SourceList.namesLog(name)) {}
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        let pipePlan = try InputPlan.decide(descriptor: pipe.fileHandleForReading.fileDescriptor, mode: mode, namesLog: SourceList.namesLog(name)) {}
        return (filePlan, pipePlan)
    }

    @Test func aFileAndAPipeGetTheSamePlan() throws {
        let cases: [(text: String, mode: InputMode, format: InputPlan.Format)] = [
            ("{\"EventType\":\"X\"}\n", .auto, .stream),
            ("2026-12-06T10:00:00Z INFO body={\"a\":1}\n", .auto, .log),
            ("POST /cb HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", .auto, .http),
            ("{\"a\":1}\n", .log, .log),
            ("{\"a\":1}\n", .body, .body),
        ]
        for (text, mode, format) in cases {
            let (file, pipe) = try Self.plans(Array(text.utf8), mode: mode)
            #expect(file.format == format && pipe.format == format, "\(text)")
            #expect(!file.isLive && pipe.isLive)
            #expect(file.prefix == pipe.prefix)
        }
    }

    @Test func gzipIsItsOwnCaseWhateverTheMode() throws {
        for mode in InputMode.allCases {
            let (file, pipe) = try Self.plans([0x1F, 0x8B, 0x08, 0x00, 0x00], mode: mode)
            #expect(file.compression == .gzip && pipe.compression == .gzip)
            #expect(!file.sharesThreads && !pipe.sharesThreads)
            // Cut after its header, the gzip decodes to no text: plain (empty) UTF-8 to the readers, and its damage one finding.
            #expect(file.isPlainText && file.gzip?.prefix == [] && pipe.gzip?.prefix == [])
        }
    }

    @Test func aLogsNameSaysLogUnlessItsLinesAreJSON() throws {
        let startup = String(repeating: "2026-12-06T10:00:00Z INFO loading\n", count: 20)
        #expect(try Self.plans(Array(startup.utf8), mode: .auto, name: "receiver.log.1").file.format == .log)
        #expect(try Self.plans(Array(startup.utf8), mode: .auto, name: "receiver.txt").file.format == .stream)
        #expect(try Self.plans(Array(startup.utf8), mode: .auto, name: "receiver.txt").file.mayBeLog)
        #expect(try Self.plans(Array("{\"a\":1}\n".utf8), mode: .auto, name: "app.log").file.format == .stream)
    }

    /// The note about a source that may be a log is for people; `--quiet` prints nothing.
    @Test func quietKeepsTheMayBeALogNoteToItself() throws {
        let startup = Data(String(repeating: "2026-12-06T10:00:00Z INFO loading\n", count: 20).utf8)
        let noted = try InProcess.runLikeBinary(["check"], stdin: startup)
        #expect(String(decoding: noted.stderr, as: UTF8.self).contains("look like a log's"))
        let quiet = try InProcess.runLikeBinary(["check", "--quiet"], stdin: startup)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty && quiet.status == 1)
    }

    @Test func walksReadLogsRotationsAndGzip() {
        for name in ["receiver.log", "receiver.log.1", "receiver.log.12.gz", "day.ndjson.gz", "a.json"] {
            #expect(SourceList.isCallbackFile(name), "\(name)")
        }
        for name in ["notes.txt", "receiver.log.bak", "log.1", ".gz", "a.logx"] {
            #expect(!SourceList.isCallbackFile(name), "\(name)")
        }
    }
}
