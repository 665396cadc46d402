import Foundation
import Testing
@testable import VODHookCore

/// `summary` fingerprints a document the spec's rules find nothing in as
/// the set of its members, ranking no keys, and every other document by its
/// normalized bytes (issue 24). Copies must stay exactly the documents
/// whose normalized forms are byte-identical, across both schemes.
@Suite struct MemberSetFingerprintTests {
    /// A deterministic generator, so a failure names a line that comes back.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// How `emit` rewrites a document.
    struct Variant {
        var shuffleObjects = false
        var reverseArrays = false
        var space = ""
    }

    /// The document's text with every object's members shuffled (nested
    /// ones too), arrays reversed, or `space` around every token.
    static func emit(_ document: JSONDocument, _ index: Int, _ variant: Variant, _ random: inout SplitMix, into text: inout [UInt8]) {
        let node = document[index]
        let space = Array(variant.space.utf8)
        switch node.kind {
        case .object:
            var members = Array(document.members(of: index))
            if variant.shuffleObjects {
                for i in stride(from: members.count - 1, to: 0, by: -1) {
                    members.swapAt(i, Int(random.next() % UInt64(i + 1)))
                }
            }
            text += Array("{".utf8) + space
            for (position, member) in members.enumerated() {
                if position > 0 { text += Array(",".utf8) + space }
                text += Array(document.rawBytes(of: member.key)) + space + Array(":".utf8) + space
                emit(document, member.value, variant, &random, into: &text)
            }
            text += space + Array("}".utf8)
        case .array:
            var elements = Array(document.elements(of: index))
            if variant.reverseArrays { elements.reverse() }
            text += Array("[".utf8) + space
            for (position, element) in elements.enumerated() {
                if position > 0 { text += Array(",".utf8) + space }
                emit(document, element, variant, &random, into: &text)
            }
            text += space + Array("]".utf8)
        default:
            text += Array(document.rawBytes(of: index))
        }
    }

    /// Lifecycle callbacks (nested StreamInfos and SnapshotInfos among them)
    /// and variants: members shuffled at every level, whitespace around
    /// every token, the pretty layout, arrays reversed (not copies unless
    /// the array reads the same backwards), escapes the writer removes, a
    /// number sent as a string (then a wrong-type finding: the other scheme).
    static func corpus(_ count: Int) throws -> [[UInt8]] {
        var compact = LifecycleGenerator(seed: 2024)
        var pretty = LifecycleGenerator(seed: 2024, layout: .pretty)
        var random = SplitMix(state: 24)
        var lines: [[UInt8]] = []
        for _ in 0..<count {
            let line = compact.next()
            let text = String(decoding: line, as: UTF8.self)
            lines.append(line)
            lines.append(pretty.next())
            lines.append(Array(text.replacingOccurrences(of: "\"success\"", with: "\"\\u0073uccess\"").utf8))
            lines.append(Array(text.replacingOccurrences(of: "/", with: "\\/").utf8))
            lines.append(Self.quoteFirstNumber(text))
            for variant in [Variant(shuffleObjects: true), Variant(shuffleObjects: true, space: " \n"), Variant(reverseArrays: true),
                            Variant(shuffleObjects: true, reverseArrays: true)] {
                lines.append(try WriterHarness.withDocument(line) { document in
                    var out: [UInt8] = []
                    emit(document, document.root, variant, &random, into: &out)
                    return out
                })
            }
        }
        return lines
    }

    /// The line with its first number member's value sent as a string: the
    /// same characters, so only the tag tells them apart.
    static func quoteFirstNumber(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard let colon = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: ":") && $0 > 0 && bytes[$0 - 1] == UInt8(ascii: "\"") && $0 + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0 + 1]) })
        else { return bytes }
        var end = colon + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: "]") { end += 1 }
        return Array(bytes[...colon]) + [UInt8(ascii: "\"")] + Array(bytes[(colon + 1)..<end]) + [UInt8(ascii: "\"")] + Array(bytes[end...])
    }

    @Test func copiesByBothSchemesAreCopiesByTheWriter() throws {
        var validator = Validator()
        var formOfFingerprint: [Fingerprint: [UInt8]] = [:]
        var fingerprintOfForm: [[UInt8]: Fingerprint] = [:]
        var bySet = 0
        var byBytes = 0
        var scratch: [UInt8] = []
        let lines = try Self.corpus(400)
        for line in lines {
            try WriterHarness.withDocument(line) { document in
                let result = validator.validate(document)
                let report = DocumentReport(source: "t", index: 0, startOffset: 0, eventType: result.eventType, diagnostics: result.diagnostics)
                let order = result.eventType.flatMap(EventCatalog.spec(forEventType:)).map { KeyOrder($0.object) } ?? .source
                var written: [UInt8] = []
                JSONWriter.write(document, layout: .compact, topLevelOrder: order, into: &written)
                let fingerprint: Fingerprint
                if report.hasSpecFindings {
                    byBytes += 1
                    fingerprint = Fingerprint(normalizing: document, order: order, scratch: &scratch)
                } else {
                    bySet += 1
                    fingerprint = Fingerprint(memberSetOf: document, order: order, scratch: &scratch)
                }
                // One fingerprint per normalized form and one form per fingerprint: the same copies.
                #expect(formOfFingerprint[fingerprint, default: written] == written, "\(String(decoding: line, as: UTF8.self))")
                #expect(fingerprintOfForm[written, default: fingerprint] == fingerprint, "\(String(decoding: line, as: UTF8.self))")
                formOfFingerprint[fingerprint] = written
                fingerprintOfForm[written] = fingerprint
            }
        }
        // The corpus must reach both schemes and many copies, or this proves nothing.
        #expect(bySet > 2000)
        #expect(byBytes > 200)
        #expect(lines.count - fingerprintOfForm.count > 1500)
    }

    @Test func kindsNeverHashAlike() throws {
        let order = KeyOrder(["a", "b"])
        var scratch: [UInt8] = []
        let texts = [#"{"a":"1"}"#, #"{"a":1}"#, #"{"a":{}}"#, #"{"a":[]}"#, #"{"a":[1]}"#, #"{"a":["1"]}"#, #"{"a":[[1]]}"#,
                     #"{"a":null}"#, #"{"a":"null"}"#, #"{"a":true}"#, #"{"a":1,"b":2}"#, #"{"a":2,"b":1}"#, #"{"a":[1,2]}"#, #"{"a":[2,1]}"#,
                     #"{"b":"1"}"#, #"{}"#, #"{"a":"1\""}"#]
        var seen: [Fingerprint: String] = [:]
        for text in texts {
            let fingerprint = try WriterHarness.withDocument(Array(text.utf8)) { Fingerprint(memberSetOf: $0, order: order, scratch: &scratch) }
            #expect(seen[fingerprint] == nil, "\(text) hashes like \(seen[fingerprint] ?? "")")
            seen[fingerprint] = text
        }
        // The same members in any order, with any spacing or escapes the writer removes, are one form.
        let alike = [#"{"a":"x/y","b":[1,2]}"#, #"{ "b" : [ 1 , 2 ] , "a" : "x\/y" }"#, #"{"b":[1,2],"\u0061":"x/y"}"#]
        let prints = try alike.map { text in
            try WriterHarness.withDocument(Array(text.utf8)) { Fingerprint(memberSetOf: $0, order: order, scratch: &scratch) }
        }
        #expect(Set(prints).count == 1)
    }
}
