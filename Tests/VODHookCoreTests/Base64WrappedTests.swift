import Foundation
import Testing
@testable import VODHookCore

/// Bodies wrapped over lines as `base64` (76 columns), `base64 -w N` and
/// MIME tools print them: decoded as one document in `--input base64` and
/// recognised by `--input auto`, with findings at the Base64 character
/// that encodes the offending byte.
@Suite struct Base64WrappedTests {
    static let widths = [0, 1, 2, 3, 4, 5, 7, 16, 60, 63, 64, 65, 72, 76, 100, 1000]
    static let lineEndings = ["\n", "\r\n"]

    /// Foundation's encoder, so the decoder is not checked against itself.
    static func wrap(_ payload: String, width: Int, lineEnding: String, finalNewline: Bool = true) -> String {
        let encoded = Data(payload.utf8).base64EncodedString()
        guard width > 0 else { return encoded + (finalNewline ? lineEnding : "") }
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(rest.prefix(width))
            rest = rest.dropFirst(width)
        }
        return lines.joined(separator: lineEnding) + (finalNewline ? lineEnding : "")
    }

    /// Callbacks of varied length and layout, one with a value the rules reject.
    static func payloads(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var generator = SampleGenerator(seed: seed)
        return (0..<count).map { _ in
            let callback = generator.next()
            let space = [" ", "", "\n  ", "\t"][Int(random.next() % 4)]
            let members = [
                "\"EventType\":\(space)\"DeleteMediaComplete\"", "\"EventTime\":\(space)\"\(callback.eventTimeText)\"",
                "\"Status\":\(space)\"success\"", "\"MediaType\":\(space)\"video\"", "\"DeleteType\":\(space)\"all\"",
                "\"MediaId\":\(space)\"\(callback.mediaId)\"",
            ]
            let padding = String(repeating: " ", count: Int(random.next() % 300))
            return "{" + members.joined(separator: "," + space) + padding + "}" + (random.next() % 2 == 0 ? "\n" : "")
        }
    }

    struct Found {
        var documents = 0
        var parsed = 0
        var findings: [(rule: String, position: SourcePosition, message: String)] = []
    }

    static func read(_ text: String) -> Found {
        var found = Found()
        let validator = Validator()
        Base64Documents.forEach(Array(text.utf8)) { document, origin in
            found.documents += 1
            if document.json != nil { found.parsed += 1 }
            var diagnostics = document.findings + (document.json.map { validator.validate($0).diagnostics } ?? [])
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
            for diagnostic in diagnostics {
                found.findings.append((diagnostic.rule.rawValue, origin.locator.position(ofSourceOffset: diagnostic.offset), diagnostic.message))
            }
        }
        return found
    }

    @Test(arguments: widths, lineEndings)
    func wrappedBodyIsOneValidDocument(width: Int, lineEnding: String) {
        for (number, payload) in Self.payloads(count: 20, seed: UInt64(width * 7 + lineEnding.utf8.count)).enumerated() {
            let text = Self.wrap(payload, width: width, lineEnding: lineEnding, finalNewline: number % 3 != 0)
            let found = Self.read(text)
            #expect(found.documents == 1 && found.parsed == 1, "width \(width): \(text)")
            #expect(found.findings.isEmpty, "width \(width): \(found.findings.prefix(3))")
            let bytes = Array(text.utf8)
            #expect(InputFormat.sniff(bytes) == .base64, "width \(width): \(text)")
            #expect(InputFormat.isBase64Source(bytes), "width \(width): \(text)")
        }
    }

    @Test(arguments: widths, lineEndings)
    func findingPointsAtTheCharacterEncodingTheValue(width: Int, lineEnding: String) throws {
        for payload in Self.payloads(count: 10, seed: UInt64(width + 1000)) {
            let broken = payload.replacing("\"video\"", with: "\"Video\"")
            let text = Self.wrap(broken, width: width, lineEnding: lineEnding)
            let finding = try #require(Self.read(text).findings.first { $0.rule == "invalid-value" })
            // The value's opening quote, as a decoded byte and as the Base64 character its bits start in.
            let byte = try #require(Array(broken.utf8).firstRange(of: Array("\"Video\"".utf8))).lowerBound
            let character = byte / 3 * 4 + byte % 3
            let expected = width == 0
                ? SourcePosition(line: 1, column: character + 1)
                : SourcePosition(line: character / width + 1, column: character % width + 1)
            #expect(finding.position == expected, "width \(width): \(text)")
            let prefix = Array(broken.utf8)[..<byte]
            let line = prefix.count { $0 == 0x0A } + 1
            let column = prefix.count - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            #expect(finding.message.hasSuffix("(in the decoded body at line \(line), column \(column))"), "\(finding.message)")
        }
    }

    @Test func damagedWrappedBodyIsOneErrorAtItsPlace() throws {
        let payload = Self.payloads(count: 1, seed: 3)[0]
        var lines = Self.wrap(payload, width: 76, lineEnding: "\n").split(separator: "\n").map(String.init)
        lines[1] = String(lines[1].prefix(10)) + "#" + lines[1].dropFirst(11)
        let found = Self.read(lines.joined(separator: "\n") + "\n")
        #expect(found.documents == 1)
        #expect(found.findings.map(\.rule) == ["base64-syntax"])
        #expect(found.findings.first?.position == SourcePosition(line: 2, column: 11))
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        #expect(!InputFormat.isBase64Source(bytes))
    }

    @Test func paragraphsMixWrappedAndOneLineBodies() {
        let payloads = Self.payloads(count: 4, seed: 11)
        let text = Self.wrap(payloads[0], width: 76, lineEnding: "\n") + "\n"
            + Self.wrap(payloads[1], width: 0, lineEnding: "\n") + Self.wrap(payloads[2], width: 0, lineEnding: "\n") + "\r\n"
            + Self.wrap(payloads[3], width: 64, lineEnding: "\r\n")
        let found = Self.read(text)
        #expect(found.documents == 4 && found.parsed == 4)
        #expect(found.findings.isEmpty, "\(found.findings)")
        let bytes = Array(text.utf8)
        #expect(InputFormat.isBase64Source(bytes))
    }

    @Test func oneBodyPerLineStaysOneBodyPerLine() {
        // Equal widths, each decoding on its own: not a wrapped body.
        let line = Self.wrap("{\"a\":1}", width: 0, lineEnding: "\n")
        let found = Self.read(line + line + line)
        #expect(found.documents == 3 && found.parsed == 3)
    }

    @Test func unwrappedLineLongerThanTheSniffPrefixIsBase64() {
        let payload = "{\"Pad\":\"" + String(repeating: "x", count: 100_000) + "\"}"
        let text = Array(Self.wrap(payload, width: 0, lineEnding: "\n").utf8)
        #expect(InputFormat.sniff(Array(text.prefix(1 << 16))) == .base64)
        let whole = InputFormat.isBase64Source(text)
        #expect(whole)
    }
}
