import Testing
@testable import VODHookCore

/// `summary` counts straight from a document's bytes into compact tables;
/// these pin that to the `String`-based counting it replaces.
@Suite struct SummaryFastPathTests {
    @Test func fingerprintTableFindsEveryEntryAcrossGrowth() {
        var table = FingerprintTable(remembersPayloads: true)
        var plain = FingerprintTable(remembersPayloads: false)
        for value in 0..<5000 {
            let fingerprint = Fingerprint(Array("document \(value)".utf8))
            #expect(table.insert(fingerprint, payload: UInt64(value)) == nil)
            #expect(plain.insert(fingerprint, payload: 0) == nil)
        }
        #expect(table.count == 5000 && plain.count == 5000)
        for value in stride(from: 0, to: 5000, by: 7) {
            let fingerprint = Fingerprint(Array("document \(value)".utf8))
            #expect(table.insert(fingerprint, payload: 99) == UInt64(value))
            #expect(plain.insert(fingerprint, payload: 0) == 0)
        }
        #expect(table.count == 5000)
    }

    @Test func aCopiedTableIsIndependent() {
        var original = FingerprintTable(remembersPayloads: false)
        _ = original.insert(Fingerprint(Array("a".utf8)), payload: 0)
        var copy = original
        _ = copy.insert(Fingerprint(Array("b".utf8)), payload: 0)
        #expect(original.count == 1 && copy.count == 2)
    }

    @Test func countingBytesEqualsCountingStrings() {
        // Canonically equivalent spellings are one value, whichever way they are counted.
        let values = ["success", "fail", "caf\u{E9}", "cafe\u{301}", "success", "", "K", "\u{212A}", "fail", "success"]
            + (0..<40).map { "code \($0 % 23)" }
            // Longer than 16 bytes, alike in their first and last eight.
            + (0..<30).map { "InvalidVideo.\($0 % 7)NotFound.Really" }
        var byString = ValueCounter()
        var byBytes = ValueCounter()
        for value in values {
            byString.add(value)
            var text = value
            text.withUTF8 { byBytes.add(bytes: UnsafeRawBufferPointer($0)) }
        }
        #expect(byString == byBytes)
        #expect(byString.sorted.map(\.value) == byBytes.sorted.map(\.value))
        #expect(byString.sorted.map(\.count) == byBytes.sorted.map(\.count))
    }

    @Test func summaryFromDocumentsEqualsSummaryFromFields() throws {
        let lines = [
            #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#,
            #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T07:00:01Z","Status":"fail","ErrorCode":"Forbidden","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#,
            #"{"EventTime":"2026-11-28 09:00:01Z","Status":"\u0073uccess","MediaType":7,"DeleteType":null,"MediaId":"x"}"#,
            #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-29T00:00:00Z","Status":"success","Status":"fail","MediaId":"\u0031"}"#,
            #"{"EventTime":"2026-11-28T\u00300:00:00Z","ErrorCode":{"a":1},"DeleteType":"all"}"#,
            #"[1,2]"#,
            #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#,
        ]
        var fromDocuments = CallbackSummary(remembersLocations: true)
        var fromFields = CallbackSummary()
        for (number, line) in lines.enumerated() {
            let reader = DocumentReader(input: BytesInput(line), mode: .body)
            try reader.forEach { document in
                guard let json = document.json else { return }
                let report = DocumentReport(source: "-", index: number + 1, startOffset: 0, eventType: nil, diagnostics: [])
                var normalized: [UInt8] = []
                JSONWriter.write(json, layout: .compact, topLevelOrder: [], into: &normalized)
                let location = CallbackSummary.DocumentLocation(source: 0, line: number + 1)
                let first = normalized.withUnsafeBytes { fromDocuments.add(report, document: json, normalized: $0, at: location) }
                let expected = normalized.withUnsafeBytes { fromFields.add(report, fields: CallbackFields(json), normalized: $0, at: location) }
                #expect(first == expected)
            }
        }
        #expect(fromDocuments.eventTypes == fromFields.eventTypes)
        #expect(fromDocuments.status == fromFields.status)
        #expect(fromDocuments.mediaType == fromFields.mediaType)
        #expect(fromDocuments.deleteType == fromFields.deleteType)
        #expect(fromDocuments.errorCodes == fromFields.errorCodes)
        #expect(fromDocuments.firstEventTime == fromFields.firstEventTime)
        #expect(fromDocuments.lastEventTime == fromFields.lastEventTime)
        #expect(fromDocuments.firstEventTime == "2026-11-28T00:00:00Z")
        #expect(fromDocuments.lastEventTime == "2026-11-29T00:00:00Z")
        #expect(fromDocuments.duplicates == 1 && fromFields.duplicates == 1)
        #expect(fromDocuments.distinctMediaIds == fromFields.distinctMediaIds)
        #expect(fromDocuments.distinctMediaIds == 3)
    }
}

/// Catalog values are counted by their number in `SummaryValueTable`
/// (issue 24); that must count what the `String` path counts.
@Suite struct SummaryValueNumberTests {
    @Test func everyCatalogValueHasItsNumberAndNothingElseDoes() {
        let table = SummaryValueTable.catalog
        for (number, value) in table.values.enumerated() {
            #expect(value.withUnsafeBytes(table.number) == number)
            #expect((value + [0x78]).withUnsafeBytes(table.number) == -1)
        }
        for (index, name) in EventCatalog.eventTypeBytes.enumerated() { #expect(name.withUnsafeBytes(table.number) == index) }
        #expect(Array("succes".utf8).withUnsafeBytes(table.number) == -1)
        #expect([UInt8]().withUnsafeBytes(table.number) == -1 || table.values.contains([]))
    }

    @Test func numberedCountsEqualStringCounts() throws {
        var lines = try NormalizedFingerprintTests.corpus(400)
        // Values the catalog does not list, canonically equivalent spellings, a non-string status.
        lines += [#"{"EventType":"DeleteMediaComplete","Status":"succes","MediaType":"vide\u006f","ErrorCode":"Made.Up"}"#,
                  #"{"EventType":"NotAnEvent","Status":"success","Code":"0"}"#, #"{"EventType":"DeleteMediaComplete","Status":1}"#,
                  "{\"EventType\":\"DeleteMediaComplete\",\"Status\":\"\u{212A}\",\"DeleteType\":\"K\"}"].map { Array($0.utf8) }
        var byNumbers = CallbackSummary(remembersLocations: true)
        var byStrings = CallbackSummary()
        for (number, line) in lines.enumerated() {
            try WriterHarness.withDocument(line, allowingFindings: true) { json in
                let report = DocumentReport(source: "-", index: number + 1, startOffset: 0, eventType: nil, diagnostics: [])
                var normalized: [UInt8] = []
                JSONWriter.write(json, layout: .compact, topLevelOrder: [], into: &normalized)
                let location = CallbackSummary.DocumentLocation(source: 0, line: number + 1)
                let first = normalized.withUnsafeBytes { byNumbers.add(report, document: json, normalized: $0, at: location) }
                let expected = normalized.withUnsafeBytes { byStrings.add(report, fields: CallbackFields(json), normalized: $0, at: location) }
                #expect(first == expected)
            }
        }
        #expect(byNumbers.eventTypes == byStrings.eventTypes)
        #expect(byNumbers.status == byStrings.status)
        #expect(byNumbers.mediaType == byStrings.mediaType)
        #expect(byNumbers.deleteType == byStrings.deleteType)
        #expect(byNumbers.errorCodes == byStrings.errorCodes)
        #expect(byNumbers.duplicates == byStrings.duplicates)
        #expect(byNumbers.byEventType.map(\.eventType) == byStrings.byEventType.map(\.eventType))
        #expect(byNumbers.byEventType.map(\.documents) == byStrings.byEventType.map(\.documents))
        #expect(byNumbers.byEventType.map(\.status) == byStrings.byEventType.map(\.status))
        #expect(byNumbers.byEventType.map(\.errorCodes) == byStrings.byEventType.map(\.errorCodes))
        #expect(byNumbers.byEventType.map(\.duplicates) == byStrings.byEventType.map(\.duplicates))
        #expect(byNumbers.status.sorted.count > 1 && byNumbers.eventTypes.sorted.count > 5)
    }
}

/// A thread remembers the minute of the last well-formed EventTime and
/// checks only the seconds of a time in the same minute (issue 24).
@Suite struct EventTimeMemoTests {
    @Test func theMemoAgreesWithTheFullCheck() throws {
        let minutes = ["2026-01-01T00:00", "2024-02-29T23:59", "2025-02-29T10:00", "2026-13-01T00:00", "2026-01-01T24:00"]
        let seconds = [":00Z", ":59Z", ":60Z", ":5aZ", ":05z", ";05Z", ":99Z", ":0/Z", ":/0Z", ":00", ":00Zx", ":6:Z"]
        var memo = EventTypeMemo()
        var checked = 0
        // Each minute twice over, so the second time every seconds part meets a remembered minute.
        for minute in minutes + minutes {
            for second in seconds + seconds.reversed() {
                // The second spelling escapes the first digit, so it is decoded.
                for text in [minute + second, "\\u0032" + minute.dropFirst() + second] {
                    let line = Array("{\"EventTime\":\"\(text)\"}".utf8)
                    try WriterHarness.withDocument(line, allowingFindings: true) { document in
                        guard let value = document.members(of: document.root).first(where: { _ in true })?.value else { return }
                        #expect(memo.isWellFormedTime(document, value) == SummaryFieldNodes.isWellFormedTime(document, value), "\(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 400)
    }
}
