import Testing
@testable import VODHookCore

@Suite struct HTTPCaptureTests {
    static let json = #"{"EventType":"FileUploadComplete","VideoId":"abc"}"#

    private func read(_ text: String) -> [HTTPCaptureItem] {
        HTTPCapture.read(Array(text.utf8))
    }

    private func requests(_ items: [HTTPCaptureItem]) -> [HTTPRequest] {
        items.compactMap { if case .request(let request) = $0 { request } else { nil } }
    }

    private func errors(_ items: [HTTPCaptureItem]) -> [(error: HTTPSyntaxError, start: Int)] {
        items.compactMap { if case .malformed(let error, let start) = $0 { (error, start) } else { nil } }
    }

    private func offset(of needle: String, in text: String, occurrence: Int = 0) -> Int {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        var found = -1
        for start in 0...(haystack.count - pattern.count) where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            found += 1
            if found == occurrence { return start }
        }
        Issue.record("\(needle) not found")
        return -1
    }

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body, as: UTF8.self)
    }

    @Test func crlfRequestWithContentLength() throws {
        let text = "POST /callback?a=1 HTTP/1.1\r\nHost: example.com\r\nX-VOD-TIMESTAMP: 1519375990\r\n"
            + "Content-Length: \(Self.json.utf8.count)\r\n\r\n\(Self.json)"
        let items = read(text)
        #expect(items.count == 1)
        let request = try #require(requests(items).first)
        #expect(request.method == "POST")
        #expect(request.target == "/callback?a=1")
        #expect(request.version == "HTTP/1.1")
        #expect(request.startOffset == 0)
        #expect(body(request) == Self.json)
        #expect(request.headers.map(\.name) == ["Host", "X-VOD-TIMESTAMP", "Content-Length"])
        let timestamp = try #require(request.header("x-vod-timestamp"))
        #expect(timestamp.value == "1519375990")
        #expect(timestamp.nameOffset == offset(of: "X-VOD-TIMESTAMP", in: text))
        #expect(timestamp.valueOffset == offset(of: "1519375990", in: text))
        let bodyStart = offset(of: "{", in: text)
        #expect(request.bodySegments == [BodySegment(bodyStart: 0, captureStart: bodyStart, length: Self.json.utf8.count)])
        #expect(request.captureOffset(ofBodyOffset: 5) == bodyStart + 5)
    }

    @Test func bareLineFeedsAndMixedLineEnds() throws {
        let text = "POST /a HTTP/1.0\nHost: x\r\nContent-Length: 2\n\r\nok"
        let request = try #require(requests(read(text)).first)
        #expect(request.version == "HTTP/1.0")
        #expect(request.header("host")?.value == "x")
        #expect(body(request) == "ok")
    }

    @Test func headerNamesAreCaseInsensitiveAndValuesTrimmed() throws {
        let text = "POST / HTTP/1.1\r\nx-vod-signature: \t abc \t\r\nX-Vod-Signature: second\r\nEmpty:\r\n\r\n"
        let request = try #require(requests(read(text)).first)
        #expect(request.header("X-VOD-SIGNATURE")?.value == "abc")
        #expect(request.header("X-VOD-SIGNATURE")?.valueOffset == offset(of: "abc", in: text))
        #expect(request.header("x-VOD-signature") == request.headers[0])
        #expect(request.header("empty")?.value == "")
        #expect(request.header("empty")?.valueOffset == offset(of: "\r\n\r\n", in: text))
        #expect(request.header("missing") == nil)
        #expect(request.header("X-VOD-SIGNATUR") == nil)
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let text = "POST /cb HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1 ; x\r\n,\r\nA\r\n world!!!!\r\n0\r\nExpires: never\r\n\r\n"
        let items = read(text)
        #expect(items.count == 1)
        let request = try #require(requests(items).first)
        #expect(body(request) == "hello, world!!!!")
        let first = offset(of: "hello", in: text)
        let second = offset(of: ",\r\n", in: text)
        let third = offset(of: " world", in: text)
        #expect(request.bodySegments == [
            BodySegment(bodyStart: 0, captureStart: first, length: 5),
            BodySegment(bodyStart: 5, captureStart: second, length: 1),
            BodySegment(bodyStart: 6, captureStart: third, length: 10),
        ])
    }

    @Test func captureOffsetMapsChunkedBodies() throws {
        let text = "POST / HTTP/1.1\nTransfer-Encoding: chunked\n\n3\nabc\n2\r\nde\r\n0\n\n"
        let request = try #require(requests(read(text)).first)
        #expect(body(request) == "abcde")
        let abc = offset(of: "abc", in: text)
        let de = offset(of: "de", in: text)
        #expect(request.captureOffset(ofBodyOffset: 0) == abc)
        #expect(request.captureOffset(ofBodyOffset: 2) == abc + 2)
        #expect(request.captureOffset(ofBodyOffset: 3) == de)
        #expect(request.captureOffset(ofBodyOffset: 4) == de + 1)
        #expect(request.captureOffset(ofBodyOffset: 5) == de + 2)
        // Out of range is clamped, not trapped.
        #expect(request.captureOffset(ofBodyOffset: -7) == abc)
        #expect(request.captureOffset(ofBodyOffset: 99) == de + 2)
        for offset in 0..<request.body.count {
            #expect(Array(text.utf8)[request.captureOffset(ofBodyOffset: offset)] == request.body[offset])
        }
    }

    @Test func emptyBodiesStillHaveAPlace() throws {
        let text = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        let found = requests(read(text))
        #expect(found.count == 2)
        #expect(found[0].body.isEmpty)
        #expect(found[0].bodySegments.count == 1)
        #expect(found[0].captureOffset(ofBodyOffset: 0) == offset(of: "POST", in: text))
        #expect(found[1].body.isEmpty)
        #expect(found[1].captureOffset(ofBodyOffset: 0) == offset(of: "0\r\n", in: text))
    }

    /// Captures are framed by listen's parser: what it refuses is a finding here, at the offending header.
    @Test func contentLengthWithChunkedIsAFinding() throws {
        let text = "POST / HTTP/1.1\r\nContent-Length: 100\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
        #expect(read(text) == [.malformed(
            HTTPSyntaxError(offset: offset(of: "Transfer-Encoding", in: text), message: "the request has both Content-Length and Transfer-Encoding"),
            requestStart: 0)])
        let chunkedOnly = try #require(requests(read("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n")).first)
        #expect(body(chunkedOnly) == "hi")
    }

    /// A request line among the trailers is a finding where it stands, and is not read as a request of its own.
    @Test func aRequestLineInsideTrailersIsAFinding() throws {
        let first = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n"
        let phantom = "POST /phantom HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}\r\n\r\n"
        let next = "POST /next HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]"
        let text = first + phantom + next
        let items = read(text)
        #expect(items.first == .malformed(
            HTTPSyntaxError(offset: first.utf8.count, message: "a request line inside the chunked body's trailers"), requestStart: 0))
        #expect(requests(items).map(\.target) == ["/next"])
    }

    /// A capture may lack Host (HTTP/1.0, or written by hand): it is read; two Host headers are a finding (docs/input.md).
    @Test func hostIsOptionalInACaptureButNotRepeated() throws {
        let request = try #require(requests(read("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")).first)
        #expect(body(request) == "{}")
        let twice = "POST /a HTTP/1.1\r\nHost: x\r\nHost: y\r\nContent-Length: 2\r\n\r\n{}"
        #expect(read(twice) == [.malformed(
            HTTPSyntaxError(offset: offset(of: "Host: y", in: twice), message: "the request has 2 Host headers; HTTP/1.1 allows one"),
            requestStart: 0)])
    }

    @Test func twoRequestsBackToBack() throws {
        let one = "POST /one HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
        let two = "POST /two HTTP/1.1\r\nContent-Length: 3\r\n\r\ndef"
        for separator in ["", "\r\n", "\n\n\r\n", " \t\n"] {
            let found = requests(read(one + separator + two))
            #expect(found.map(\.target) == ["/one", "/two"], "separator \(Array(separator.utf8))")
            #expect(found.map(body) == ["abc", "def"])
            #expect(found.last?.startOffset == one.utf8.count + separator.utf8.count)
        }
    }

    @Test func bodyWithoutLengthRunsToTheNextRequestLine() throws {
        let text = "POST /one HTTP/1.1\nHost: x\n\n\(Self.json)\n\nPOST /two HTTP/1.1\nHost: x\n\n[1,\n2]\n"
        let found = requests(read(text))
        #expect(found.map(\.target) == ["/one", "/two"])
        #expect(found.map(body) == [Self.json, "[1,\n2]"])
        #expect(found[1].startOffset == offset(of: "POST /two", in: text))
    }

    @Test func contentLengthPastTheEndIsReportedAndTheNextRequestStillRead() throws {
        let first = "POST /bad HTTP/1.1\r\nContent-Length: 999\r\n\r\n\(Self.json)\r\n"
        let second = "POST /good HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"
        let text = first + second
        let items = read(text)
        #expect(items.count == 2)
        let available = text.utf8.count - offset(of: "{", in: text)
        #expect(items.first == .malformed(
            HTTPSyntaxError(
                offset: offset(of: "999", in: text),
                message: "Content-Length 999 runs past the end of the capture (\(available) bytes of body)"),
            requestStart: 0))
        #expect(requests(items).map(\.target) == ["/good"])
        #expect(requests(items).map(body) == ["{}"])
    }

    @Test func contentLengthThatWouldSwallowTheNextRequestIsReported() throws {
        let text = "POST /bad HTTP/1.1\r\nContent-Length: 30\r\n\r\n{}\r\nPOST /good HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"
        let items = read(text)
        let next = offset(of: "POST /good", in: text)
        let bodyStart = offset(of: "{}", in: text)
        #expect(errors(items).map(\.error) == [HTTPSyntaxError(
            offset: offset(of: "30", in: text),
            message: "Content-Length 30 runs into the next request at offset \(next) (\(next - bodyStart) bytes of body before it)")])
        #expect(requests(items).map(\.target) == ["/good"])
    }

    @Test func contentLengthErrors() {
        let cases: [(String, String)] = [
            ("Content-Length: abc", "Content-Length 'abc' is not a number"),
            ("Content-Length: -1", "Content-Length '-1' is not a number"),
            ("Content-Length: ", "Content-Length '' is not a number"),
            ("Content-Length: 1 2", "Content-Length '1 2' is not a number"),
            ("Content-Length: 99999999999999999999", "Content-Length '99999999999999999999' is too large"),
            ("Content-Length: 2\r\nContent-Length: 3", "conflicting Content-Length values 2 and 3"),
            ("Content-Length: 2, 3", "conflicting Content-Length values 2 and 3"),
            ("Transfer-Encoding: gzip", "Transfer-Encoding 'gzip' does not end in 'chunked', so the body length is unknown"),
        ]
        for (header, message) in cases {
            let text = "POST / HTTP/1.1\r\n\(header)\r\n\r\nabcdef"
            let found = errors(read(text))
            #expect(found.map(\.error.message) == [message], "\(header)")
            #expect(found.first?.start == 0)
        }
        #expect(requests(read("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\ncontent-length: 2\r\n\r\nab")).map(body) == ["ab"])
    }

    @Test func badChunkSize() {
        let text = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 0\r\n\r\n"
        let items = read(text)
        #expect(items.first == .malformed(
            HTTPSyntaxError(offset: offset(of: "zz", in: text), message: "invalid chunk size 'zz' (expected hex digits)"),
            requestStart: 0))
        #expect(requests(items).map(\.target) == ["/b"])
    }

    @Test func chunkErrors() {
        func firstError(_ chunks: String) -> HTTPSyntaxError? {
            errors(read("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)).first?.error
        }
        let prefix = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".utf8.count
        #expect(firstError("3\r\nabcd\r\n0\r\n\r\n") == HTTPSyntaxError(offset: prefix + 6, message: "missing line end after 3 bytes of chunk data"))
        #expect(firstError("3\r\nabc") == HTTPSyntaxError(offset: prefix + 6, message: "missing line end after 3 bytes of chunk data"))
        #expect(firstError("3x\r\nabc\r\n") == HTTPSyntaxError(offset: prefix + 1, message: "invalid 'x' after chunk size"))
        #expect(firstError("9\r\nabc\r\n") == HTTPSyntaxError(offset: prefix, message: "chunk size 9 runs past the end of the capture (5 bytes left)"))
        #expect(firstError("3\r\nabc\r\n") == HTTPSyntaxError(offset: prefix + 8, message: "chunked body ends without its last chunk (a '0' size line)"))
        #expect(firstError("3") == HTTPSyntaxError(offset: prefix + 1, message: "chunk size line has no line end"))
        #expect(firstError("fffffffffffffffffffff\r\n")?.message == "chunk size is too large")
        #expect(firstError(";x\r\n")?.message == "invalid chunk size ';x' (expected hex digits)")
    }

    @Test func lastChunkWithoutClosingBlankLineIsAccepted() throws {
        let request = try #require(requests(read("POST / HTTP/1.1\nTransfer-Encoding: chunked\n\n2\nhi\n0\n")).first)
        #expect(body(request) == "hi")
    }

    @Test func noBlankLineAfterHeaders() {
        let atEnd = "POST / HTTP/1.1\r\nHost: x\r\n"
        #expect(read(atEnd) == [.malformed(
            HTTPSyntaxError(offset: atEnd.utf8.count, message: "the capture ends before the blank line that closes the headers"),
            requestStart: 0)])

        let bodyGlued = "POST / HTTP/1.1\r\nHost: x\r\n\(Self.json)"
        #expect(read(bodyGlued) == [.malformed(
            HTTPSyntaxError(
                offset: offset(of: "{", in: bodyGlued),
                message: "expected a header line 'Name: value' or the blank line before the body"),
            requestStart: 0)])

        let nextRequest = "POST /a HTTP/1.1\r\nHost: x\r\nPOST /b HTTP/1.1\r\nHost: y\r\n\r\n"
        let items = read(nextRequest)
        #expect(items.first == .malformed(
            HTTPSyntaxError(
                offset: offset(of: "POST /b", in: nextRequest),
                message: "a new request starts before the blank line that closes the headers"),
            requestStart: 0))
        #expect(requests(items).map(\.target) == ["/b"])
    }

    @Test func badHeaderLines() {
        // (line, index of the problem within the line, message)
        let cases: [(String, Int, String)] = [
            ("Host : x", 4, "whitespace in header name or before its ':'"),
            ("Ho\"st: x", 2, "invalid '\"' in header name"),
            (": x", 0, "header line has an empty name"),
            (" folded", 0, "header line starts with whitespace (obsolete line folding is not supported)"),
            ("X-A: a\u{1}b", 6, "control character 0x01 in header value"),
            ("X-A: a\rb", 6, "control character 0x0d in header value"),
            ("[1, 2]", 0, "expected a header line 'Name: value' or the blank line before the body"),
        ]
        let prefix = "POST / HTTP/1.1\r\nHost: x\r\n"
        for (line, index, message) in cases {
            let text = prefix + line + "\r\n\r\n"
            let position = prefix.utf8.count + index
            #expect(read(text) == [.malformed(HTTPSyntaxError(offset: position, message: message), requestStart: 0)], "\(line)")
        }
    }

    @Test func textThatIsNotARequest() {
        let text = "captured by proxy\n=====\nPOST / HTTP/1.1\nContent-Length: 0\n\nHTTP/1.1 200 OK\n"
        let items = read(text)
        #expect(items.count == 3)
        #expect(items[0] == .malformed(
            HTTPSyntaxError(offset: 0, message: "expected a request line such as 'POST /callback HTTP/1.1'"), requestStart: 0))
        #expect(requests(items).count == 1)
        let response = offset(of: "HTTP/1.1 200", in: text)
        #expect(items[2] == .malformed(
            HTTPSyntaxError(offset: response, message: "an HTTP response, not a request; only requests are read"),
            requestStart: response))
    }

    @Test func blankCapturesAreEmpty() {
        #expect(read("").isEmpty)
        #expect(read("\r\n\n  \n").isEmpty)
    }

    @Test func invalidUTF8IsRepaired() throws {
        var bytes = Array("POST /caf".utf8) + [0xc3] + Array(" HTTP/1.1\r\nX-Name: a".utf8) + [0xff]
        bytes += Array("b\r\n\r\n".utf8)
        let request = try #require(requests(HTTPCapture.read(bytes)).first)
        #expect(request.target == "/caf\u{FFFD}")
        #expect(request.header("x-name")?.value == "a\u{FFFD}b")
    }

    @Test func startsWithRequestLine() {
        func starts(_ text: String) -> Bool { HTTPCapture.startsWithRequestLine(ArraySlice(text.utf8)) }
        #expect(starts("POST /callback HTTP/1.1\r\n"))
        #expect(starts("\r\n\n  \nGET / HTTP/1.0"))
        #expect(starts("M-SEARCH * HTTP/1.1\n"))
        #expect(starts("GET / HTTP/1.1  \n"))
        #expect(!starts(""))
        #expect(!starts("\n\n"))
        #expect(!starts(Self.json))
        #expect(!starts("  POST / HTTP/1.1"))
        #expect(!starts("post / HTTP/1.1"))
        #expect(!starts("POST / HTTP/2"))
        #expect(!starts("POST  / HTTP/1.1"))
        #expect(!starts("POST / HTTP/1.1 x"))
        #expect(!starts("POST /\u{1}x HTTP/1.1"))
        #expect(!starts("HTTP/1.1 200 OK"))
        #expect(!starts("eyJFdmVudFR5cGUiOiJGaWxlVXBsb2FkQ29tcGxldGUifQ=="))
        // JSON texts of every kind, including ones that mention a request line.
        for json in ["{}", "[]", "\"GET / HTTP/1.1\"", "1", "-1", "true", "false", "null",
                     "\n  {\"a\": \"POST / HTTP/1.1\"}", "[\n\"x\",\nGET / HTTP/1.1\n]"] {
            #expect(!starts(json), "\(json)")
        }
        // Slices are read in their own indices.
        let buffer = Array("{}\nPOST / HTTP/1.1\n".utf8)
        #expect(HTTPCapture.startsWithRequestLine(buffer[3...]))
    }
}
