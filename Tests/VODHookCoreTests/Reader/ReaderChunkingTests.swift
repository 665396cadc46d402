import Testing
@testable import VODHookCore

/// How the input arrives (one read, a pipe's short reads, a tiny buffer that
/// must slide and grow) must never change what the reader reports, down to
/// every finding's line, column and offset.
@Suite struct ReaderChunkingTests {
    /// A stream that exercises every reader path: every rule's examples
    /// (pretty-printed and compact), broken lines, arrays, RS separators,
    /// stray data, whitespace runs, and a value that ends at end of input.
    static let mixedStream: [UInt8] = {
        var text = ""
        // json-size's example is megabytes, which every cut and tiny buffer
        // below would read again; the size limits have their own tests.
        for rule in RuleCatalog.all where rule.id != .jsonBOM && rule.id != .jsonSize {
            text += rule.failingExample + "\n" + rule.passingExample + "\n"
        }
        let line = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#
        var random = SplitMix64(seed: 0xC0FFEE)
        for index in 0..<200 {
            switch Int.random(in: 0..<12, using: &random) {
            case 0: text += String(line.prefix(Int.random(in: 1..<line.count, using: &random))) + "\n"
            case 1: text += line.replacing("\"all\"", with: "\"all\",", maxReplacements: 1) + "\n"
            case 2: text += "[" + line + ",\n" + line + "]\n"
            case 3: text += "\u{1E}" + line + "\n"
            case 4: text += line + " x\n"
            case 5: text += "  \t\r\n\n"
            case 6: text += line + line + "\n"
            case 7: text += "{\n  \"EventType\": \"DeleteMediaComplete\",\n  \"Status\": \"Success\",\n  \"Status\": \"fail\"\n}\n"
            default: text += line.replacing("08:00:01", with: "08:00:\(10 + index % 50)", maxReplacements: 1) + "\n"
            }
        }
        return Array((text + "42").utf8)
    }()

    @Test(arguments: [5, 64, 4096])
    func shortReadsAndSmallBuffersChangeNothing(_ largestRead: Int) throws {
        let expected = try read(Self.mixedStream, reads: [], blockSize: 1 << 24)
        #expect(expected.count > 200)
        for blockSize in [16, 256, 1 << 20] {
            let actual = try read(Self.mixedStream, largestRead: largestRead, blockSize: blockSize)
            #expect(actual == expected, "largest read \(largestRead), block size \(blockSize)")
        }
    }

    @Test func aValueEndingAtTheBufferEndKeepsItsTape() throws {
        // The first read ends right after the closing brace, so looking for
        // what follows slides the buffer after the value was parsed.
        let document = #"{"EventType":"DeleteMediaComplete","Status":"Success"}"#
        let stream = Array(("   " + document + "\n" + document + "\n").utf8)
        let whole = try read(stream, reads: [], blockSize: 1 << 20)
        let cut = try read(stream, reads: [3 + document.utf8.count], blockSize: 1 << 20)
        #expect(cut == whole)
        #expect(whole.count == 2 && whole[0].contains { $0.rule == "invalid-value" })
    }

    /// Findings per document, with positions resolved while the reader still holds the bytes.
    private func read(_ bytes: [UInt8], largestRead: Int, blockSize: Int) throws -> [[Finding]] {
        var random = SplitMix64(seed: UInt64(largestRead))
        var reads: [Int] = []
        var total = 0
        while total < bytes.count {
            let next = Int.random(in: 1...largestRead, using: &random)
            reads.append(next)
            total += next
        }
        return try read(bytes, reads: reads, blockSize: blockSize)
    }

    private func read(_ bytes: [UInt8], reads: [Int], blockSize: Int) throws -> [[Finding]] {
        let reader = DocumentReader(input: ShortReads(bytes: bytes, reads: reads), mode: .stream, blockSize: blockSize)
        let validator = Validator()
        var documents: [[Finding]] = []
        try reader.forEach { document in
            var diagnostics = document.findings
            if let json = document.json {
                diagnostics += validator.validate(json, pointerPrefix: document.pointerPrefix).diagnostics
            }
            diagnostics.sort()
            let start = reader.position(ofSourceOffset: document.startOffset)
            var findings = [Finding(rule: "document \(document.index)", severity: .note, line: start.line, column: start.column,
                                    message: "offset \(document.startOffset)", pointer: document.pointerPrefix)]
            findings += diagnostics.map { diagnostic in
                let position = reader.position(ofSourceOffset: diagnostic.offset)
                return Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                               column: position.column, message: diagnostic.message + " @\(diagnostic.offset)", pointer: diagnostic.pointer)
            }
            documents.append(findings)
        }
        return documents
    }
}

/// Hands out the bytes in reads of the given sizes (the last size repeats),
/// the way a pipe or a socket does.
private struct ShortReads: ByteInput {
    let bytes: [UInt8]
    let reads: [Int]
    var position = 0
    var readCount = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let wanted = reads.isEmpty ? buffer.count : reads[min(readCount, reads.count - 1)]
        readCount += 1
        let count = min(wanted, buffer.count, bytes.count - position)
        bytes.withUnsafeBytes { source in
            buffer.baseAddress?.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}
