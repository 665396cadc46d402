import Testing
@testable import VODHookCore

@Suite struct Base64Tests {
    private func decode(_ text: String) -> Result<[UInt8], Base64Error> {
        Base64.decode(ArraySlice(text.utf8))
    }

    private func decoded(_ text: String) -> String? {
        guard case .success(let bytes) = decode(text) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func error(_ text: String) -> Base64Error? {
        guard case .failure(let error) = decode(text) else { return nil }
        return error
    }

    // RFC 4648 §10.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(decoded(encoded) == plain)
    }

    @Test(arguments: [("Zg", "f"), ("Zm8", "fo"), ("Zm9vYg", "foob"), ("Zm9vYmE", "fooba")])
    func paddingIsOptional(encoded: String, plain: String) {
        #expect(decoded(encoded) == plain)
    }

    @Test func urlSafeAlphabet() {
        // 0xfb 0xff 0xbf encodes to "+/+/" in the standard alphabet and "-_-_" in the URL-safe one.
        #expect(decode("+/+/") == .success([0xfb, 0xff, 0xbf]))
        #expect(decode("-_-_") == .success([0xfb, 0xff, 0xbf]))
        #expect(decode("-_8") == .success([0xfb, 0xff]))
        #expect(decode("-_8=") == .success([0xfb, 0xff]))
        #expect(decode("_w") == .success([0xff]))
    }

    @Test func mixedAlphabetsAreRejectedWhereTheSecondAppears() {
        #expect(error("ab+c-_==") == Base64Error(offset: 4, message: "URL-safe Base64 character '-' mixed with standard '+'"))
        #expect(error("_abc/abc") == Base64Error(offset: 4, message: "standard Base64 character '/' mixed with URL-safe '_'"))
        #expect(decoded("ab+/") != nil)
    }

    @Test func everyByteValueRoundTripsThroughBothAlphabets() {
        let bytes = (0...255).map(UInt8.init)
        let standard = Self.encode(bytes)
        #expect(decode(standard) == .success(bytes))
        let urlSafe = String(standard.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        #expect(decode(urlSafe) == .success(bytes))
    }

    @Test func nonZeroTrailingBitsAreAccepted() {
        // "Zh==" carries 'f' plus four stray 1-bits; "Zm9=" carries "fo" plus two.
        #expect(decoded("Zh==") == "f")
        #expect(decoded("Zm9=") == "fo")
    }

    @Test func surroundingWhitespaceIsIgnored() {
        #expect(decoded("  Zm9v\r\n") == "foo")
        #expect(decoded("\nZg==\n\n") == "f")
        #expect(decoded(" \t\r\n") == "")
    }

    @Test func whitespaceInsideIsRejected() {
        #expect(error("Zm9v\nYmFy") == Base64Error(offset: 4, message: "whitespace (line feed) inside Base64 text"))
        #expect(error("Zm 9v") == Base64Error(offset: 2, message: "whitespace (space) inside Base64 text"))
        #expect(error("Zm9v\r\nYmFy")?.offset == 4)
        #expect(error("Zg=\t=")?.offset == 3)
    }

    @Test func invalidCharacters() {
        #expect(error("Zm9#") == Base64Error(offset: 3, message: "invalid Base64 character '#'"))
        #expect(error("Z'") == Base64Error(offset: 1, message: "invalid Base64 character \"'\""))
        #expect(error("Zm\u{0}v") == Base64Error(offset: 2, message: "invalid byte 0x00 in Base64 text"))
        #expect(error("Zm9vé") == Base64Error(offset: 4, message: "invalid byte 0xc3 in Base64 text"))
        #expect(error("Zm.9")?.offset == 2)
    }

    @Test func impossibleLength() {
        let message = "impossible Base64 length: a single character left over in the last group of four"
        #expect(error("Z") == Base64Error(offset: 0, message: message))
        #expect(error("Zm9vY") == Base64Error(offset: 4, message: message))
        #expect(error("Zm9vY===") == Base64Error(offset: 4, message: message))
    }

    @Test func dataAfterPadding() {
        #expect(error("Zg==Zg==") == Base64Error(offset: 4, message: "Base64 data after '=' padding"))
        #expect(error("Zm=9") == Base64Error(offset: 3, message: "Base64 data after '=' padding"))
    }

    @Test func wrongPadding() {
        #expect(error("Zg=") == Base64Error(offset: 3, message: "incomplete '=' padding (expected 2, found 1)"))
        #expect(error("Zm8==") == Base64Error(offset: 4, message: "too much '=' padding (expected 1)"))
        #expect(error("Zg===") == Base64Error(offset: 4, message: "too much '=' padding (expected 2)"))
        #expect(error("Zm9v=") == Base64Error(offset: 4, message: "unexpected '=' padding after a complete group of four"))
        #expect(error("====") == Base64Error(offset: 0, message: "unexpected '=' padding after a complete group of four"))
        #expect(error("=")?.offset == 0)
    }

    @Test func offsetsAreInTheSlicesOwnIndices() {
        let buffer = Array("xxxxZm9#".utf8)
        #expect(Base64.decode(buffer[4...]) == .failure(Base64Error(offset: 7, message: "invalid Base64 character '#'")))
        #expect(Base64.decode(buffer[4..<7]) == .success(Array("fo".utf8)))
    }

    @Test func looksLikeBase64() {
        func looks(_ text: String) -> Bool { Base64.looksLikeBase64(ArraySlice(text.utf8)) }
        #expect(looks("Zm9vYmFy"))
        #expect(looks("Zg=="))
        #expect(looks("Zg"))
        #expect(looks("eyJFdmVudFR5cGUiOiJGaWxlVXBsb2FkQ29tcGxldGUifQ==\n"))
        #expect(!looks(""))
        #expect(!looks("\n"))
        #expect(!looks("Z"))
        #expect(!looks("Zg="))
        #expect(!looks("===="))
        #expect(!looks("{\"EventType\":\"FileUploadComplete\"}"))
        #expect(!looks("[1,2]"))
        #expect(!looks("POST / HTTP/1.1"))
        #expect(!looks("Zm9v YmFy"))
    }

    // Test-only encoder, so the round trip does not rely on the decoder alone.
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group = 0
            for (position, byte) in chunk.enumerated() { group |= Int(byte) << (16 - 8 * position) }
            for position in 0..<4 {
                text.append(position <= chunk.count ? alphabet[(group >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return text
    }
}
