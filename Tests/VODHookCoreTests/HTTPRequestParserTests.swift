import Testing
import VODHookCore

/// The one request parser `listen` frames with, fed as a server feeds it:
/// every split of a request across two reads, and every byte on its own,
/// must give the outcome the whole request gives at once (the property
/// swift-nio's ByteToMessageDecoderVerifier checks for its decoders).
@Suite struct HTTPRequestParserTests {
    static let body = #"{"EventType":"DeleteMediaComplete","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#
    static let small = HTTPRequestParser.Limits(headBytes: 256, bodyBytes: 512, requestBytes: 1024)

    /// The outcome of `request` fed in the pieces `splits` cut it into.
    static func feed(_ request: [UInt8], splits: [Int], limits: HTTPRequestParser.Limits = .init()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        var received: [UInt8] = []
        var start = 0
        for end in splits + [request.count] where end >= start {
            received += request[start..<end]
            start = end
            let outcome = parser.advance(received)
            if outcome != .needsMore { return outcome }
        }
        return .needsMore
    }

    /// Whole, every two-piece split, and byte by byte agree.
    static func expectSplitInvariant(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPRequestParser.Outcome {
        let request = Array(text.utf8)
        let whole = feed(request, splits: [], limits: limits)
        for split in 0...request.count {
            #expect(feed(request, splits: [split], limits: limits) == whole, "split at \(split)")
        }
        #expect(feed(request, splits: Array(0...request.count), limits: limits) == whole, "byte by byte")
        return whole
    }

    static func post(_ headers: String, _ body: String = body) -> String {
        "POST /cb HTTP/1.1\r\nHost: example.test\r\n\(headers)\r\n\(body)"
    }

    /// Captures report the parser's refusals as findings, so where a refusal points must not depend on how the bytes arrived.
    @Test func aRefusalSaysWhereItsProblemIsHoweverTheBytesArrive() {
        let cases: [(text: String, at: String)] = [
            (Self.post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nPOST /phantom HTTP/1.1\r\n\r\n"), "POST /phantom"),
            (Self.post("Host: again\r\nContent-Length: 0\r\n", ""), "Host: again"),
            (Self.post("Transfer-Encoding: chunked\r\n", "zz\r\n"), "zz"),
        ]
        for (text, marker) in cases {
            let request = Array(text.utf8)
            let needle = Array(marker.utf8)
            let expected = request.indices.first { request[$0...].starts(with: needle) }
            for split in [0, request.count / 2, request.count] {
                var parser = HTTPRequestParser()
                if split > 0 { _ = parser.advance(Array(request[..<split])) }
                _ = parser.advance(request)
                #expect(parser.problem?.offset == expected, "\(marker), split at \(split)")
            }
        }
    }

    @Test func aContentLengthRequestEndsWhereItsBodyDoes() {
        let text = Self.post("Content-Length: \(Self.body.utf8.count)\r\n")
        guard case .complete(let end, let head) = Self.expectSplitInvariant(text + "POST /next") else {
            Issue.record("not complete")
            return
        }
        #expect(end == text.utf8.count, "a pipelined request after it is left alone")
        #expect(head.target == "/cb")
    }

    @Test func aChunkedRequestWithExtensionsAndTrailersEndsAfterItsTrailers() {
        let text = Self.post("Transfer-Encoding: chunked\r\n", "10;name=value\r\n0123456789abcdef\r\n3\r\nxyz\r\n0\r\nX-Checksum: 1\r\n\r\n")
        #expect(Self.expectSplitInvariant(text + "GET / HTTP/1.1\r\n") == .complete(end: text.utf8.count, head: headOf(text)))
    }

    @Test func aRequestLineInsideTheTrailersIsRefusedNotReadAsASecondRequest() {
        let text = Self.post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nPOST /phantom HTTP/1.1\r\n\r\n")
        #expect(Self.expectSplitInvariant(text) == .refused(status: 400, reason: "a request line inside the chunked body's trailers"))
    }

    @Test func trailersAndChunkExtensionsCountAgainstTheRequestLimit() {
        let trailers = String(repeating: "X-Flood: " + String(repeating: "a", count: 60) + "\r\n", count: 40)
        let flooded = Self.post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\n" + trailers + "\r\n")
        guard case .refused(413, _) = Self.expectSplitInvariant(flooded, limits: Self.small) else {
            Issue.record("trailers beyond the request limit were not refused")
            return
        }
        let extensions = String(repeating: "1;" + String(repeating: "e", count: 60) + "\r\nx\r\n", count: 40)
        guard case .refused(413, _) = Self.expectSplitInvariant(Self.post("Transfer-Encoding: chunked\r\n", extensions + "0\r\n\r\n"), limits: Self.small) else {
            Issue.record("chunk extensions beyond the request limit were not refused")
            return
        }
    }

    @Test func contentLengthWithTransferEncodingIsRefused() {
        let text = Self.post("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\n\r\n")
        #expect(Self.expectSplitInvariant(text) == .refused(status: 400, reason: "the request has both Content-Length and Transfer-Encoding"))
    }

    @Test func anHTTP11RequestNeedsExactlyOneHost() {
        #expect(Self.expectSplitInvariant("POST /cb HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
            == .refused(status: 400, reason: "an HTTP/1.1 request without a Host header"))
        #expect(Self.expectSplitInvariant(Self.post("Host: other.test\r\nContent-Length: 0\r\n", ""))
            == .refused(status: 400, reason: "the request has 2 Host headers; HTTP/1.1 allows one"))
        guard case .complete = Self.expectSplitInvariant("POST /cb HTTP/1.0\r\nContent-Length: 0\r\n\r\n") else {
            Issue.record("HTTP/1.0 needs no Host")
            return
        }
    }

    @Test func aFoldedHeaderLineIsRefused() {
        guard case .refused(400, let reason) = Self.expectSplitInvariant(Self.post("X-Long: a\r\n  b\r\nContent-Length: 0\r\n", "")) else {
            Issue.record("obsolete line folding was accepted")
            return
        }
        #expect(reason.contains("obsolete line folding"))
    }

    @Test func limitsOnHeadAndBodyAnswer431And413() {
        let bigHead = Self.post("X-Pad: " + String(repeating: "a", count: 300) + "\r\nContent-Length: 0\r\n", "")
        #expect(Self.expectSplitInvariant(bigHead, limits: Self.small) == .refused(status: 431, reason: "the request head is over 256 bytes"))
        #expect(Self.expectSplitInvariant(Self.post("Content-Length: 600\r\n", ""), limits: Self.small)
            == .refused(status: 413, reason: "the body is 600 bytes, over 512 bytes"))
        guard case .refused(413, _) = Self.expectSplitInvariant(Self.post("Transfer-Encoding: chunked\r\n", "300\r\n"), limits: Self.small) else {
            Issue.record("a chunk over the body limit was not refused")
            return
        }
    }

    @Test func whatIsNotHTTPIsRefusedAtItsFirstByte() {
        #expect(Self.expectSplitInvariant("\u{16}\u{03}\u{01}hello") == .refused(status: 400, reason: "not an HTTP request (its first byte is '\\x16')"))
        #expect(Self.expectSplitInvariant("POST nothing\r\n") == .refused(status: 400, reason: "not an HTTP request line"))
    }

    /// Random requests and random cuts: the outcome never depends on where the reads fell.
    @Test func randomSplitsOfRandomRequestsAgree() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let pieces = ["POST /cb HTTP/1.1\r\n", "Host: h\r\n", "Host: i\r\n", "Content-Length: 4\r\n", "Transfer-Encoding: chunked\r\n",
                      "\r\n", "4\r\nabcd\r\n", "0\r\n", "X-T: 1\r\n", "GET / HTTP/1.1\r\n", " folded\r\n", "abcd", "ffffffffff\r\n", "\n"]
        for _ in 0..<300 {
            let text = (0..<(3 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
            let request = Array(text.utf8)
            let whole = Self.feed(request, splits: [], limits: Self.small)
            let cuts = (0..<next(6)).map { _ in next(request.count + 1) }.sorted()
            #expect(Self.feed(request, splits: cuts, limits: Self.small) == whole, "\(text.debugDescription) cut at \(cuts)")
        }
    }

    private func headOf(_ text: String) -> HTTPRequestHead {
        let bytes = Array(text.utf8)
        let end = HTTPRequestParser.headEnd(in: bytes, from: 0) ?? bytes.count
        return try! HTTPRequestHead.parse(Array(bytes[..<end])).get()
    }
}
