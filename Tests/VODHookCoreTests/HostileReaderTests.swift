import Foundation
import Testing
@testable import VODHookCore
import TestSupport

/// The reader on input chosen to hurt it: inputs the fuzzers found, the
/// nesting limit, and long streams read in different block sizes.
@Suite struct HostileReaderTests {
    static let fixtureDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    /// Every input a fuzzer turned up, kept as a regression fixture.
    static func fixtures() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []
        return names.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.fixtures().count >= 5)
    }

    /// The reader fuzzer's central oracle, kept in the suite: the findings, their
    /// positions and the documents do not depend on where block boundaries fall.
    @Test(arguments: fixtures())
    func fixtureReadsTheSameInAnyBlockSize(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtureDirectory.appendingPathComponent(name)))
        for mode in ReadingMode.allCases {
            let whole = try readTranscript(BytesInput(bytes), mode: mode, blockSize: 1 << 20)
            #expect(!whole.isEmpty)
            #expect(!whole.joined().contains("ROOT MISPLACED"))
            for step in [1, 3, 7] {
                let dribbled = try readTranscript(DribbleInput(bytes, step: step), mode: mode, blockSize: 16)
                #expect(dribbled == whole, "\(name), \(mode), \(step)-byte reads")
            }
        }
    }

    // MARK: The nesting limit

    static func nestedObjects(_ depth: Int) -> [UInt8] {
        Array((String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
    }

    static func nestedArrays(_ depth: Int) -> [UInt8] {
        Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
    }

    static func readerRules(_ bytes: [UInt8], mode: ReadingMode) throws -> [[String]] {
        let reader = DocumentReader(input: BytesInput(bytes), mode: mode)
        var rules: [[String]] = []
        try reader.forEach { document in rules.append(document.findings.map(\.rule.rawValue)) }
        return rules
    }

    @Test func depthLimitIs512() {
        #expect(JSONParser.maxDepth == 512)
    }

    @Test(arguments: ReadingMode.allCases)
    func objectsNestedAtTheLimitAreRead(_ mode: ReadingMode) throws {
        #expect(try Self.readerRules(Self.nestedObjects(512), mode: mode) == [[]])
    }

    @Test(arguments: ReadingMode.allCases)
    func objectsNestedOnePastTheLimitAreADepthFinding(_ mode: ReadingMode) throws {
        let bytes = Self.nestedObjects(513)
        let documents = try checkDocuments(bytes, mode: mode)
        #expect(documents.count == 1)
        let depth = documents.first?.first
        #expect(depth?.rule == "json-depth")
        // At the brace that opens the 513th level.
        #expect(depth?.column == 5 * 512 + 1)
    }

    @Test func arraysNestedAtAndPastTheLimit() throws {
        #expect(try Self.readerRules(Self.nestedArrays(512), mode: .body) == [[]])
        #expect(try Self.readerRules(Self.nestedArrays(513), mode: .body) == [["json-depth"]])
        // A stream unpacks its top-level array; the elements' nesting counts from it.
        #expect(try Self.readerRules(Self.nestedArrays(512), mode: .stream) == [[]])
        #expect(try Self.readerRules(Self.nestedArrays(513), mode: .stream) == [["json-depth"]])
    }

    @Test func hostileNestingIsOneFindingAndTheNextLineIsRead() throws {
        let bytes = Array(String(repeating: "[", count: 100_000).utf8) + Array("\n{\"a\":1}\n".utf8)
        let rules = try Self.readerRules(bytes, mode: .stream)
        #expect(rules == [["json-depth"], []])
    }

    // MARK: Long streams

    /// A stream of a few megabytes read in the tool's block size, in a small
    /// one and in one block: the first finding after the first block was once
    /// placed by the bytes already dropped twice over.
    @Test func findingsPastTheFirstBlockAreWhereTheyAre() throws {
        var random = SplitMix64(seed: 0xB10C)
        let stream = GeneratedStream(lines: 12_000, using: &random)
        let whole = try readTranscript(BytesInput(stream.bytes), mode: .stream, blockSize: stream.bytes.count + 1)
        #expect(whole.count == stream.nonBlankLines.count)
        for blockSize in [1 << 20, 1 << 12] {
            let blocked = try readTranscript(BytesInput(stream.bytes), mode: .stream, blockSize: blockSize)
            #expect(blocked == whole, "block size \(blockSize)")
        }
    }

    /// Nothing lost: each non-blank line is one document, reported once, in
    /// order, starting on its own line; the broken ones included.
    @Test(arguments: [1, 2, 3, 4])
    func everyLineIsOneDocument(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let stream = GeneratedStream(lines: 2_000, using: &random)
        for blockSize in [64, 1 << 20] {
            let reader = DocumentReader(input: BytesInput(stream.bytes), mode: .stream, blockSize: blockSize)
            var starts: [Int] = []
            var broken: [Int] = []
            try reader.forEach { document in
                let line = reader.position(ofSourceOffset: document.startOffset).line
                starts.append(line)
                if document.json == nil { broken.append(line) }
            }
            #expect(starts == stream.nonBlankLines, "seed \(seed), block size \(blockSize)")
            // Garbage and cut-off lines never parse; mutated ones may.
            #expect(Set(stream.unparseableLines).isSubset(of: Set(broken)))
        }
    }
}

/// An NDJSON stream of callbacks with broken lines mixed in, and what it holds.
///
/// Broken lines are what logs really get: lines cut off, random bytes
/// (control characters, NUL, invalid UTF-8), and single-byte corruptions.
/// None starts with whitespace, '}' or ']' (after a broken document the
/// reader takes such lines as that document's continuation) and none holds
/// '{' or '[' (which would start a second document on the same line).
struct GeneratedStream {
    var bytes: [UInt8] = []
    /// 1-based numbers of the non-blank lines.
    var nonBlankLines: [Int] = []
    /// Lines that cannot parse whatever follows them.
    var unparseableLines: [Int] = []

    static let statuses = ["success", "fail", "Success", "failed", "\u{1B}[2J", ""]

    init(lines: Int, using random: inout SplitMix64) {
        for line in 1...lines {
            var text: [UInt8]
            switch Int.random(in: 0..<20, using: &random) {
            case 0:
                text = Int.random(in: 0..<2, using: &random) == 0 ? [] : Array(" \t \r".utf8)
            case 1:
                text = Self.garbage(using: &random)
                unparseableLines.append(line)
            case 2:
                let valid = Self.callback(using: &random)
                text = Array(valid[0..<Int.random(in: 1..<(valid.count - 1), using: &random)])
                // A cut that leaves a string open may end in a backslash; that still cannot parse.
                unparseableLines.append(line)
            case 3:
                text = Self.callback(using: &random)
                let index = Int.random(in: 1..<text.count, using: &random)
                text[index] = Self.safeByte(using: &random)
            default:
                text = Self.callback(using: &random)
            }
            if !text.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { nonBlankLines.append(line) }
            bytes += text
            bytes.append(0x0A)
        }
    }

    static func callback(using random: inout SplitMix64) -> [UInt8] {
        let id = (0..<32).map { _ in "0123456789abcdef".randomElement(using: &random)! }
        let status = statuses.randomElement(using: &random)!
        var text = "{\"EventTime\":\"2024-03-0\(Int.random(in: 1...9, using: &random))T10:00:00Z\",\"EventType\":\"DeleteMediaComplete\","
        text += "\"Status\":\"\(status.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())\","
        text += "\"MediaId\":\"\(String(id))\",\"MediaType\":\"video\",\"DeleteType\":\"all\""
        if status != "success" { text += ",\"ErrorCode\":\"E\(Int.random(in: 1...3, using: &random))\",\"ErrorMessage\":\"x\"" }
        return Array((text + "}").utf8)
    }

    static func garbage(using random: inout SplitMix64) -> [UInt8] {
        // Each of these fails at once, so the line can never parse.
        let first = Array("abcxyz:,#+.\u{7F}".utf8).randomElement(using: &random)!
        return [first] + (0..<Int.random(in: 0...80, using: &random)).map { _ in safeByte(using: &random) }
    }

    /// Any byte but a line feed, an RS, '{' or '['.
    static func safeByte(using random: inout SplitMix64) -> UInt8 {
        while true {
            let byte = UInt8.random(in: 0...255, using: &random)
            if ![0x0A, 0x1E, UInt8(ascii: "{"), UInt8(ascii: "[")].contains(byte) { return byte }
        }
    }
}
