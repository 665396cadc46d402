import Testing
import VODHookCore

/// Properties over generated documents: random nesting, key orders,
/// escapes, astral characters and number spellings.
@Suite struct JSONWriterPropertyTests {
    private static let documentCount = 600

    private func decoded(_ bytes: [UInt8]) throws -> DecodedJSON {
        try WriterHarness.withDocument(bytes) { DecodedJSON($0) }
    }

    /// Output is a fixed point: writing what was written changes nothing.
    @Test(arguments: [false, true]) func writingTwiceChangesNothing(finiteNumbers: Bool) throws {
        var generator = RandomJSONGenerator(seed: finiteNumbers ? 0x5752_4931 : 0x5752_4932, finiteNumbers: finiteNumbers)
        for _ in 0..<Self.documentCount {
            let input = Array(generator.text(of: generator.document(), style: .init()).utf8)
            for layout in JSONLayout.allCases {
                let once = try WriterHarness.write(input, layout)
                let twice = try WriterHarness.write(once, layout)
                #expect(once == twice, "\(layout): \(String(decoding: input, as: UTF8.self))")
            }
            guard finiteNumbers else { continue }
            let once = try #require(try WriterHarness.canonical(input))
            let twice = try #require(try WriterHarness.canonical(once))
            #expect(once == twice, "canonical: \(String(decoding: input, as: UTF8.self))")
        }
    }

    /// The layouts differ only in whitespace: each converts into the other exactly.
    @Test func layoutsConvertIntoEachOther() throws {
        var generator = RandomJSONGenerator(seed: 0x5752_4933, finiteNumbers: true)
        for _ in 0..<Self.documentCount {
            let input = Array(generator.text(of: generator.document(), style: .init()).utf8)
            let compact = try WriterHarness.write(input, .compact)
            let pretty = try WriterHarness.write(input, .pretty)
            #expect(try WriterHarness.write(pretty, .compact) == compact)
            #expect(try WriterHarness.write(compact, .pretty) == pretty)
            let canonical = try WriterHarness.canonical(input)
            #expect(try WriterHarness.canonical(compact) == canonical)
            #expect(try WriterHarness.canonical(pretty) == canonical)
        }
    }

    /// Output reads back as the input's data: exactly (order and number
    /// spellings too) for the normalized layouts, by value for canonical.
    @Test(arguments: [false, true]) func outputReadsBackAsTheSameData(finiteNumbers: Bool) throws {
        var generator = RandomJSONGenerator(seed: finiteNumbers ? 0x5752_4934 : 0x5752_4935, finiteNumbers: finiteNumbers)
        for _ in 0..<Self.documentCount {
            let input = Array(generator.text(of: generator.document(), style: .init()).utf8)
            let original = try decoded(input)
            for layout in JSONLayout.allCases {
                #expect(try decoded(try WriterHarness.write(input, layout)) == original, "\(layout): \(String(decoding: input, as: UTF8.self))")
            }
            guard finiteNumbers else { continue }
            let canonical = try #require(try WriterHarness.canonical(input))
            #expect(try decoded(canonical).byValue == original.byValue, "canonical: \(String(decoding: input, as: UTF8.self))")
        }
    }

    /// The point of JCS: the same data gives the same bytes, whatever the
    /// key order and whitespace, and whatever the escapes and number spellings.
    @Test(arguments: [false, true]) func canonicalOutputIgnoresSpelling(respell: Bool) throws {
        var generator = RandomJSONGenerator(seed: respell ? 0x5752_4936 : 0x5752_4937, finiteNumbers: true)
        for _ in 0..<Self.documentCount {
            let value = generator.document()
            let style = RandomJSONGenerator.Style(whitespace: true, shuffleKeys: true, respell: respell)
            let first = generator.text(of: value, style: style)
            let second = generator.text(of: value, style: style)
            #expect(try WriterHarness.canonical(first) == WriterHarness.canonical(second), "\(first)\n\(second)")
        }
    }

    /// Listed keys lead in list order, the rest follow in source order, and
    /// no member is lost or changed.
    @Test func topLevelOrderOnlyMovesListedKeys() throws {
        var generator = RandomJSONGenerator(seed: 0x5752_4938, finiteNumbers: false)
        var random = SplitMix64(seed: 0x5752_4939)
        for _ in 0..<Self.documentCount {
            let value = generator.object(depth: 2)
            let input = Array(generator.text(of: value, style: .init()).utf8)
            guard case .object(let members) = try decoded(input) else {
                Issue.record("generated a non-object")
                continue
            }
            let keys = members.map { String(decoding: $0.key, as: UTF8.self) }
            // Some present keys in a random order, plus names that are absent.
            var order = keys.filter { _ in Bool.random(using: &random) }.shuffled(using: &random)
            order.insert("absent", at: Int.random(in: 0...order.count, using: &random))

            let output = try WriterHarness.write(input, .compact, order: order)
            guard case .object(let written) = try decoded(output) else {
                Issue.record("wrote a non-object")
                continue
            }
            let listed = order.filter(keys.contains)
            let expectedKeys = listed + keys.filter { !listed.contains($0) }
            #expect(written.map { String(decoding: $0.key, as: UTF8.self) } == expectedKeys)
            #expect(DecodedJSON.object(written).byValue == DecodedJSON.object(members).byValue)
        }
    }
}
