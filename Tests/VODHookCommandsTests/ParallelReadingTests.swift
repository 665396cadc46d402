import Foundation
import Testing
import VODHookCommands

/// `--jobs` must not change a byte: every command that shares a large file
/// between threads gives the same standard output, standard error and exit
/// status as reading it on one thread. Tiny parts (`VODHOOK_CHUNK_BYTES`; 1
/// cuts at every line that may start a document) put cuts everywhere: inside
/// pretty-printed documents, unpacked arrays, broken lines, blank lines.
@Suite struct ParallelReadingTests {
    static let commands: [[String]] = [
        ["check", "--format", "json"], ["check", "--format", "github"], ["check", "--quiet"], ["check", "--strict", "--format", "json"],
        ["check"], ["summary"], ["summary", "--rows"], ["summary", "--format", "json"], ["summary", "--totals-only"],
        ["normalize"], ["normalize", "--pretty"], ["normalize", "--canonical"],
    ]

    /// A stream with every kind of trouble, duplicates included, from a fixed seed.
    static let generatedStream: String = {
        let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines: [String] = []
        for index in 0..<400 {
            let id = String(format: "%032x", index * 7919)
            let time = String(format: "2026-11-%02dT%02d:%02d:00Z", 1 + index % 28, index % 24, index % 60)
            let line = valid.replacingOccurrences(of: "10f6baa29bdf71f1bfc46733a78e0102", with: id)
                .replacingOccurrences(of: "2026-11-28T08:00:01Z", with: time)
            switch next(17) {
            case 0: lines.append(lines.last ?? line)
            case 1: lines.append(line.replacingOccurrences(of: "\"success\"", with: "\"Success\""))
            case 2: lines.append(line.replacingOccurrences(of: "T", with: " "))
            case 3: lines.append(line.replacingOccurrences(of: "\"MediaType\":\"video\",", with: ""))
            case 4: lines.append(String(line.prefix(40 + next(80))))
            case 5: lines.append(line.replacingOccurrences(of: "}", with: ",}"))
            case 6:
                let pretty = line.replacingOccurrences(of: "{", with: "{\n  ").replacingOccurrences(of: ",\"", with: ",\n  \"")
                lines.append(pretty.replacingOccurrences(of: "}", with: "\n}"))
            case 7: lines.append("[" + line + ",\n" + line + "]")
            case 8: lines.append(line + " " + line)
            case 9: lines.append("\u{1E}" + line)
            case 10: lines.append("")
            case 11: lines.append(line.replacingOccurrences(of: "\"Status\"", with: "\"status\""))
            case 12: lines.append(line + " trailing")
            // A nested object on a line of its own, and a document after the
            // closing brace: a cut at that line is inside a value, and the
            // next document starts mid-line.
            case 13: lines.append("{\"Wrapper\":\n" + line + "\n} " + line)
            default: lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Default `check` text reads on one thread (see `CheckCommand.run`); every other command shares.
    static func sharesSources(_ command: [String]) -> Bool {
        command.first != "check" || command.contains("--quiet") || command.contains("--format")
    }

    @Test(arguments: ["1", "4096"])
    func aGeneratedStreamReadsTheSameOnManyThreads(_ chunkBytes: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-parallel-\(chunkBytes)-\(UUID().uuidString).ndjson")
        try Self.generatedStream.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var offThread = 0
        for command in Self.commands {
            offThread += try Self.expectSameOutput(command + [file.path], chunkBytes: chunkBytes, shared: Self.sharesSources(command))
        }
        // Equal output alone would pass with nothing run in parallel. Summed
        // over the commands, as one run may find its workers not yet scheduled.
        #expect(offThread > 0, "no part was prepared off the committing thread")
    }

    @Test func theExamplesReadTheSameOnManyThreads() throws {
        let examples = GoldenTests.examples().filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }
        #expect(examples.count > 10)
        var shared = 0
        for example in examples {
            for command in Self.commands {
                let path = BinaryRunner.packageRoot.appendingPathComponent(example).path
                let statistics = PipelineStatistics()
                try Self.expectSameOutput(command + [path], chunkBytes: "16", statistics: statistics)
                shared += statistics.sourcesShared
            }
        }
        // Not every example is a stream two parts long; many are.
        #expect(shared > examples.count)
    }

    @Test func standardInputThatIsAFileIsSharedToo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-parallel-stdin-\(UUID().uuidString).ndjson")
        try Self.generatedStream.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var offThread = 0
        for command in [["summary", "--format", "json"], ["check", "--format", "json"], ["normalize"]] {
            let descriptor = open(file.path, O_RDONLY)
            defer { close(descriptor) }
            let one = Self.run(command + ["--jobs", "1"], standardInput: descriptor, chunkBytes: "64")
            lseek(descriptor, 0, SEEK_SET)
            let statistics = PipelineStatistics()
            let many = Self.run(command + ["--jobs", "3"], standardInput: descriptor, chunkBytes: "64", statistics: statistics)
            #expect(one == many, "\(command)")
            #expect(statistics.sourcesShared == 1, "\(command): standard input was not shared")
            offThread += statistics.partsPreparedOffCommittingThread
        }
        #expect(offThread > 0, "no part was prepared off the committing thread")
    }

    /// Compares `--jobs 1` with `--jobs 3`; with `shared`, requires that the
    /// source was cut into parts for the threads. Returns how many parts
    /// worker threads prepared.
    @discardableResult
    static func expectSameOutput(
        _ arguments: [String], chunkBytes: String, shared: Bool? = nil, statistics: PipelineStatistics = PipelineStatistics()
    ) throws -> Int {
        let alone = PipelineStatistics()
        let one = run(arguments + ["--jobs", "1"], standardInput: 0, chunkBytes: chunkBytes, statistics: alone)
        #expect(alone.sourcesShared == 0, "\(arguments) --jobs 1 shared a source")
        let many = run(arguments + ["--jobs", "3"], standardInput: 0, chunkBytes: chunkBytes, statistics: statistics)
        #expect(one.status == many.status, "\(arguments) --jobs 3")
        #expect(one.output == many.output, "\(arguments) --jobs 3: standard output differs")
        #expect(one.errors == many.errors, "\(arguments) --jobs 3: standard error differs")
        if let shared {
            #expect((statistics.sourcesShared > 0) == shared, "\(arguments) --jobs 3: shared \(statistics.sourcesShared) sources")
        }
        return statistics.partsPreparedOffCommittingThread
    }

    struct Outcome: Equatable {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(
        _ arguments: [String], standardInput: Int32, chunkBytes: String, statistics: PipelineStatistics? = nil
    ) -> Outcome {
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, standardInput: standardInput,
            variables: ["VODHOOK_CHUNK_BYTES": chunkBytes, "NO_COLOR": "1"], statistics: statistics)
        let status = VODHook.run(arguments: arguments, environment: environment)
        return Outcome(status: status.rawValue, output: output.text, errors: errors.text)
    }
}
