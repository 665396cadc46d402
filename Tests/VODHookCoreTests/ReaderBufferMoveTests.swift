import Testing
import VODHookCore

/// A value that ends exactly where the buffered input ends makes the reader
/// read on to see what follows, which moves the buffer under the parsed
/// document. These sources used to crash `check` or misplace every key.
@Suite struct ReaderBufferMoveTests {
    static let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#

    @Test func lastDocumentWithoutANewline() throws {
        let documents = try checkDocuments(Self.valid + "\n" + Self.valid)
        #expect(documents.count == 2)
        #expect(documents.allSatisfy { $0.isEmpty }, "\(documents)")
    }

    @Test func bodyAfterAByteOrderMark() throws {
        let findings = try checkDocuments(Array("\u{FEFF}".utf8) + Array(Self.valid.utf8), mode: .body).first ?? []
        #expect(findings.map(\.rule) == ["json-bom"], "\(findings)")
    }

    @Test func strayDataAfterTheLastDocument() throws {
        let documents = try checkDocuments(Self.valid + "\n" + Self.valid + " x")
        #expect(documents.count == 2)
        #expect(documents.last?.map(\.rule) == ["json-syntax"], "\(documents)")
    }

    @Test(arguments: [16, 17, 31, 64, 100, 173, 4096])
    func findingsDoNotDependOnTheBlockSize(_ blockSize: Int) throws {
        let source = Array((Self.valid + "\n" + Self.valid.replacing("success", with: "Success") + " \n[1]\n" + Self.valid + " x\n" + Self.valid).utf8)
        let expected = try checkDocuments(source, mode: .stream, blockSize: 1 << 20)
        #expect(try checkDocuments(source, mode: .stream, blockSize: blockSize) == expected)
        let body = Array(("\u{FEFF}" + Self.valid).utf8)
        #expect(try checkDocuments(body, mode: .body, blockSize: blockSize) == checkDocuments(body, mode: .body, blockSize: 1 << 20))
    }
}
