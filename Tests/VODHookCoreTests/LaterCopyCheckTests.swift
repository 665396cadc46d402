import Testing
@testable import VODHookCore

/// `addCheckingCopyLater` looks a document up a few documents after
/// counting it; the totals must be those of looking it up at once.
@Suite struct LaterCopyCheckTests {
    /// Documents with repeats near and far, MediaIds shared by different
    /// documents, documents without a MediaId, and broken ones (no
    /// normalized form), from a fixed seed.
    static func entries(count: Int) -> [(entry: SummaryEntry, arena: [UInt8])] {
        var random = SplitMix64(seed: 0x1A7E)
        var lines: [String] = []
        for index in 0..<count {
            let pick = Int(random.next() % 10)
            let id = String(Int(random.next() % 40), radix: 16)
            switch pick {
            case 0 where !lines.isEmpty: lines.append(lines[Int(random.next() % UInt64(lines.count))])
            case 1 where !lines.isEmpty: lines.append(lines[lines.count - 1 - Int(random.next() % UInt64(min(lines.count, 9)))])
            case 2: lines.append(#"{"Status":"success","EventTime":"2026-11-28T08:00:0\#(index % 10)Z"}"#)
            case 3: lines.append(#"{"MediaId":"\#(id)","Status":"fail""#)
            default: lines.append(#"{"MediaId":"\#(id)","Status":"success","EventTime":"2026-11-28T08:00:0\#(index % 10)Z"}"#)
            }
        }
        return lines.map { line in
            var arena: [UInt8] = []
            let report = DocumentReport(source: "-", index: 1, startOffset: 0, eventType: nil, diagnostics: [])
            var entry: SummaryEntry?
            let reader = DocumentReader(input: BytesInput(line), mode: .body)
            try? reader.forEach { document in
                if let json = document.json {
                    var normalized: [UInt8] = []
                    JSONWriter.write(json, layout: .compact, topLevelOrder: [], into: &normalized)
                    entry = normalized.withUnsafeBytes { SummaryEntry(report, document: json, normalized: $0, arena: &arena) }
                } else {
                    entry = SummaryEntry(report, document: nil, normalized: nil, arena: &arena)
                }
            }
            return (entry!, arena)
        }
    }

    @Test(arguments: [1, 7, 8, 9, 2000])
    func laterChecksCountWhatImmediateChecksCount(count: Int) {
        var atOnce = CallbackSummary(remembersLocations: false)
        var later = CallbackSummary(remembersLocations: false)
        for (entry, arena) in Self.entries(count: count) {
            arena.withUnsafeBytes { values in
                _ = atOnce.add(entry, values: values, at: CallbackSummary.DocumentLocation(source: 0, line: 0))
                later.addCheckingCopyLater(entry, values: values)
            }
        }
        later.finishCopyChecks()
        #expect(later.duplicates == atOnce.duplicates)
        #expect(later.distinctMediaIds == atOnce.distinctMediaIds)
        #expect(later.status == atOnce.status)
        #expect(later.tally == atOnce.tally)
        if count == 2000 { #expect(atOnce.duplicates > 100 && atOnce.distinctMediaIds > 10) }
    }

    @Test func anImmediateAddChecksWhatWaitsFirst() {
        let entries = Self.entries(count: 50)
        var atOnce = CallbackSummary(remembersLocations: false)
        var mixed = CallbackSummary(remembersLocations: false)
        for (index, (entry, arena)) in entries.enumerated() {
            arena.withUnsafeBytes { values in
                _ = atOnce.add(entry, values: values, at: CallbackSummary.DocumentLocation(source: 0, line: 0))
                if index % 5 == 4 {
                    _ = mixed.add(entry, values: values, at: CallbackSummary.DocumentLocation(source: 0, line: 0))
                } else {
                    mixed.addCheckingCopyLater(entry, values: values)
                }
            }
        }
        mixed.finishCopyChecks()
        #expect(mixed.duplicates == atOnce.duplicates)
        #expect(mixed.distinctMediaIds == atOnce.distinctMediaIds)
    }
}
