import Testing
@testable import VODHookCore

/// Properties that hold for every input, checked over generated ones.
@Suite struct ReaderPropertyTests {
    /// RFC 8259 §7: U+0000 through U+001F must be escaped. Each is reported at
    /// its own byte; a raw LF or CR as a raw line break.
    @Test(arguments: 0..<0x20)
    func everyControlCharacterInAString(_ code: Int) {
        let byte = UInt8(code)
        let input = Array("[\"ab".utf8) + [byte] + Array("\"]".utf8)
        let findings = ReaderHarness.readWithEveryBlockSize(input, mode: .body).documents.flatMap(\.findings)
        let hex = String(code, radix: 16, uppercase: true)
        // The string goes on after a raw LF or CR, so it is named as such.
        let expected = byte == 0x0A ? "raw line break inside a string (escape it as \\n)"
            : byte == 0x0D ? "raw carriage return inside a string (escape it as \\r)"
            : "unescaped control character U+00\(hex.count == 1 ? "0" + hex : hex) in a string"
        #expect(findings.map(\.message) == [expected])
        #expect(findings.map(\.rule) == [.jsonSyntax])
        #expect(findings.map(\.offset) == [4])
    }

    /// A proper prefix of a valid text is either valid itself or broken at
    /// its very end; only a cut character or surrogate pair fails earlier.
    @Test func everyTruncationOfValidTexts() {
        var generator = RandomJSONText(seed: 0x7E47)
        var texts = [Array(#"{"a":[1,-2.5e+3,true,false,null,"x\u00e9\uD83D\uDE00é😀"],"b":{"c":{}},"d":[]}"#.utf8)]
        for _ in 0..<60 { texts.append(generator.document()) }
        for text in texts {
            for length in 0..<text.count {
                let prefix = Array(text[..<length])
                let outcome = ReaderHarness.readWithEveryBlockSize(prefix, mode: .body, sizes: [16, 1 << 20])
                #expect(outcome.documents.count == 1)
                let errors = outcome.documents.flatMap(\.findings).filter { $0.severity == .error && $0.rule != .jsonDuplicateKey }
                guard let error = errors.first else { continue }
                #expect(errors.count == 1)
                switch error.rule {
                case .noDocument: #expect(prefix.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) })
                case .jsonEncoding: #expect(error.offset < length)
                default: #expect(error.offset == length, "\(String(decoding: prefix, as: UTF8.self)) \(error.message)")
                }
            }
        }
    }

    /// Arbitrary damage: no crash, the same outcome for every block size,
    /// positions by the definition, and documents in order.
    @Test(arguments: [ReadingMode.body, .stream])
    func damagedTextsReadConsistently(_ mode: ReadingMode) {
        var generator = RandomJSONText(seed: mode == .body ? 11 : 12)
        for _ in 0..<400 {
            var source: [UInt8] = []
            for _ in 0..<generator.int(1...4) {
                let text = generator.document(maxDepth: 3)
                source += generator.chance(60) ? generator.mutate(text) : text
                source += [[0x0A], [0x1E], [0x20], []][generator.int(0...3)]
            }
            let outcome = ReaderHarness.readWithEveryBlockSize(source, mode: mode)
            ReaderHarness.checkPositions(outcome, of: source)
            #expect(outcome.documents.map(\.index) == outcome.documents.indices.map { $0 + 1 })
            // Equal when an unpacked array breaks at the first byte of a line
            // that then starts the next document.
            #expect(zip(outcome.documents, outcome.documents.dropFirst()).allSatisfy { $0.startOffset <= $1.startOffset }, "\(String(decoding: source, as: UTF8.self).debugDescription)\n\(outcome)")
            for finding in outcome.documents.flatMap(\.findings) {
                #expect(finding.offset >= 0 && finding.offset <= source.count)
            }
            if mode == .body { #expect(outcome.documents.count == 1) }
        }
    }

    /// The promise that makes stream output countable: in NDJSON each
    /// non-blank line is one document, however broken, starting on that line.
    @Test func eachNDJSONLineIsOneDocument() {
        var generator = RandomJSONText(seed: 0x4E44)
        generator.lineBreaks = false
        // Damage that could start a second text on a line, or end a line, is left out.
        let forbidden: Set<UInt8> = [0x0A, 0x0D, 0x1E, UInt8(ascii: "{"), UInt8(ascii: "[")]
        for _ in 0..<150 {
            var source: [UInt8] = []
            var lines = 0
            for _ in 0..<generator.int(1...12) {
                var line: [UInt8] = []
                generator.object(&line, depth: 2)
                if generator.chance(40) {
                    let damaged = generator.mutate(line, avoiding: forbidden)
                    // A damaged callback is still a line that starts an object;
                    // `0{...}` would rightly be two texts.
                    if damaged.first == UInt8(ascii: "{") { line = damaged }
                }
                source += line + (generator.chance(20) ? [0x0D, 0x0A] : [0x0A])
                lines += 1
                if generator.chance(15) { source += [0x0A] }
            }
            let outcome = ReaderHarness.readWithEveryBlockSize(source, mode: .stream)
            #expect(outcome.documents.count == lines, "\(String(decoding: source, as: UTF8.self))\n\(outcome)")
            #expect(outcome.documents.allSatisfy { $0.start.column == 1 })
        }
    }
}
