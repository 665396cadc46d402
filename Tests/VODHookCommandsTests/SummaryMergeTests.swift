import Foundation
import Testing

/// `summary --merge` (issue 24): a log cut by media into parts, each part
/// summarized on its own, merges to the byte-identical summary of the whole.
@Suite struct SummaryMergeTests {
    /// A lifecycle log with retried deliveries and spec-invalid documents of
    /// several events, every one well-formed JSON (normalize writes them all).
    static func generatedLog() -> [UInt8] {
        var log = InProcess.run(["sample", "--lifecycle", "--count", "1500", "--seed", "11"]).stdout
        let lines = log.split(separator: 0x0A)
        for index in stride(from: 0, to: lines.count, by: 37) { log += lines[index] + [0x0A] }
        log += InProcess.run(["sample", "--violate", "invalid-value", "--event", "TranscodeComplete", "--count", "9"]).stdout
        log += InProcess.run(["sample", "--violate", "missing-field", "--count", "9", "--seed", "5"]).stdout
        log += Array(#"{"EventType":"NoSuchEventComplete","VideoId":"x"}"#.utf8) + [0x0A]
        return log
    }

    static func write(_ bytes: [UInt8], _ url: URL) throws { try Data(bytes).write(to: url) }

    /// The log and what is read from it whole, the same for every number of
    /// parts, so made once for all of them (summaries name no source).
    struct Whole: Sendable {
        let log: [UInt8]
        let summaryJSON: String
        let summaryText: String
        let documents: Int
    }

    static let whole: Whole? = {
        guard let directory = try? InProcess.temporaryDirectory() else { return nil }
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = generatedLog()
        let path = directory.appendingPathComponent("day.ndjson")
        guard (try? write(log, path)) != nil else { return nil }
        return Whole(
            log: log,
            summaryJSON: InProcess.run(["summary", "--shard-key", "identity", "--format", "json", path.path]).text,
            summaryText: InProcess.run(["summary", path.path]).text,
            documents: InProcess.run(["normalize", path.path]).lines.count)
    }()

    @Test(arguments: [1, 2, 3, 5])
    func mergedPartsEqualTheWhole(_ parts: Int) throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try #require(Self.whole)
        let log = directory.appendingPathComponent("day.ndjson")
        try Self.write(whole.log, log)
        var partFiles: [String] = []
        var partDocuments = 0
        for part in 1...parts {
            let cut = InProcess.run(["normalize", "--shard", "\(part)/\(parts)", log.path])
            #expect(cut.status == .success, "\(cut.stderr)")
            partDocuments += cut.lines.count
            let partLog = directory.appendingPathComponent("part-\(part).ndjson")
            try Self.write(cut.stdout, partLog)
            let summary = InProcess.run(["summary", "--shard-key", "identity", "--format", "json", partLog.path])
            let partSummary = directory.appendingPathComponent("part-\(part).json")
            try Self.write(summary.stdout, partSummary)
            partFiles.append(partSummary.path)
        }
        #expect(partDocuments == whole.documents, "every document in exactly one part")
        let merged = InProcess.run(["summary", "--merge", "--format", "json"] + partFiles)
        #expect(merged.status == .success, "\(merged.stderr)")
        #expect(merged.text == whole.summaryJSON)
        #expect(merged.text.contains(#""distinctCountsExact": true"#))
        // The text view of a merge is the text view of the whole.
        #expect(InProcess.run(["summary", "--merge"] + partFiles).text == whole.summaryText)
    }

    /// Parts not declared cut by media add their distinct counts up, and
    /// the merge says so rather than print an overcount that looks exact.
    @Test func undeclaredPartsAreMarkedInexact() throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("day.ndjson")
        try Self.write(try #require(Self.whole).log, log)
        let part = directory.appendingPathComponent("part.json")
        try Self.write(InProcess.run(["summary", "--format", "json", log.path]).stdout, part)
        let merged = InProcess.run(["summary", "--merge", "--format", "json", part.path, part.path])
        #expect(merged.text.contains(#""shardKey": null"#))
        #expect(merged.text.contains(#""distinctCountsExact": false"#))
        let text = InProcess.run(["summary", "--merge", part.path, part.path]).text
        #expect(text.contains("(added up over parts not declared sharded by identity)"))
        // One part alone is its own whole.
        #expect(InProcess.run(["summary", "--merge", "--format", "json", part.path]).text.contains(#""distinctCountsExact": true"#))
    }

    /// Input that is not a summary of this version stops the merge with one line.
    @Test(arguments: [
        (#"{"EventType":"DeleteMediaComplete"}"#, "no \"version\""),
        (#"{"version":2}"#, "summary version 2; this vodhook merges version 1"),
        (#"{"version":1,"documents":1}"#, "not a summary: no \"valid\""),
        (#"{"version":1,"documents":-1}"#, "\"documents\" is not a count"),
        (#"[1,2]"#, "not a summary"),
        (#"{"version":1,"#, "not JSON"),
        ("", "empty"),
    ])
    func badPartsAreRefused(_ text: String, _ reason: String) throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let part = directory.appendingPathComponent("part.json")
        try Self.write(Array(text.utf8), part)
        let result = InProcess.run(["summary", "--merge", part.path])
        #expect(result.status == .trouble)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("vodhook summary: error: --merge: \(part.path): "), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func optionsThatDoNotApplyAreRefused() {
        for arguments in [["--rows", "--format", "json"], ["--rows", "--merge"], ["--rows", "--totals-only"], ["--merge", "--shard-key", "identity"]] {
            let result = InProcess.run(["summary"] + arguments + ["Examples/captured-log.ndjson"])
            #expect(result.status == .trouble, "\(arguments)")
        }
        for shard in ["0/3", "4/3", "1/0", "x", "1/", "/2", "+1/2"] {
            #expect(InProcess.run(["normalize", "--shard", shard, "Examples/captured-log.ndjson"]).status == .trouble, "\(shard)")
        }
    }
}
