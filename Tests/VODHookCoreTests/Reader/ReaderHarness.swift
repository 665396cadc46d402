import Testing
@testable import VODHookCore

/// Everything a reader run shows a caller, as plain values, so two runs
/// (with different block sizes) can be compared with `==`.
struct ReadOutcome: Hashable, CustomStringConvertible {
    struct Finding: Hashable {
        var severity: Severity
        var rule: RuleID
        var message: String
        var offset: Int
        var position: SourcePosition
        var pointer: String
        var hint: String?
    }

    struct Document: Hashable {
        var index: Int
        var startOffset: Int
        var start: SourcePosition
        var pointerPrefix: String
        /// The parsed value in `CanonicalValue` form; nil when not parsed.
        var value: String?
        var findings: [Finding]
    }

    var documents: [Document]

    var description: String {
        documents.map { document in
            var text = "doc \(document.index) at \(document.start) prefix '\(document.pointerPrefix)' value \(document.value ?? "-")"
            for finding in document.findings {
                text += "\n  \(finding.rule) \(finding.position) @\(finding.offset) '\(finding.pointer)' | \(finding.message)"
            }
            return text
        }.joined(separator: "\n")
    }
}

enum ReaderHarness {
    /// Small and odd sizes cut documents, characters and escapes at every
    /// place; the default size reads most fixtures in one block.
    static let blockSizes = [16, 17, 64, 1000, 1 << 20]

    static func read(_ bytes: [UInt8], mode: ReadingMode, blockSize: Int) -> ReadOutcome {
        let reader = DocumentReader(input: BytesInput(bytes), mode: mode, blockSize: blockSize)
        var documents: [ReadOutcome.Document] = []
        do {
            try reader.forEach { document in
                // Positions and the value can only be had inside the callback.
                let findings = document.findings.map { finding in
                    ReadOutcome.Finding(
                        severity: finding.severity, rule: finding.rule, message: finding.message,
                        offset: finding.offset, position: reader.position(ofSourceOffset: finding.offset),
                        pointer: finding.pointer, hint: finding.hint)
                }
                documents.append(ReadOutcome.Document(
                    index: document.index, startOffset: document.startOffset,
                    start: reader.position(ofSourceOffset: document.startOffset),
                    pointerPrefix: document.pointerPrefix,
                    value: document.json.map(CanonicalValue.render), findings: findings))
            }
        } catch {
            Issue.record("a byte array cannot fail to read: \(error)")
        }
        return ReadOutcome(documents: documents)
    }

    /// Line and column by the definition, counted from the source's start:
    /// line feeds before the offset, and the characters (bytes that are not
    /// UTF-8 continuation bytes) between the line's start and the offset.
    static func naivePosition(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        return SourcePosition(
            line: before.count { $0 == 0x0A } + 1,
            column: bytes[lineStart..<before.endIndex].count { $0 & 0xC0 != 0x80 } + 1)
    }

    /// Records an issue for every position the reader got wrong.
    static func checkPositions(
        _ outcome: ReadOutcome, of bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for document in outcome.documents {
            #expect(document.start == naivePosition(of: document.startOffset, in: bytes), "start of \(document.index)", sourceLocation: sourceLocation)
            for finding in document.findings {
                #expect(finding.position == naivePosition(of: finding.offset, in: bytes), "\(finding.rule) of \(document.index)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Reads with every block size, records an issue when any two differ, and
    /// returns the outcome of the largest.
    static func readWithEveryBlockSize(
        _ bytes: [UInt8], mode: ReadingMode, sizes: [Int] = blockSizes,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ReadOutcome {
        let reference = read(bytes, mode: mode, blockSize: sizes.last!)
        for size in sizes.dropLast() {
            let outcome = read(bytes, mode: mode, blockSize: size)
            if outcome != reference {
                Issue.record(
                    "block size \(size) reads differently from \(sizes.last!):\n\(outcome)\n--- versus ---\n\(reference)",
                    sourceLocation: sourceLocation)
            }
        }
        return reference
    }
}
