import Testing
@testable import VODHookCore

/// The summary's field slots are compiled from the catalog (issue 25.3):
/// an event added by the CONTRIBUTING recipe, with an identity field no
/// other event uses, is counted without a second list to edit.
@Suite struct SummaryFieldTableTests {
    /// A document of `event` holding only its EventType and its identity field.
    static func withIdentity(_ event: EventSpec, value: String) -> [UInt8] {
        Array(#"{"EventType":"\#(event.eventType)","\#(event.identity)":"\#(value)"}"#.utf8)
    }

    @Test func everyCatalogIdentityResolves() throws {
        for (index, event) in EventCatalog.events.enumerated() {
            let slot = SummaryFieldTable.identitySlots[index]
            #expect(SummaryFieldTable.names[slot] == event.identity, "\(event.eventType)")
            let reader = DocumentReader(input: BytesInput(Self.withIdentity(event, value: "id-\(index)")), mode: .body)
            try reader.forEach { document in
                guard let json = document.json else { Issue.record("\(event.eventType): not read"); return }
                let nodes = SummaryFieldNodes(json)
                let node = nodes.identity(json)
                #expect(node >= 0, "\(event.eventType): its identity \(event.identity) maps to no node")
                #expect(node >= 0 && json.string(node) == "id-\(index)", "\(event.eventType)")
            }
        }
    }

    @Test func everyNameHasOneSlotAndTheCountedOnesComeFirst() {
        let names = SummaryFieldTable.names
        #expect(Set(names).count == names.count)
        #expect(Array(names.prefix(SummaryFieldTable.counted.count)) == SummaryFieldTable.counted)
        #expect(names.count <= SummaryFieldTable.capacity)
        func slot(_ key: String) -> Int? {
            var key = key
            return key.withUTF8 { bytes in
                SummaryFieldTable.lookup.entries.withUnsafeBufferPointer {
                    SummaryFieldTable.slot(of: UnsafeRawBufferPointer(bytes), in: $0, multiplier: SummaryFieldTable.lookup.multiplier)
                }
            }
        }
        for name in names {
            var bytes = name
            #expect(bytes.withUTF8 { SummaryFieldTable.order.rank(of: UnsafeRawBufferPointer($0)) } == names.firstIndex(of: name))
            #expect(slot(name) == names.firstIndex(of: name), "\(name)")
            #expect(slot(name + "x") == nil && slot(String(name.dropLast())) == nil && slot(name.lowercased()) == nil)
        }
        for other in ["", "a", "MediaRefreshJobIx", "MediaRefreshJobIdd", String(repeating: "x", count: 200), "EventTyp\u{e9}"] {
            #expect(slot(other) == nil, "\(other)")
        }
    }

    /// The first key spelled exactly as a field counts, in whatever order keys come.
    @Test func theFirstSpellingCountsInAnyKeyOrder() throws {
        let text = #"{"MediaId":"m1","Status":"fail","EventType":"DeleteMediaComplete","MediaId":"m2","status":"x","ErrorCode":"E"}"#
        let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body)
        try reader.forEach { document in
            guard let json = document.json else { Issue.record("not read"); return }
            let nodes = SummaryFieldNodes(json)
            #expect(json.string(nodes.mediaId) == "m1")
            #expect(json.string(nodes.status) == "fail")
            #expect(json.string(nodes.errorCode) == "E")
            #expect(nodes.eventTime == -1 && nodes.code == -1)
            #expect(json.string(nodes.identity(json)) == "m1")
        }
    }

    /// Distinct media are counted across events by each one's identity
    /// field: an upload's VideoId and a deletion's MediaId naming the same
    /// video are one medium.
    @Test func distinctMediaCountAcrossEvents() throws {
        let lines = [
            #"{"EventType":"FileUploadComplete","VideoId":"v1","Status":"success"}"#,
            #"{"EventType":"TranscodeComplete","VideoId":"v1","Status":"success"}"#,
            #"{"EventType":"TranscodeComplete","VideoId":"v2","Status":"success"}"#,
            #"{"EventType":"DeleteMediaComplete","MediaId":"v1","Status":"success"}"#,
            #"{"EventType":"NoSuchEvent","VideoId":"v3"}"#,
        ]
        var summary = CallbackSummary(remembersLocations: false)
        for (number, line) in lines.enumerated() {
            let reader = DocumentReader(input: BytesInput(Array(line.utf8)), mode: .body)
            try reader.forEach { document in
                let report = DocumentReport(source: "-", index: number + 1, startOffset: 0, eventType: nil, diagnostics: [])
                summary.add(report, document: document.json, normalized: nil, at: .init(source: 0, line: number + 1))
            }
        }
        #expect(summary.distinctMedia == 2)
        #expect(summary.distinctMediaIds == 1)
        let byEvent = Dictionary(uniqueKeysWithValues: summary.byEventType.map { ($0.eventType, $0.distinctIdentities) })
        #expect(byEvent == ["FileUploadComplete": 1, "TranscodeComplete": 2, "DeleteMediaComplete": 1, "NoSuchEvent": 0])
    }

    @Test func shardsFollowTheMediaNotTheField() throws {
        func part(_ text: String, _ count: Int) throws -> Int {
            var result = -1
            try DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body).forEach { result = IdentityShard.part(of: $0.json, count: count) }
            return result
        }
        for count in [2, 3, 7, 16] {
            let upload = try part(#"{"EventType":"FileUploadComplete","VideoId":"abc"}"#, count)
            #expect(try part(#"{"EventType":"DeleteMediaComplete","MediaId":"abc"}"#, count) == upload)
            #expect(try part(#"{"EventType":"AIMediaAuditComplete","JobId":"j9","MediaId":"abc"}"#, count) == upload)
            #expect(try part(#"{"EventType":"NoSuchEvent"}"#, count) == 0)
            #expect(try part(#"[1]"#, count) == 0)
        }
        // FNV-1a 64's published check value: "a" hashes to af63dc4c8601ec8c.
        #expect(Array("a".utf8).withUnsafeBytes(IdentityShard.fnv1a) == 0xaf63_dc4c_8601_ec8c)
    }

    /// The memo answers what the catalog answers, however event types alternate.
    @Test func theEventTypeMemoAgreesWithTheCatalog() {
        var memo = EventTypeMemo()
        let names = ["DeleteMediaComplete", "DeleteMediaComplete", "NoSuchEvent", "FileUploadComplete", "NoSuchEvent", "", "DeleteMediaComplete"]
            + EventCatalog.events.map(\.eventType) + EventCatalog.events.map(\.eventType).reversed()
        for name in names {
            var bytes = name
            bytes.withUTF8 { utf8 in
                let raw = UnsafeRawBufferPointer(utf8)
                #expect(memo.index(forEventType: raw) == EventCatalog.index(forEventType: raw), "\(name)")
            }
        }
    }
}
