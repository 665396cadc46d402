import Testing
@testable import VODHookCore

/// The reader's size limits, each at the limit and one past it.
@Suite struct ReaderLimitTests {
    static func read(_ bytes: [UInt8], mode: ReadingMode = .stream, maxDocumentBytes: Int = DocumentReader.maxDocumentBytes,
                     maxValues: Int = JSONParser.maxValues) throws -> [(rules: [String], offsets: [Int], parsed: Bool)] {
        let reader = DocumentReader(input: BytesInput(bytes), mode: mode, blockSize: 64, maxDocumentBytes: maxDocumentBytes, maxValues: maxValues)
        var documents: [(rules: [String], offsets: [Int], parsed: Bool)] = []
        try reader.forEach { document in
            documents.append((document.findings.map(\.rule.rawValue), document.findings.map(\.offset), document.json != nil))
        }
        return documents
    }

    @Test func theLimitsAreTheDocumentedOnes() {
        #expect(DocumentReader.maxDocumentBytes == 256 << 20)
        #expect(JSONParser.maxValues == 2_097_152)
        #expect(RuleCatalog.description(of: .jsonSize)?.summary.contains("256 MiB") == true)
    }

    // MARK: Values

    /// A smaller cap, to keep the debug build fast: the rule's own failing
    /// example and `make stress` take the real one.
    @Test(arguments: [10, 1000, 65536])
    func valuesAtTheLimitAreReadAndOnePastIsAFinding(_ limit: Int) throws {
        func zeros(_ count: Int) -> [UInt8] { Array(("[" + String(repeating: "0,", count: count - 1) + "0]").utf8) }
        // The array itself is a value: limit - 1 zeros fill the tape exactly.
        let atLimit = try Self.read(zeros(limit - 1), mode: .body, maxValues: limit)
        #expect(atLimit.map(\.rules) == [[]])
        let pastLimit = try Self.read(zeros(limit), mode: .body, maxValues: limit)
        #expect(pastLimit.map(\.rules) == [["json-size"]])
        #expect(pastLimit.first?.parsed == false)
        // At the zero that did not fit.
        #expect(pastLimit.first?.offsets == [1 + 2 * (limit - 1)])
    }

    @Test func keysCountAsValues() throws {
        let atLimit = Array(#"{"a":1,"b":2}"#.utf8)
        #expect(try Self.read(atLimit, maxValues: 5).map(\.rules) == [[]])
        let pastLimit = Array(#"{"a":1,"b":2,"c":3}"#.utf8)
        let documents = try Self.read(pastLimit + Array("\n{\"d\":4}\n".utf8), maxValues: 5)
        #expect(documents.map(\.rules) == [["json-size"], []])
        #expect(documents.first?.offsets == [13])
    }

    // MARK: Bytes

    static func document(ofSize size: Int) -> [UInt8] {
        let frame = Array(#"{"a":""}"#.utf8)
        return Array(frame[0..<6]) + [UInt8](repeating: UInt8(ascii: "x"), count: size - frame.count) + Array(frame[6...])
    }

    @Test(arguments: ReadingMode.allCases)
    func aDocumentAtTheByteLimitIsReadAndOnePastIsAFinding(_ mode: ReadingMode) throws {
        for limit in [100, 1000, 4096] {
            #expect(try Self.read(Self.document(ofSize: limit), mode: mode, maxDocumentBytes: limit).map(\.rules) == [[]])
            let past = try Self.read(Self.document(ofSize: limit + 1), mode: mode, maxDocumentBytes: limit)
            #expect(past.map(\.rules) == [["json-size"]], "limit \(limit)")
            #expect(past.first?.offsets == [limit])
        }
    }

    /// An unterminated string is the document that never ends: it is cut at
    /// the limit and the reader goes on with the next line.
    @Test func anEndlessDocumentIsCutAndTheNextLineIsRead() throws {
        let endless = Array(#"{"a":""#.utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 100_000)
        let documents = try Self.read(endless + Array("\n{\"b\":1}\n".utf8), maxDocumentBytes: 1000)
        #expect(documents.map(\.rules) == [["json-size"], []])
        // Whitespace inside a document counts too.
        let spaces = Array("{".utf8) + [UInt8](repeating: 0x20, count: 5000) + Array("}\n[1]\n".utf8)
        #expect(try Self.read(spaces, maxDocumentBytes: 1000).map(\.rules) == [["json-size"], []])
    }

    /// Spaces after a value are not held without end either.
    @Test func endlessSpacesAfterAValueAreNotHeld() throws {
        let bytes = Array(#"{"a":1}"#.utf8) + [UInt8](repeating: 0x20, count: 10_000) + Array("x\n{}\n".utf8)
        let documents = try Self.read(bytes, maxDocumentBytes: 1000)
        #expect(documents.count == 3)
        #expect(documents.first?.rules == [])
        #expect(documents.last?.rules == [])
    }

    @Test func endlessSpacesAfterACommaInAnArray() throws {
        let bytes = Array("[1,".utf8) + [UInt8](repeating: 0x20, count: 10_000) + Array("]\n{}\n".utf8)
        let documents = try Self.read(bytes, maxDocumentBytes: 1000)
        #expect(documents.map(\.rules) == [[], ["json-syntax"], []])
    }
}
