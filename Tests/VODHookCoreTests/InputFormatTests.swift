import Testing
import VODHookCore

/// `--input auto` must never take a JSON stream for a capture.
@Suite struct InputFormatTests {
    static let jsonStarts = [
        "{}", "[]", "\"text\"", "0", "-1", "12.5e3", "true", "false", "null",
        " \n\t{\"EventType\":\"DeleteMediaComplete\"}", "\u{FEFF}{}", "\u{1E}{}\n\u{1E}{}",
        "[{\"a\":1},{\"b\":2}]", "\r\n\r\n{}",
    ]

    @Test(arguments: jsonStarts)
    func jsonTextIsJSON(_ text: String) {
        #expect(InputFormat.sniff(Array(text.utf8)) == .json)
    }

    @Test func generatedJSONStreamsAreNeverCaptures() throws {
        var generator = SplitMix64(seed: 42)
        let pieces = ["{\"a\":1}", "[1,2]", "\"s\"", "-0.5", "true", "null", "{\"EventType\":\"POST / HTTP/1.1\"}"]
        for _ in 0..<2000 {
            var text = String(repeating: [" ", "\n", "\t", "\r\n"][Int(generator.next() % 4)], count: Int(generator.next() % 3))
            for _ in 0..<(1 + generator.next() % 4) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))] + "\n"
            }
            #expect(InputFormat.sniff(Array(text.utf8)) == .json, "\(text)")
        }
    }

    @Test func requestLineIsHTTP() {
        #expect(InputFormat.sniff(Array("POST /cb HTTP/1.1\r\nHost: x\r\n\r\n{}".utf8)) == .http)
        #expect(InputFormat.sniff(Array("\n\nPOST /cb HTTP/1.1\nContent-Length: 2\n\n{}".utf8)) == .http)
    }

    @Test func base64OfAnObjectIsBase64() {
        let line = Array("eyJFdmVudFR5cGUiOiJEZWxldGVNZWRpYUNvbXBsZXRlIn0=\n".utf8)
        #expect(InputFormat.sniff(line) == .base64)
        #expect(InputFormat.isBase64Source(line + line))
        // A line that is Base64 of something other than an object is not a Base64 source.
        #expect(InputFormat.sniff(Array("aGVsbG8gd29ybGQ=\n".utf8)) == .json)
        #expect(!InputFormat.isBase64Source(line + Array("not base64!\n".utf8)))
    }

    @Test func capturedBodyFindingsPointIntoTheCapture() throws {
        let capture = "POST /cb HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 54\r\n\r\n{\"Status\":\"Success\",\"EventType\":\"DeleteMediaComplete\"}"
        var positions: [(String, SourcePosition)] = []
        let validator = Validator()
        HTTPCaptureDocuments.forEach(Array(capture.utf8)) { document, origin in
            var diagnostics = document.findings + (document.json.map { validator.validate($0).diagnostics } ?? [])
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
            for diagnostic in diagnostics { positions.append((diagnostic.rule.rawValue, origin.locator.position(ofSourceOffset: diagnostic.offset))) }
        }
        let invalid = try #require(positions.first { $0.0 == "invalid-value" })
        #expect(invalid.1 == SourcePosition(line: 5, column: 11))
    }

    @Test func chunkedBodyFindingsMapAcrossChunks() throws {
        let capture = "POST /cb HTTP/1.1\nTransfer-Encoding: chunked\n\n5\n{\"Sta\n31\ntus\":\"Success\",\"EventType\":\"DeleteMediaComplete\"}\n0\n\n"
        var found: [SourcePosition] = []
        let validator = Validator()
        HTTPCaptureDocuments.forEach(Array(capture.utf8)) { document, origin in
            var diagnostics = document.json.map { validator.validate($0).diagnostics } ?? []
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
            found += diagnostics.filter { $0.rule == .invalidValue }.map { origin.locator.position(ofSourceOffset: $0.offset) }
        }
        // "Success" starts in the second chunk, on line 7 of the capture.
        #expect(found == [SourcePosition(line: 7, column: 6)])
    }
}
