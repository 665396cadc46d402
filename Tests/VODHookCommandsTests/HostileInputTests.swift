import Foundation
import Testing

/// vodhook on sources that cannot be read, streams with broken
/// lines, hostile nesting and an output pipe that closes early: in this
/// process as the binary runs (`InProcess.runLikeBinary`), and as the built
/// binary where only a process will do (a directory as standard input, a
/// walk that must not hang, a closed output).
@Suite struct HostileInputTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// False when permissions do not stop this process (root, as in CI
    /// containers): a file with mode 000 is then still readable.
    static let permissionsApply: Bool = {
        guard let directory = try? temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("probe")
        guard FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)),
            chmod(file.path, 0) == 0
        else { return false }
        let descriptor = open(file.path, O_RDONLY)
        if descriptor >= 0 { close(descriptor) }
        return descriptor < 0
    }()

    // MARK: Unreadable paths

    @Test func missingPathIsNamedAndTheOthersAreChecked() throws {
        let result = try InProcess.runLikeBinary(["check", "no/such.json", "Examples/docs-success.json", "Examples/docs-success.json/x.json"], stdin: nil)
        #expect(result.status == 2)
        let errors = String(decoding: result.stderr, as: UTF8.self)
        #expect(errors.contains("cannot read \"no/such.json\": no such file or directory"))
        #expect(errors.contains("cannot read \"Examples/docs-success.json/x.json\": a path component is not a directory"))
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("checked 1 document"))
    }

    @Test(arguments: ["check", "summary", "normalize"])
    func standardInputThatIsADirectoryIsNamed(_ command: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stdin = try #require(FileHandle(forReadingAtPath: directory.path))
        let result = try Spawn.run([command, "-", "Examples/docs-success.json"], stdin: stdin)
        #expect(result.status == 2)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("vodhook \(command): cannot read \"-\": is a directory"))
        #expect(!result.stdout.isEmpty, "the readable path is still processed")
    }

    @Test(.enabled(if: permissionsApply, "permissions do not apply to this user (root)"))
    func unreadableFileAndDirectoryAreNamed() throws {
        let directory = try Self.temporaryDirectory()
        defer {
            chmod(directory.appendingPathComponent("closed").path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let file = directory.appendingPathComponent("secret.json")
        try Data("{}".utf8).write(to: file)
        chmod(file.path, 0)
        let closed = directory.appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        chmod(closed.path, 0)
        let result = try InProcess.runLikeBinary(["check", file.path, closed.path, "Examples/docs-success.json"], stdin: nil)
        #expect(result.status == 2)
        let errors = String(decoding: result.stderr, as: UTF8.self)
        #expect(errors.contains("cannot read \"\(file.path)\": permission denied"))
        #expect(errors.contains("cannot read \"\(closed.path)\": permission denied"))
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("checked 1 document"))
    }

    /// Links back up the tree are followed once: each file is one source.
    @Test func directoryLinkLoopsAreWalkedOnce() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: directory.appendingPathComponent("a.json"))
        try Data("{}".utf8).write(to: sub.appendingPathComponent("b.json"))
        // Every link stays inside the tree: ".." from the top would walk /tmp.
        for (name, target) in [("self", "."), ("again", "."), ("sub/top", ".."), ("sub/here", ".")] {
            try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let result = try Spawn.run(["check", "--format", "json", directory.path], timeout: 120)
        #expect(!result.timedOut)
        let sources = result.stdout.split(separator: 0x0A).compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any])?["source"] as? String
        }
        #expect(sources.count == 2, "\(sources)")
        #expect(Set(sources.map { URL(fileURLWithPath: $0).lastPathComponent }) == ["a.json", "b.json"])
    }

    // MARK: An output that goes away

    static func invalidStream(lines: Int) -> Data {
        Data(String(repeating: "{\"EventType\":\"DeleteMediaComplete\",\"Status\":\"bad\"}\n", count: lines).utf8)
    }

    /// A stream that makes `command` print about 4 MB, a dozen times what the
    /// pipe (64 KiB) and the tool's buffer (256 KiB) hold, so the tool writes
    /// long after the output closed. check prints about 1 KB a document and
    /// normalize each invalid line as it came, padded to 1 KB; summary --rows
    /// prints 240 bytes a row. (60,000 short lines for every command cost the
    /// suite 12 s of CPU, to print up to 78 MB.)
    static func streamPrintingFourMegabytes(_ command: String) -> Data {
        if command == "summary" { return invalidStream(lines: 16_000) }
        let padded = #"{"EventType":"DeleteMediaComplete","Status":"bad","Note":""# + String(repeating: "x", count: 1000) + "\"}\n"
        return Data(String(repeating: padded, count: 4_000).utf8)
    }

    /// `vodhook check big.ndjson | head -1`: the output closes after one line;
    /// the tool stops early and quietly, without a signal or a message.
    /// A process of its own: a closed pipe signals the whole process.
    @Test(arguments: [["check"], ["check", "--format", "json"], ["check", "--format", "github"], ["summary", "--rows"], ["normalize"]])
    func closedOutputEndsQuietly(_ command: [String]) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.ndjson")
        try Self.streamPrintingFourMegabytes(command[0]).write(to: file)
        let result = try Spawn.run(command + [file.path], closeOutputAfter: 1)
        #expect(!result.timedOut)
        #expect(result.exitedNormally, "ended by a signal")
        #expect([0, 1].contains(result.status))
        #expect(result.stderr.isEmpty, "\(String(decoding: result.stderr, as: UTF8.self))")
    }

    // MARK: Nothing lost

    /// Each non-blank line of an NDJSON stream, broken ones included, is one
    /// record, in order, on its own line; summary counts the same.
    @Test func everyLineOfAStreamIsReportedOnce() throws {
        // A fixed linear congruential sequence: the same stream every run.
        var seedSource: UInt64 = 0x5EED
        var stream = Data()
        var nonBlank: [Int] = []
        for line in 1...3_000 {
            seedSource = seedSource &* 6364136223846793005 &+ 1442695040888963407
            let choice = Int(seedSource >> 59)
            let text: Data
            switch choice {
            case 0: text = Data()
            case 1: text = Data([UInt8(ascii: "x"), 0x00, 0x1B, 0xFF, 0xC0, UInt8(ascii: "\"")])
            case 2: text = Data(#"{"EventType":"DeleteMediaComplete","Status":"su"#.utf8)
            case 3: text = Data(#"{"EventType":"DeleteMediaComplete","Status":"success",}"#.utf8)
            default: text = Data(#"{"EventType":"DeleteMediaComplete","EventTime":"2024-01-01T00:00:00Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"0123456789abcdef0123456789abcdef"}"#.utf8)
            }
            if !text.isEmpty { nonBlank.append(line) }
            stream += text + Data([0x0A])
        }
        let result = try InProcess.runLikeBinary(["check", "--format", "json"], stdin: stream)
        let records = result.stdout.split(separator: 0x0A).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        #expect(records.map { $0["line"] as? Int ?? -1 } == nonBlank)
        #expect(records.map { $0["document"] as? Int ?? -1 } == Array(1...nonBlank.count))
        let summary = try InProcess.runLikeBinary(["summary", "--format", "json"], stdin: stream)
        let totals = try JSONSerialization.jsonObject(with: summary.stdout) as? [String: Any]
        #expect(totals?["documents"] as? Int == nonBlank.count)
    }

    // MARK: Nesting

    static func nested(_ depth: Int) -> Data {
        Data((String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
    }

    static func rules(_ result: BinaryRunner.Result) -> [String] {
        result.stdout.split(separator: 0x0A).flatMap { line -> [String] in
            let record = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
            return (record?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }
    }

    @Test func depthLimitAt512And513() throws {
        let atLimit = try InProcess.runLikeBinary(["check", "--format", "json"], stdin: Self.nested(512))
        #expect(!Self.rules(atLimit).contains("json-depth"))
        let pastLimit = try InProcess.runLikeBinary(["check", "--format", "json"], stdin: Self.nested(513))
        #expect(Self.rules(pastLimit) == ["json-depth"])
        #expect(pastLimit.status == 1)
        // The writer walks as deep as the reader reads.
        let pretty = try InProcess.runLikeBinary(["normalize", "--pretty"], stdin: Self.nested(512))
        #expect(pretty.status == 0)
        #expect(String(decoding: pretty.stdout, as: UTF8.self).split(separator: "\n").count == 2 * 512 + 1)
    }
}
