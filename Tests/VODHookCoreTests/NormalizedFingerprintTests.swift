import Foundation
import Testing
@testable import VODHookCore

/// `summary` fingerprints a compact document's own bytes, or its members
/// reordered, found in one walk where `VerbatimCompact` took up to three
/// (issue 24). Copies must stay exactly the documents whose normalized forms are
/// byte-identical: these hold the shortcut to the writer.
@Suite struct NormalizedFingerprintTests {
    /// Lifecycle callbacks (every event type, nested StreamInfos and
    /// SnapshotInfos among them) and variants of each: keys reversed,
    /// whitespace after colons, an escape, and the pretty layout.
    static func corpus(_ count: Int) throws -> [[UInt8]] {
        var compact = LifecycleGenerator(seed: 24)
        var pretty = LifecycleGenerator(seed: 24, layout: .pretty)
        var lines: [[UInt8]] = []
        for _ in 0..<count {
            let line = compact.next()
            let text = String(decoding: line, as: UTF8.self)
            lines.append(line)
            lines.append(pretty.next())
            lines.append(Array(text.replacingOccurrences(of: "\":", with: "\": ").utf8))
            lines.append(Array(text.replacingOccurrences(of: "\"success\"", with: "\"\\u0073uccess\"").utf8))
            lines.append(try WriterHarness.withDocument(line) { document in
                let members = Array(document.members(of: document.root)).reversed().map { member in
                    Array(document.bytes[document.nodes[member.key].start..<document.nodes[member.value].end])
                }
                return Array("{".utf8) + Array(members.joined(separator: Array(",".utf8))) + Array("}".utf8)
            })
        }
        return lines
    }

    static func order(_ document: JSONDocument) -> KeyOrder {
        guard let type = document.members(of: document.root).first(where: { document.string($0.key) == "EventType" }),
              document[type.value].kind == .string, let spec = EventCatalog.spec(forEventType: document.string(type.value))
        else { return .source }
        return KeyOrder(spec.object)
    }

    @Test func copiesByTheShortcutAreCopiesByTheWriter() throws {
        var byWriter: [[UInt8]: Int] = [:]
        var byFingerprint: [Fingerprint: Int] = [:]
        var shortcuts = 0
        var scratch: [UInt8] = []
        let lines = try Self.corpus(600)
        for line in lines {
            try WriterHarness.withDocument(line) { document in
                let order = Self.order(document)
                var written: [UInt8] = []
                JSONWriter.write(document, layout: .compact, topLevelOrder: order, into: &written)
                var reordered: [UInt8] = []
                switch Fingerprint.compactForm(of: document, order: order, scratch: &reordered) {
                case .inPlace(let bytes):
                    shortcuts += 1
                    #expect(Array(bytes) == written, "\(String(decoding: line, as: UTF8.self))")
                case .reordered:
                    shortcuts += 1
                    #expect(reordered == written, "\(String(decoding: line, as: UTF8.self))")
                case .notCompact: break
                }
                let fingerprint = Fingerprint(normalizing: document, order: order, scratch: &scratch)
                #expect(fingerprint == Fingerprint(written))
                byWriter[written, default: 0] += 1
                byFingerprint[fingerprint, default: 0] += 1
            }
        }
        // Copies: documents beyond the first of each normalized form.
        #expect(lines.count - byWriter.count == lines.count - byFingerprint.count)
        #expect(byWriter.values.sorted() == byFingerprint.values.sorted())
        // The corpus must reach the shortcut and the copies, or this proves nothing.
        #expect(shortcuts > 600)
        #expect(lines.count - byWriter.count > 2000)
    }

    @Test func theShortcutWritesWhatTheWriterWritesOnRandomDocuments() throws {
        var generator = RandomJSONGenerator(seed: 0x24F1, finiteNumbers: false)
        let orders = [KeyOrder([]), KeyOrder(["b", "a"]), KeyOrder(["EventType", "EventTime", "Status"]), KeyOrder(["a", "a", "b"]), EventCatalog.spec(forEventType: "TranscodeComplete").map { KeyOrder($0.object) }!]
        var shortcuts = 0
        for round in 0..<800 {
            let value = generator.document()
            let style = RandomJSONGenerator.Style(whitespace: round % 5 == 0, shuffleKeys: round % 2 == 0, respell: round % 3 == 0)
            let text = Array(generator.text(of: value, style: style).utf8)
            for order in orders {
                try WriterHarness.withDocument(text, allowingFindings: true) { document in
                    var full: [UInt8] = []
                    _ = TapeWriter.write(document, pretty: false, canonical: false, topLevelOrder: order, into: &full)
                    var reordered: [UInt8] = [1, 2, 3]
                    switch Fingerprint.compactForm(of: document, order: order, scratch: &reordered) {
                    case .inPlace(let bytes):
                        shortcuts += 1
                        #expect(Array(bytes) == full, "\(String(decoding: text, as: UTF8.self))")
                        #expect(reordered == [1, 2, 3])
                    case .reordered:
                        shortcuts += 1
                        #expect(reordered == full, "\(String(decoding: text, as: UTF8.self))")
                    case .notCompact:
                        #expect(reordered == [1, 2, 3])
                        var appended: [UInt8] = []
                        #expect(!VerbatimCompact.appendReordered(document, order: order, into: &appended) && VerbatimCompact.bytes(of: document, order: order) == nil)
                    }
                }
            }
        }
        #expect(shortcuts > 300)
    }
}
