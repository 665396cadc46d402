import Testing
@testable import VODHookCore

/// A reader of part of a stream (what `--jobs` gives each thread) must read
/// exactly what the whole-source reader reads from the same point: stopping
/// at its limit and going on from `resumePoint` in a second reader gives the
/// same documents, findings and positions as one reader.
@Suite struct PartReaderTests {
    @Test func twoPartsReadAsOne() throws {
        let stream = ReaderChunkingTests.mixedStream
        let whole = try read(stream, from: .sourceStart, limit: Int.max).documents
        // Every line start is a place a part may end.
        let cuts = stream.indices.filter { $0 > 0 && stream[$0 - 1] == 0x0A }
        #expect(cuts.count > 100)
        for cut in cuts.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            let first = try read(stream, from: .sourceStart, limit: cut)
            let second = try read(stream, from: first.resume, limit: Int.max)
            #expect(first.documents + second.documents == whole, "cut at \(cut)")
        }
    }

    @Test func aPartStartingAtALineCountsLinesFromThere() throws {
        let stream = Array("{\"a\":1}\n{\"b\":\n2,}\n{\"c\":3}\n".utf8)
        let whole = try read(stream, from: .sourceStart, limit: Int.max)
        let start = ReadStart(offset: 8, line: 2, column: 1)
        let part = try read(stream, from: start, limit: Int.max)
        #expect(Array(whole.documents.dropFirst()) == part.documents)
        #expect(part.values.first?.offset == 8 && part.values.count == part.documents.count)
    }

    /// Documents as findings with positions, the values read, and where reading goes on.
    private func read(_ stream: [UInt8], from start: ReadStart, limit: Int) throws
        -> (documents: [[Finding]], values: [TopLevelValue], resume: ReadStart)
    {
        let input = BytesInput(Array(stream[start.offset...]))
        let reader = limit == Int.max && start == .sourceStart
            ? DocumentReader(input: input, mode: .stream, blockSize: 64)
            : DocumentReader(input: input, from: start, stoppingBefore: limit, blockSize: 64)
        let validator = Validator()
        var documents: [[Finding]] = []
        try reader.forEach { document in
            var diagnostics = document.findings
            if let json = document.json { diagnostics += validator.validate(json, pointerPrefix: document.pointerPrefix).diagnostics }
            diagnostics.sort()
            let position = reader.position(ofSourceOffset: document.startOffset)
            documents.append([Finding(rule: "document", severity: .note, line: position.line, column: position.column,
                                      message: "\(document.startOffset)", pointer: document.pointerPrefix)]
                + diagnostics.map { diagnostic in
                    let position = reader.position(ofSourceOffset: diagnostic.offset)
                    return Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                                   column: position.column, message: diagnostic.message, pointer: diagnostic.pointer)
                })
        }
        return (documents, reader.values, reader.resumePoint)
    }
}
