import Foundation
import Testing
@testable import VODHookCommands
import VODHookCore
import TestSupport

/// gzip input through every reading command: the same output as the plain
/// text (positions are the decompressed text's), on one thread or many,
/// from a file, from standard input or a pipe, in one member or many; a
/// damaged stream ends with one finding and exits 1.
@Suite struct GzipReadingTests {
    static let text = ParallelReadingTests.generatedStream
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-gzip-\(getpid())")

    /// Writes `bytes` to a fresh file and returns its path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The plain text's file and what each command prints for it on one
    /// thread: the same for every member size, so read once for the three.
    static let plainOnOneThread: (path: String, outcomes: [ParallelReadingTests.Outcome])? = {
        guard let plain = try? write(Array(text.utf8), named: "plain.ndjson") else { return nil }
        return (plain, ParallelReadingTests.commands.map { ParallelReadingTests.run($0 + ["--jobs", "1", plain], standardInput: 0, chunkBytes: "64") })
    }()

    @Test(arguments: [Int.max, 1000, 37])
    func aGzipReadsLikeItsTextOnOneThreadOrMany(memberBytes: Int) throws {
        let (plain, outcomes) = try #require(Self.plainOnOneThread)
        let compressed = try Self.write(gzipped(Array(Self.text.utf8), memberBytes: memberBytes), named: "rotated-\(memberBytes).log.gz")
        var shared = 0
        for (command, expected) in zip(ParallelReadingTests.commands, outcomes) {
            for jobs in ["1", "3"] {
                let statistics = PipelineStatistics()
                var actual = ParallelReadingTests.run(command + ["--jobs", jobs, compressed], standardInput: 0, chunkBytes: "64", statistics: statistics)
                actual.output = actual.output.replacingOccurrences(of: compressed, with: plain)
                actual.errors = actual.errors.replacingOccurrences(of: compressed, with: plain)
                #expect(actual == expected, "\(command) --jobs \(jobs), members of \(memberBytes) bytes")
                shared += statistics.sourcesShared
            }
        }
        // Its decompressed text is cut into parts as a pipe's is.
        #expect(shared > 0, "no gzip was shared by the threads")
    }

    @Test func aGzipOnStandardInputOrThroughAPipeReadsLikeItsText() throws {
        let plain = try Self.write(Array(Self.text.utf8), named: "stdin.ndjson")
        let compressed = try Self.write(gzipped(Array(Self.text.utf8), memberBytes: 5000), named: "stdin.ndjson.gz")
        for command in [["check", "--format", "json"], ["summary", "--format", "json"], ["normalize"], ["check"]] {
            let descriptor = open(plain, O_RDONLY)
            defer { close(descriptor) }
            let expected = ParallelReadingTests.run(command + ["--jobs", "1"], standardInput: descriptor, chunkBytes: "64")
            for jobs in ["1", "3"] {
                let file = open(compressed, O_RDONLY)
                defer { close(file) }
                let redirected = ParallelReadingTests.run(command + ["--jobs", jobs], standardInput: file, chunkBytes: "64")
                #expect(redirected == expected, "\(command) --jobs \(jobs) < file.gz")
                let piped = Self.runPiped(command + ["--jobs", jobs], input: try Data(contentsOf: URL(fileURLWithPath: compressed)))
                #expect(piped == expected, "\(command) --jobs \(jobs) from a pipe")
            }
        }
    }

    @Test(arguments: [0.1, 0.5, 0.97])
    func aCutGzipEndsWithOneFindingWhateverTheThreads(fraction: Double) throws {
        let whole = gzipped(Array(Self.text.utf8), memberBytes: 3000)
        let cut = Array(whole.prefix(Int(Double(whole.count) * fraction)))
        let path = try Self.write(cut, named: "cut-\(fraction).ndjson.gz")
        for command in [["check", "--format", "json"], ["summary", "--format", "json"], ["normalize"]] {
            let one = ParallelReadingTests.run(command + ["--jobs", "1", path], standardInput: 0, chunkBytes: "64")
            let many = ParallelReadingTests.run(command + ["--jobs", "3", path], standardInput: 0, chunkBytes: "64")
            #expect(one == many, "\(command)")
            // summary reports what it read and exits 0; the readers that judge exit 1.
            guard command[0] != "summary" else { continue }
            #expect(one.status == 1, "\(command)")
            let damage = (one.output + one.errors).components(separatedBy: "compressed-input-damaged").count - 1
            #expect(damage == 1, "\(command): \(damage) damage findings")
            #expect(one.output.contains("cut short at compressed byte \(cut.count)") || one.errors.contains("cut short at compressed byte \(cut.count)"))
        }
        let json = ParallelReadingTests.run(["check", "--format", "json", path], standardInput: 0, chunkBytes: "64")
        let last = json.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains(#""rule":"compressed-input-damaged""#), "\(last)")
    }

    @Test func otherCompressionsKeepTheirOneFinding() throws {
        for (magic, command) in [([0x28, 0xB5, 0x2F, 0xFD] as [UInt8], "zstd -dc"), (Array("BZh91AY&SY".utf8), "bzip2 -dc"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz -dc")] {
            let path = try Self.write(magic + [UInt8](repeating: 0x41, count: 64), named: "other-\(command.prefix(2))")
            let result = ParallelReadingTests.run(["check", path], standardInput: 0, chunkBytes: "64")
            #expect(result.status == 1)
            #expect(result.output.contains("[source-encoding]") && result.output.contains(command), "\(result.output)")
            #expect(result.output.components(separatedBy: "error:").count == 2, "\(result.output)")
        }
    }

    /// Runs a command with `input` arriving through a pipe, written by another thread.
    static func runPiped(_ arguments: [String], input: Data) -> ParallelReadingTests.Outcome {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return ParallelReadingTests.Outcome(status: -1, output: "", errors: "pipe failed") }
        let writer = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            writer.write(input)
            try? writer.close()
            written.signal()
        }
        defer {
            written.wait()
            close(ends[0])
        }
        return ParallelReadingTests.run(arguments, standardInput: ends[0], chunkBytes: "64")
    }
}
