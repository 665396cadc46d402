import Testing
@testable import VODHookCore

/// Compact output copies a document's own bytes when they already are its
/// normalized form; that must be exactly what the full writer would write,
/// and nothing else may take the shortcut.
@Suite struct VerbatimCompactTests {
    @Test func theShortcutWritesWhatTheWriterWrites() throws {
        var generator = RandomJSONGenerator(seed: 0x7E7B, finiteNumbers: false)
        let orders: [[String]] = [[], ["b", "a"], ["EventType", "EventTime", "Status"], ["a", "a", "b"]]
        var shortcuts = 0
        var reorderings = 0
        for round in 0..<600 {
            let value = generator.document()
            // Without whitespace, keys as generated or shuffled, spellings as generated or fresh.
            let style = RandomJSONGenerator.Style(whitespace: round % 5 == 0, shuffleKeys: round % 2 == 0, respell: round % 3 == 0)
            let text = Array(generator.text(of: value, style: style).utf8)
            for names in orders {
                let order = KeyOrder(names)
                try WriterHarness.withDocument(text, allowingFindings: true) { document in
                    var full: [UInt8] = []
                    _ = TapeWriter.write(document, pretty: false, canonical: false, topLevelOrder: order, into: &full)
                    if let verbatim = VerbatimCompact.bytes(of: document, order: order) {
                        shortcuts += 1
                        #expect(Array(verbatim) == full, "\(String(decoding: text, as: UTF8.self)) with \(names)")
                    }
                    var reordered: [UInt8] = [1, 2, 3]
                    if VerbatimCompact.reordered(document, order: order, into: &reordered) {
                        reorderings += 1
                        #expect(reordered == full, "\(String(decoding: text, as: UTF8.self)) with \(names)")
                    } else {
                        #expect(reordered == [1, 2, 3])
                    }
                    var written: [UInt8] = []
                    JSONWriter.write(document, layout: .compact, topLevelOrder: order, into: &written)
                    #expect(written == full)
                }
            }
        }
        // The corpus must reach the shortcut, or this proves nothing.
        #expect(shortcuts > 100)
        #expect(reorderings > 30)
    }
}
