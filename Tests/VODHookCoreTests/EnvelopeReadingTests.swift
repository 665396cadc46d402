import Foundation
import Testing
@testable import VODHookCore

/// `--at POINTER`: the callback inside an envelope reads as the plain
/// callback does, with findings on the envelope's text.
@Suite struct EnvelopeReadingTests {
    /// Reads a stream of envelopes and checks the callback at `pointer` in each, as the pipeline does.
    static func checkEnvelopes(_ text: String, at pointer: String) throws -> [[Finding]] {
        let envelope = try #require(EnvelopePointer(pointer))
        let reader = DocumentReader(input: BytesInput(text), mode: .stream)
        let validator = Validator()
        var documents: [[Finding]] = []
        try reader.forEach { document in
            EnvelopeDocuments.unwrap(document, at: envelope) { callback, envelopeFindings, relocate in
                var diagnostics = callback.findings
                if let json = callback.json { diagnostics += validator.validate(json, pointerPrefix: callback.pointerPrefix).diagnostics }
                if let relocate { for index in diagnostics.indices { relocate(&diagnostics[index]) } }
                diagnostics += envelopeFindings
                documents.append(diagnostics.sorted().map { diagnostic in
                    let position = reader.position(ofSourceOffset: diagnostic.offset)
                    return Finding(rule: diagnostic.rule.rawValue, severity: diagnostic.severity, line: position.line,
                                   column: position.column, message: diagnostic.message, pointer: diagnostic.pointer, hint: diagnostic.hint)
                })
            }
        }
        return documents
    }

    @Test func pointersFollowRFC6901() throws {
        #expect(EnvelopePointer("body") == nil)
        #expect(EnvelopePointer("/a~2") == nil)
        let text = #"{"a/b":{"m~n":[{"x":1},{"EventType":"DeleteMediaComplete"}]}}"#
        let findings = try Self.checkEnvelopes(text, at: "/a~1b/m~0n/1")
        #expect(findings.count == 1 && !findings[0].contains { $0.rule == "at-pointer-missing" })
        #expect(try Self.checkEnvelopes(text, at: "/a~1b/m~0n/01")[0].map(\.rule) == ["at-pointer-missing"])
        #expect(try Self.checkEnvelopes(text, at: "/a~1b/m~0n/2")[0].map(\.message)
            == [#"--at "/a~1b/m~0n/2" finds no callback: "/a~1b/m~0n" is an array of 2, with no element "2""#])
    }

    @Test func whatIsNotACallbackIsOneFinding() throws {
        let text = #"{"body":42}"# + "\n" + #"{"body":"hello"}"# + "\n" + #"{"msg":"x"}"# + "\n"
        let findings = try Self.checkEnvelopes(text, at: "/body")
        #expect(findings.map { $0.map(\.rule) } == [["at-pointer-missing"], ["at-pointer-missing"], ["at-pointer-missing"]])
        #expect(findings[0][0].message == #"--at "/body" finds no callback: "/body" is a number, not an object or a string holding one"#)
        #expect(findings[1][0].column == 9)
    }

    /// JSON-escapes an ASCII line as a JSON string's content; `moved[k]` is where its byte k went.
    static func escaped(_ line: String) -> (text: String, moved: [Int]) {
        var text = ""
        var moved: [Int] = []
        for character in line.utf8 {
            moved.append(text.utf8.count)
            switch character {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            default: text += String(UnicodeScalar(character))
            }
        }
        moved.append(text.utf8.count)
        return (text, moved)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func envelopesReadAsThePlainCallbacksWithPositionsMoved(_ seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let lines = try LogReadingTests.ndjsonLines(&generator).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        let objectPrefix = #"{"level":"info","msg":"vod callback","body":"#
        let stringPrefix = #"{"level":"info","msg":"vod callback","body":""#
        for line in lines {
            let plain = try checkDocuments(line, mode: .body)
            func key(_ finding: Finding, column: Int) -> String { "\(finding.rule) \(finding.severity) \(column) \(finding.pointer)" }
            // As an escaped string: any line, valid JSON or not, is one.
            let (text, moved) = Self.escaped(line)
            let inString = try Self.checkEnvelopes(stringPrefix + text + "\"}\n", at: "/body")
            #expect(inString.count == plain.count, "\(line)")
            for (wrapped, original) in zip(inString, plain) {
                #expect(wrapped.map { key($0, column: $0.column) }
                    == original.map { key($0, column: stringPrefix.utf8.count + moved[$0.column - 1] + 1) }, "\(line)")
            }
            // As a nested object: only a line that is JSON makes a JSON envelope.
            guard !plain.joined().contains(where: { $0.rule.hasPrefix("json-") }) else { continue }
            let nested = try Self.checkEnvelopes(objectPrefix + line + "}\n", at: "/body")
            #expect(nested.map { $0.map { key($0, column: $0.column) } }
                == plain.map { $0.map { key($0, column: $0.column + objectPrefix.utf8.count) } }, "\(line)")
        }
    }
}
