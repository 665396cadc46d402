import Foundation
import Testing
@testable import VODHookCommands
import VODHookCore

/// A pipe (`cat day.ndjson | vodhook summary`) is shared by `--jobs`
/// threads too, cut as it arrives; that must not change a byte either.
@Suite struct PipeReadingTests {
    /// Documents run together on one long line, which no cut can split:
    /// past `longestPart` the rest of the pipe goes to the committing thread.
    static let oneLongLine: String = {
        let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#
        return String(repeating: valid, count: 500) + "\n" + valid + "\n" + valid.replacingOccurrences(of: "all", with: "al") + "\n"
    }()

    /// Lines that start with a quote may start a document, so parts are cut
    /// inside these unindented documents. The second document starts mid-line,
    /// where no part's reader started, so the committing thread reads that
    /// part again, and the document runs into a line too long to cut: the
    /// rest of the pipe, which that reader must not consume.
    static let valueIntoTheRest = ParallelReadingTests.generatedStream
        + "{\n\"a\":1,\n\"b\":2} {\n\"EventType\":\"DeleteMediaComplete\",\n\"x\":\""
        + String(repeating: "a", count: 300_000) + "\"}\n" + oneLongLine

    static let inputs: [(name: String, text: String)] = [
        ("a value running into the rest", valueIntoTheRest),
        ("generated stream", ParallelReadingTests.generatedStream),
        ("one long line, then lines", oneLongLine),
        ("lines, then one long line", ParallelReadingTests.generatedStream + oneLongLine),
        ("only whitespace after a byte-order mark", "\u{FEFF}" + String(repeating: " \n\t\n", count: 300)),
        ("only empty arrays", String(repeating: "[]\n", count: 400)),
    ]

    /// What each command prints for each input on one thread, read from a
    /// pipe: once for the three part sizes, since one thread reads a pipe
    /// without cutting it (`expectSameOutput` asserts that no `--jobs 1` run
    /// shares a source), so the part size cannot change it.
    static let oneThread: [[ParallelReadingTests.Outcome]] = inputs.map { input in
        ParallelReadingTests.commands.map { command in runPiped(command + ["--jobs", "1"], input: input.text, chunkBytes: "1") }
    }

    @Test(arguments: ["1", "64", "4096"])
    func aPipeReadsTheSameOnManyThreads(_ chunkBytes: String) throws {
        var offThread = 0
        for (inputIndex, input) in Self.inputs.enumerated() {
            for (commandIndex, command) in ParallelReadingTests.commands.enumerated() {
                let one = Self.oneThread[inputIndex][commandIndex]
                let statistics = PipelineStatistics()
                let many = Self.runPiped(command + ["--jobs", "3"], input: input.text, chunkBytes: chunkBytes, statistics: statistics)
                #expect(one == many, "\(input.name): \(command)")
                // The generated stream is cut for the threads at any part size;
                // the others may be one part, or a line no cut can split.
                let shares = ParallelReadingTests.sharesSources(command)
                if !shares || input.name == "generated stream" {
                    #expect((statistics.sourcesShared == 1) == shares, "\(input.name): \(command) shared \(statistics.sourcesShared) pipes")
                }
                offThread += statistics.partsPreparedOffCommittingThread
            }
        }
        #expect(offThread > 0, "no part of a pipe was prepared off the committing thread")
    }

    @Test func aLineNoCutCanSplitIsLeftToTheCommittingThread() throws {
        let parts = PipeParts(input: BytesInput(Array(Self.oneLongLine.utf8)), prefix: [], chunkSize: 16)
        let first = try #require(try parts.part(0))
        #expect(first.offset == 0 && first.limit == Int.max)
        #expect(try parts.open(0, buffer: PartBuffer())?.start == .sourceStart)
        #expect(parts.isCommittingThreadOnly(0))
        #expect(try parts.part(1) == nil)
    }

    @Test func partsStartAtLinesThatMayStartADocument() throws {
        let text = "{\"a\":1}\n{\n  \"b\": 2\n}\n{\"c\":3}\n"
        let parts = PipeParts(input: BytesInput(Array(text.utf8)), prefix: [], chunkSize: 9)
        // A part is at least 9 bytes long; the lines of the second document
        // are indented or close it, so the first cut waits for the third.
        #expect(try parts.part(0).map { [$0.offset, $0.limit] } == [0, 21])
        #expect(try parts.part(1).map { [$0.offset, $0.limit] } == [21, 29])
        #expect(try parts.open(1, buffer: PartBuffer())?.start == ReadStart(offset: 21, line: 5, column: 1))
        #expect(try parts.part(2) == nil)
    }

    /// Runs a command with `input` arriving through a pipe, written by another thread.
    static func runPiped(
        _ arguments: [String], input: String, chunkBytes: String, statistics: PipelineStatistics? = nil
    ) -> ParallelReadingTests.Outcome {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return ParallelReadingTests.Outcome(status: -1, output: "", errors: "pipe failed") }
        let writer = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            writer.write(Data(input.utf8))
            try? writer.close()
            written.signal()
        }
        defer {
            written.wait()
            close(ends[0])
        }
        return ParallelReadingTests.run(arguments, standardInput: ends[0], chunkBytes: chunkBytes, statistics: statistics)
    }
}
