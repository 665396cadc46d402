import Foundation
import Testing
@testable import VODHookCore

/// Sizes no callback reaches, which hostile or broken input easily does: the
/// reader must stay linear and the findings exact.
@Suite struct LargeInputTests {
    /// Reads `bytes` as one body and returns its findings with the CPU time taken.
    static func read(_ bytes: [UInt8]) -> (findings: [ReadOutcome.Finding], seconds: Double) {
        var outcome = ReadOutcome(documents: [])
        let seconds = ThreadCPUTime.measure { outcome = ReaderHarness.read(bytes, mode: .body, blockSize: 1 << 20) }
        #expect(outcome.documents.count == 1)
        return (outcome.documents.flatMap(\.findings), seconds)
    }

    /// What this guards against is quadratic work, which takes hours at these
    /// sizes; the largest test takes about 4 s of CPU in a debug build. The bound is
    /// on the reading thread's CPU time, not the wall clock, so a machine
    /// loaded by other builds does not move it (a wall-clock bound of 120 s
    /// was once needed for 27 s measured under a load average of 12). Under a
    /// sanitizer (`make sanitize` sets VODHOOK_SANITIZER) the same work took
    /// up to 170 s.
    static let timeLimit = ProcessInfo.processInfo.environment["VODHOOK_SANITIZER"] == nil ? 60.0 : 900.0

    @Test func aMillionKeysWithAFewRepeats() {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(14_000_000)
        var repeatOffsets: [Int] = []
        for i in 0..<1_000_000 {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            // Every 100,000th key repeats the one 1,000 before it.
            let name = i % 100_000 == 99_999 ? i - 1_000 : i
            if name != i { repeatOffsets.append(bytes.count) }
            bytes += Array("\"k\(name)\":\(i)".utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        let (findings, seconds) = Self.read(bytes)
        #expect(findings.map(\.rule) == Array(repeating: .jsonDuplicateKey, count: 10))
        #expect(findings.map(\.offset) == repeatOffsets)
        #expect(findings.first?.pointer == "/k98999")
        #expect(seconds < Self.timeLimit, "\(seconds) s of CPU")
    }

    @Test func everyKeyRepeated() {
        let count = 200_000
        var bytes = Array("{\n".utf8)
        for i in 0..<count { bytes += Array("\"x\":\(i)\(i + 1 < count ? "," : "")\n".utf8) }
        bytes.append(UInt8(ascii: "}"))
        let (findings, seconds) = Self.read(bytes)
        #expect(findings.count == count - 1)
        #expect(findings.allSatisfy { $0.pointer == "/x" && $0.message == "duplicate key \"x\"; first defined at line 2" })
        #expect(findings.last?.position == SourcePosition(line: count + 1, column: 1))
        #expect(seconds < Self.timeLimit, "\(seconds) s of CPU")
    }

    /// Each finding's pointer must not cost a walk past all earlier elements.
    @Test func manyObjectsEachWithARepeat() {
        let count = 100_000
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for i in 0..<count { bytes += Array("{\"a\":1,\"a\":2}\(i + 1 < count ? "," : "")".utf8) }
        bytes.append(UInt8(ascii: "]"))
        let (findings, seconds) = Self.read(bytes)
        #expect(findings.count == count)
        #expect(findings.last?.pointer == "/\(count - 1)/a")
        #expect(findings.map(\.offset) == (0..<count).map { 1 + $0 * 14 + 7 })
        #expect(seconds < Self.timeLimit, "\(seconds) s of CPU")
    }

    /// Objects past the pairwise comparison's 32 keys use a hash table; it
    /// must find exactly what comparing every pair finds.
    @Test func largeObjectsMatchPairwiseComparison() {
        // Spellings of a few keys, raw and escaped, equal after unescaping.
        let spellings: [(spelled: String, key: String)] = [
            ("a", "a"), ("\\u0061", "a"), ("é", "é"), ("\\u00e9", "é"), ("\\u00E9", "é"), ("😀", "😀"),
            ("\\uD83D\\uDE00", "😀"), ("\\/", "/"), ("/", "/"), ("", ""),
        ] + (0..<40).map { ("k\($0)", "k\($0)") }
        var random = SplitMix64(seed: 0xB16)
        for _ in 0..<40 {
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            var seen: Set<String> = []
            var expected: [(offset: Int, pointer: String)] = []
            for i in 0..<Int.random(in: 33...120, using: &random) {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                let (spelled, key) = spellings.randomElement(using: &random)!
                if !seen.insert(key).inserted { expected.append((bytes.count, JSONPointer.appending(key, to: ""))) }
                bytes += Array("\"\(spelled)\":\(i)".utf8)
            }
            bytes.append(UInt8(ascii: "}"))
            let findings = ReaderHarness.readWithEveryBlockSize(bytes, mode: .body).documents.flatMap(\.findings)
            #expect(findings.map(\.offset) == expected.map(\.offset))
            #expect(findings.map(\.pointer) == expected.map(\.pointer))
        }
    }

    /// Every unknown field is a finding with a pointer; a pointer found by
    /// walking the members before it made this quadratic (hours at a million).
    @Test func aHundredThousandUnknownFields() throws {
        let count = 100_000
        var text = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102""#
        for i in 0..<count { text += ",\"x\(i)\":\(i)" }
        text += "}"
        var documents: [[Finding]] = []
        let seconds = ThreadCPUTime.measure { documents = (try? checkDocuments(Array(text.utf8), mode: .body)) ?? [] }
        let findings = try #require(documents.first)
        #expect(findings.count == count && findings.allSatisfy { $0.rule == "unknown-field" })
        #expect(findings.last?.pointer == "/x\(count - 1)")
        #expect(seconds < Self.timeLimit, "\(seconds) s of CPU")
    }
}
