import Foundation
import Testing
@testable import VODHookCore

/// `--input log`: a callback after each line's prefix, in the log's own coordinates.
@Suite struct LogReadingTests {
    static func start(_ line: String) -> Int? {
        Array(line.utf8).withUnsafeBytes { LogLine.callbackStart(in: $0, from: 0, to: $0.count) }
    }

    @Test func theCallbackIsTheFirstObjectAfterThePrefix() {
        #expect(Self.start(#"2026-12-06T10:00:00Z INFO vod callback body={"EventType":"X"}"#) == 44)
        #expect(Self.start(#"[2026-12-06 10:00:00,123] [http-nio-8080-exec-3] INFO c.e.C - received: {"a":1}"#) == 72)
        #expect(Self.start(#"Dec  6 10:00:00 web-1 app[123]: {"a":1}"#) == 32)
        #expect(Self.start(#"mdc={} thread={main} ids=[1, 2] body= { "a":1}"#) == 38)
        #expect(Self.start(#"received: [{"a":1},{"b":2}]"#) == 10)
        #expect(Self.start(#"{"a":1}"#) == 0)
        // Cut right after its brace, it is still a callback, reported where it breaks.
        #expect(Self.start("INFO body={") == 10)
    }

    @Test func linesWithoutAnObjectHoldNoCallback() {
        for line in ["2026-12-06T10:00:02Z DEBUG health check ok", "INFO map={}", "[main] [1, 2] {main}", "", "body={\\\"EventType\\\":1}"] {
            #expect(Self.start(line) == nil, "\(line)")
        }
    }

    @Test func skippedLinesAreCountedByTheirFirstWord() throws {
        let log = "2026-12-06T10:00:00Z INFO started\n[main] DEBUG tick\n\n2026-12-06T10:00:01Z INFO body={\"a\":1}\n2026 42\n"
        let reader = DocumentReader(input: BytesInput(log), mode: .log)
        var documents = 0
        try reader.forEach { _ in documents += 1 }
        #expect(documents == 1)
        #expect(reader.skippedLines.total == 3)
        #expect(reader.skippedLines.breakdown == "1 without a word, 1 DEBUG, 1 INFO")
    }

    /// A line without a line feed for longer than a document may be is not held whole.
    @Test func anEndlessLineIsCutAtTheDocumentLimit() throws {
        let log = String(repeating: "x", count: 20000) + "\nINFO body={\"a\":1}\n"
        let reader = DocumentReader(input: BytesInput(log), mode: .log, blockSize: 16, maxDocumentBytes: 64)
        var starts: [Int] = []
        try reader.forEach { starts.append($0.startOffset) }
        #expect(starts == [20011])
        #expect(reader.skippedLines.total > 1)
    }

    /// An array cut before its bracket breaks at the next line's first byte
    /// (as in a stream), and that line is still read for its callback.
    @Test func aLineAfterABrokenArrayIsStillRead() throws {
        let log = "INFO got: [{\"a\":1}\n[main] INFO got: {\"b\":2}\n"
        let reader = DocumentReader(input: BytesInput(log), mode: .log)
        var records: [(start: Int, parsed: Bool)] = []
        try reader.forEach { records.append(($0.startOffset, $0.json != nil)) }
        #expect(records.map(\.parsed) == [true, false, true])
        #expect(records.last?.start == 36)
        #expect(reader.skippedLines.total == 0)
    }

    /// An array whose comma ends its line is cut there: the next line's
    /// timestamp is its prefix, not the array's next element (a fuzzer find).
    @Test func anArrayCutAfterACommaEndsAtItsLine() throws {
        let log = "INFO got: [{\"a\":1},\n2026-12-06T10:00:00Z INFO got: {\"b\":2}\n"
        let findings = try checkDocuments(Array(log.utf8), mode: .log)
        #expect(findings.count == 3)
        #expect(findings[1].map(\.rule) == ["json-syntax"])
        #expect(findings[1].first.map { "\($0.line):\($0.column)" } == "1:20")
        #expect(findings[2].allSatisfy { $0.line == 2 })
    }

    @Test func autoModeTellsALogFromAJSONStream() {
        #expect(InputFormat.sniff(Array("2026-12-06T10:00:00Z INFO up\n2026-12-06T10:00:01Z INFO body={\"a\":1}\n".utf8)) == .log)
        #expect(InputFormat.sniff(Array("[2026-12-06 10:00:00,123] [main] INFO x - got: {\"a\":1}\n".utf8)) == .log)
        #expect(InputFormat.sniff(Array("[1, 2]\n{\"a\":1}\n".utf8)) == .json)
        #expect(InputFormat.sniff(Array("{\"level\":\"info\",\"body\":{\"a\":1}}\n".utf8)) == .json)
        #expect(LogSample(Array("2026-12-06T10:00:00Z INFO up\n2026-12-06T10:00:01Z INFO listening\n".utf8)).mayBeLog)
    }

    // MARK: The same findings as the plain NDJSON

    static let prefixes = [
        "2026-12-06T10:00:00Z INFO vod callback body=",
        "[2026-12-06 10:00:00,123] [http-nio-8080-exec-3] INFO  c.e.CallbackController - received: ",
        "Dec  6 10:00:00 web-1 app[123]: ",
        "level=info msg=\"vod callback\" body=",
        "mdc={} thread={main} ids=[1, 2] ",
        "",
    ]
    static let noise = ["2026-12-06T10:00:02Z DEBUG health check ok", "Dec  6 10:00:01 web-1 systemd[1]: Started Session 42."]

    /// NDJSON lines that start a callback (`{"`), damaged at random.
    static func ndjsonLines(_ generator: inout SplitMix64) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var lines: [String] = []
        for name in ["captured-log.ndjson", "lifecycle.ndjson"] {
            let text = try String(contentsOf: root.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("{\"") }
        }
        return lines.map { line in
            var bytes = Array(line.utf8)
            switch generator.next() % 6 {
            case 0: bytes = Array(bytes.prefix(2 + Int(generator.next() % UInt64(bytes.count - 2))))
            case 1: bytes.insert(UInt8(ascii: ","), at: bytes.count - 1)
            case 2: if let quote = bytes.lastIndex(of: UInt8(ascii: "\"")) { bytes.remove(at: quote) }
            case 3: bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "success", with: "Success").utf8)
            default: break
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func aLogReadsAsItsNDJSONWithPositionsMoved(_ seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let lines = try Self.ndjsonLines(&generator)
        var log = ""
        var ndjsonLine: [Int] = [0]       // log line (1-based) → NDJSON line
        var shift: [Int] = [0]            // log line → columns its prefix takes
        var noiseLines = 0
        for (index, line) in lines.enumerated() {
            if generator.next() % 3 == 0 {
                log += Self.noise[Int(generator.next() % 2)] + "\n"
                ndjsonLine.append(-1)
                shift.append(0)
                noiseLines += 1
            }
            let prefix = Self.prefixes[Int(generator.next() % UInt64(Self.prefixes.count))]
            log += prefix + line + "\n"
            ndjsonLine.append(index + 1)
            shift.append(prefix.count)
        }
        let plain = try checkDocuments(lines.joined(separator: "\n") + "\n", mode: .stream)
        let logged = try checkDocuments(Array(log.utf8), mode: .log, blockSize: 64)
        func moved(_ finding: Finding) -> String {
            let line = ndjsonLine[finding.line]
            let column = finding.column - shift[finding.line]
            // Messages may quote positions ("starts at line 5, column 92"); the place itself is compared.
            return "\(finding.rule) \(finding.severity) \(line):\(column) \(finding.pointer)"
        }
        func plainKey(_ finding: Finding) -> String {
            "\(finding.rule) \(finding.severity) \(finding.line):\(finding.column) \(finding.pointer)"
        }
        #expect(logged.count == plain.count)
        for (log, ndjson) in zip(logged, plain) {
            #expect(log.map(moved) == ndjson.map(plainKey))
        }
        let reader = DocumentReader(input: BytesInput(log), mode: .log)
        try reader.forEach { _ in }
        #expect(reader.skippedLines.total == noiseLines)
    }
}
