import Testing
@testable import VODHookCore

/// Moves every small fixture along the source, so that with block sizes 16
/// and 17 each of its bytes in turn falls on a block boundary, and the
/// documents start after a buffer start the reader has already dropped. The
/// outcome must be the fixture's own, shifted.
@Suite struct BlockBoundaryTests {
    static let fixtures = ReaderFixtures.all.filter { fixture in
        // A BOM only counts at the very start, so it cannot be moved; nor can
        // the first bytes that say a source is UTF-16 or compressed.
        fixture.input.count <= 600 && !fixture.input.starts(with: [0xEF, 0xBB, 0xBF]) && ForeignSource.detect(fixture.input) == nil
    }

    @Test(arguments: [1, 5, 15, 16, 17, 18, 31, 33, 40])
    func fixturesShiftedByLeadingSpaces(_ shift: Int) {
        for fixture in Self.fixtures {
            let original = ReaderHarness.read(fixture.input, mode: fixture.mode, blockSize: 1 << 20)
            let input = Array(repeating: UInt8(ascii: " "), count: shift) + fixture.input
            let shifted = ReaderHarness.readWithEveryBlockSize(input, mode: fixture.mode)
            #expect(shifted == Self.shift(original, by: shift), "\(fixture.testDescription) shifted by \(shift)")
        }
    }

    /// In a stream, a document line before the fixture must change nothing
    /// but numbering: one more document, every line one further down.
    @Test(arguments: [0, 3, 7, 12, 15, 16, 20, 40])
    func streamFixturesAfterALeadingDocument(_ padding: Int) {
        let line = Array("{\"pad\":\"\(String(repeating: "x", count: padding))\"}\n".utf8)
        for fixture in Self.fixtures where fixture.mode == .stream {
            let original = ReaderHarness.read(fixture.input, mode: .stream, blockSize: 1 << 20)
            if original.documents.contains(where: { $0.findings.contains { $0.rule == .noDocument } }) { continue }
            var outcome = ReaderHarness.readWithEveryBlockSize(line + fixture.input, mode: .stream)
            #expect(outcome.documents.first?.findings == [], "\(fixture.testDescription)")
            outcome.documents.removeFirst()
            for d in outcome.documents.indices {
                outcome.documents[d].index -= 1
                outcome.documents[d].startOffset -= line.count
                outcome.documents[d].start.line -= 1
                for f in outcome.documents[d].findings.indices {
                    outcome.documents[d].findings[f].offset -= line.count
                    outcome.documents[d].findings[f].position.line -= 1
                    outcome.documents[d].findings[f].message = Self.movedLines(outcome.documents[d].findings[f].message)
                }
            }
            #expect(outcome == original, "\(fixture.testDescription) after \(line.count) bytes")
        }
    }

    /// "…starts at line 3…" and "…first defined at line 3" back one line.
    static func movedLines(_ message: String) -> String {
        for marker in ["starts at line ", "first defined at line "] {
            guard let range = message.range(of: marker) else { continue }
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            return String(message[..<range.upperBound]) + String(Int(digits)! - 1)
                + message[range.upperBound...].dropFirst(digits.count)
        }
        return message
    }

    /// What spaces before the source should do: move every offset, and every
    /// column on the first line, by `shift`. No-document stays at the start.
    static func shift(_ outcome: ReadOutcome, by shift: Int) -> ReadOutcome {
        func moved(_ position: SourcePosition) -> SourcePosition {
            position.line == 1 ? SourcePosition(line: 1, column: position.column + shift) : position
        }
        var result = outcome
        for d in result.documents.indices {
            let isNoDocument = result.documents[d].findings.contains { $0.rule == .noDocument }
            if !isNoDocument {
                result.documents[d].startOffset += shift
                result.documents[d].start = moved(result.documents[d].start)
            }
            for f in result.documents[d].findings.indices where result.documents[d].findings[f].rule != .noDocument {
                result.documents[d].findings[f].offset += shift
                result.documents[d].findings[f].position = moved(result.documents[d].findings[f].position)
                result.documents[d].findings[f].message = movedMessage(result.documents[d].findings[f].message, by: shift)
            }
        }
        return result
    }

    /// "…starts at line 1, column 7" names a position too.
    static func movedMessage(_ message: String, by shift: Int) -> String {
        let marker = "starts at line 1, column "
        guard let range = message.range(of: marker), let column = Int(message[range.upperBound...]) else { return message }
        return String(message[..<range.upperBound]) + String(column + shift)
    }
}
