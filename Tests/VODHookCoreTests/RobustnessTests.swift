import Testing
@testable import VODHookCore

/// Feeds the readers hostile input: they must never trap, and what they
/// return must stay consistent with the bytes they were given.
@Suite struct RobustnessTests {
    static let validCapture = Array((
        "\r\nPOST /one HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{\"a\":1}\r\n"
            + "POST /two HTTP/1.1\nTransfer-Encoding: chunked\n\n4;x=y\n{\"b\"\n3\r\n:2}\r\n0\nTrailer: t\n\n"
            + "GET /three HTTP/1.0\r\nX: y\r\n\r\n[1,\n2]\n"
    ).utf8)

    @Test func truncationsOfAValidCaptureAtEveryLength() {
        #expect(HTTPCapture.read(Self.validCapture).allSatisfy { if case .request = $0 { true } else { false } })
        #expect(HTTPCapture.read(Self.validCapture).count == 3)
        for length in 0...Self.validCapture.count {
            let capture = Array(Self.validCapture[..<length])
            Self.checkConsistent(capture, HTTPCapture.read(capture))
            _ = HTTPCapture.startsWithRequestLine(capture[...])
            // And with the front cut off, so reading starts mid-request.
            let tail = Array(Self.validCapture[length...])
            Self.checkConsistent(tail, HTTPCapture.read(tail))
        }
    }

    @Test func randomBytes() {
        var random = SplitMix64(seed: 0x5eed)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...200, using: &random)
            let capture = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            Self.checkConsistent(capture, HTTPCapture.read(capture))
            _ = HTTPCapture.startsWithRequestLine(capture[...])
            Self.checkBase64(capture[...])
        }
    }

    // Random strings over HTTP's own vocabulary reach far deeper into the
    // reader than random bytes do.
    @Test func randomHTTPShapedText() {
        let pieces = [
            "POST / HTTP/1.1", "GET /x HTTP/1.0", "\r\n", "\n", "\r", " ", ":", "Host: a",
            "Content-Length: ", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip", "0", "3", "a", "ff", ";e",
            "{}", "abc", "\u{0}", "\u{FF}", "HTTP/1.1 200 OK", "Content-Length: 99999999999999999999",
        ].map { Array($0.utf8) }
        var random = SplitMix64(seed: 42)
        for _ in 0..<5000 {
            var capture: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                capture += pieces.randomElement(using: &random)!
            }
            Self.checkConsistent(capture, HTTPCapture.read(capture))
        }
    }

    @Test func mutationsOfAValidCapture() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            var capture = Self.validCapture
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<capture.count, using: &random)
                switch Int.random(in: 0...2, using: &random) {
                case 0: capture[index] = UInt8.random(in: 0...255, using: &random)
                case 1: capture.remove(at: index)
                default: capture.insert(UInt8.random(in: 0...255, using: &random), at: index)
                }
            }
            Self.checkConsistent(capture, HTTPCapture.read(capture))
        }
    }

    @Test func randomBase64ShapedText() {
        let alphabet = Array("AZaz09+/-_=== \n#\u{0}".utf8)
        var random = SplitMix64(seed: 64)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            Self.checkBase64(text[...])
        }
    }

    @Test func base64RoundTripsRandomBytesWithAndWithoutPadding() {
        var random = SplitMix64(seed: 4648)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let padded = Base64Tests.encode(bytes)
            #expect(Base64.decode(ArraySlice(padded.utf8)) == .success(bytes))
            let unpadded = padded.filter { $0 != "=" }
            #expect(Base64.decode(ArraySlice(unpadded.utf8)) == .success(bytes))
        }
    }

    static func checkConsistent(_ capture: [UInt8], _ items: [HTTPCaptureItem]) {
        var previousStart = -1
        for item in items {
            switch item {
            case .request(let request):
                #expect(request.startOffset > previousStart && request.startOffset < capture.count)
                previousStart = request.startOffset
                for header in request.headers {
                    #expect(header.nameOffset > request.startOffset && header.valueOffset <= capture.count)
                }
                #expect(request.bodySegments.reduce(0) { $0 + $1.length } == request.body.count)
                for segment in request.bodySegments {
                    #expect(segment.captureStart >= 0 && segment.captureStart + segment.length <= capture.count)
                }
                for offset in request.body.indices {
                    #expect(capture[request.captureOffset(ofBodyOffset: offset)] == request.body[offset])
                }
            case .malformed(let error, let start):
                #expect(start > previousStart && start < capture.count)
                previousStart = start
                #expect(error.offset >= start && error.offset <= capture.count)
                #expect(error.message.first.map { !$0.isUppercase || error.message.hasPrefix("Content-Length") || error.message.hasPrefix("Transfer-Encoding") } ?? false)
            }
        }
    }

    static func checkBase64(_ text: ArraySlice<UInt8>) {
        switch Base64.decode(text) {
        case .success(let bytes):
            #expect(Base64.looksLikeBase64(text) == !text.allSatisfy { [0x20, 0x09, 0x0a, 0x0d].contains($0) })
            #expect(bytes.count <= text.count)
        case .failure(let error):
            #expect(!Base64.looksLikeBase64(text))
            #expect(error.offset >= text.startIndex && error.offset <= text.endIndex)
        }
    }
}
