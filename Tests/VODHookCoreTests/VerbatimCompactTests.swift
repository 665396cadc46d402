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
                    var appended: [UInt8] = [9]
                    if VerbatimCompact.appendReordered(document, order: order, into: &appended) {
                        reorderings += 1
                        #expect(appended == [9] + full, "\(String(decoding: text, as: UTF8.self)) with \(names)")
                    } else {
                        #expect(appended == [9])
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

    /// With nested orders (field tables), the shortcut must see every level
    /// the order reaches: lifecycle callbacks under every catalog event's
    /// order, and a nested table with its keys shuffled at each depth.
    @Test func theShortcutFollowsNestedOrders() throws {
        var lifecycle = LifecycleGenerator(seed: 7)
        let orders = EventCatalog.events.map { KeyOrder($0.object) } + [KeyOrder(NestedKeyOrderTests.table)]
        var shortcuts = 0
        var refusals = 0
        var texts = (0..<300).map { _ in lifecycle.next() }
        texts += [
            #"{"A":"a","List":[{"X":"x","Inner":{"P":1,"Q":2},"Y":"y"},[{"Inner":{"Q":1,"P":2}}]],"B":"b"}"#,
            #"{"A":"a","List":[{"X":"x","Inner":{"Q":1,"P":2},"Y":"y"}],"B":"b"}"#,
            #"{"A":"a","List":[{"Inner":{"P":1},"X":"x"}],"B":"b"}"#,
            #"{"List":[],"A":"a"}"#,
            #"{"A":"a","List":{"Y":"y","X":"x"},"Z":{"Q":1,"P":2},"B":"b"}"#,
            #"{"A":"a","B":"b","List":[{"X":"x"}]}"#,
            #"[{"B":"b","A":"a"}]"#,
        ].map { Array($0.utf8) }
        for text in texts {
            try WriterHarness.withDocument(text, allowingFindings: true) { document in
                for order in orders {
                    var full: [UInt8] = []
                    _ = TapeWriter.write(document, pretty: false, canonical: false, topLevelOrder: order, into: &full)
                    if let verbatim = VerbatimCompact.bytes(of: document, order: order) {
                        shortcuts += 1
                        #expect(Array(verbatim) == full, "\(String(decoding: text, as: UTF8.self))")
                    } else {
                        refusals += 1
                    }
                }
            }
        }
        // Both answers must be reached, or this proves nothing.
        #expect(shortcuts > 300)
        #expect(refusals > 300)
    }
}
