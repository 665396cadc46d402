import Testing
import VODHookCore

/// Regressions found while pinning rule positions: a document that ends
/// where the buffered input ends, after other bytes (a BOM, an earlier
/// document), used to be read with stale offsets; findings at the source's
/// start used to be placed where the buffer had moved to.
@Suite struct ReaderOffsetTests {
    static let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#

    @Test(arguments: [16, 64, 1 << 20])
    func lastStreamDocumentWithoutNewlineIsReadAtItsOwnOffsets(_ blockSize: Int) throws {
        let text = "{\"AppId\":\"1\"}\n" + Self.valid.replacing("\"video\"", with: "\"Video\"")
        let documents = try checkDocuments(Array(text.utf8), mode: .stream, blockSize: blockSize)
        #expect(documents.count == 2)
        #expect(documents[1].map(\.rule) == ["invalid-value"], "\(documents[1])")
        #expect(documents[1].first?.line == 2)
        #expect(documents[1].first?.column == 102)
    }

    @Test(arguments: [ReadingMode.body, .stream])
    func aBOMBeforeABodyDoesNotShiftItsKeys(_ mode: ReadingMode) throws {
        let documents = try checkDocuments([0xEF, 0xBB, 0xBF] + Array((Self.valid + "\n").utf8), mode: mode)
        #expect(documents.flatMap { $0 }.map(\.rule) == ["json-bom"], "\(documents)")
        #expect(documents[0].first.map { "\($0.line):\($0.column)" } == "1:1")
    }

    @Test(arguments: ["", "   ", "\n\n  ", "[]", "\n\n  []  ", "\u{FEFF}", "\u{FEFF}[]"])
    func findingsAtTheSourceStartAreAtLineOneColumnOne(_ text: String) throws {
        let findings = try checkDocuments(Array(text.utf8), mode: .stream).flatMap { $0 }
        #expect(!findings.isEmpty)
        for finding in findings { #expect(finding.line == 1 && finding.column == 1, "\(finding)") }
    }
}
