import Testing
@testable import VODHookCore

/// `Validator.quickVerdict` passes a document without the full check; it
/// must do so only when the full check would find nothing, or findings
/// would vanish. These generate callbacks near the spec's edges (each field
/// absent, repeated, empty, blank, miscased, escaped, of another type or
/// value, conditions broken) and compare the two on every one.
@Suite struct QuickVerdictTests {
    static let candidates: [(key: String, values: [String])] = [
        ("EventType", ["\"DeleteMediaComplete\"", "\"deleteMediaComplete\"", "\"\"", "\" DeleteMediaComplete\"",
                       "\"Delete\\u004dediaComplete\"", "42", "\"FileUploadComplete\""]),
        ("EventTime", ["\"2026-11-28T08:00:01Z\"", "\"2026-13-01T00:00:00Z\"", "\"\"", "\"2026-11-28 08:00:01Z\"", "null"]),
        ("Status", ["\"success\"", "\"fail\"", "\"Success\"", "\"\"", "\" \"", "null", "\"fai\\u006c\""]),
        ("MediaType", ["\"video\"", "\"image\"", "\"attached\"", "\"audio\"", "\"\"", "\"\\t\""]),
        ("DeleteType", ["\"all\"", "\"mezzanine\"", "\"stream\"", "\"All\"", "\"\"", "[]"]),
        ("MediaId", ["\"10f6baa29bdf71f1bfc46733a78e0102\"", "\"10F6BAA29BDF71F1BFC46733A78E0102\"", "\"****baa29bdf71f1bfc46733a78e0102\"", "\"\""]),
        ("JobIds", ["\"a1,b2\"", "\"\"", "\" \"", "7"]),
        ("ErrorCode", ["\"InvalidVideo.NotFound\"", "\"\"", "\" x\"", "false"]),
        ("ErrorMessage", ["\"The video does not exist.\"", "\"\"", "{}"]),
    ]
    static let extraKeys = ["\"eventType\": \"DeleteMediaComplete\"", "\"Unknown\": \"x\"", "\"Event\\u0054ype\": \"DeleteMediaComplete\"",
                            "\"Status\": \"success\"", "\"MediaID\": \"x\"", "\"EventType\": \"DeleteMediaComplete\""]

    static func documents() -> [String] {
        var random = SplitMix64(seed: 2026)
        var documents: [String] = [
            #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#,
            #"{"MediaId":"10f6baa29bdf71f1bfc46733a78e0102","DeleteType":"stream","JobIds":"a","MediaType":"image","Status":"fail","ErrorCode":"X","EventTime":"2026-11-28T08:00:01Z","EventType":"DeleteMediaComplete"}"#,
            "[]", "\"DeleteMediaComplete\"", "{}", #"{"EventType":"DeleteMediaComplete"}"#,
        ]
        for _ in 0..<4000 {
            var members: [String] = []
            // Mostly valid, so clean documents come often: required fields
            // (the first six) nearly always, the conditional ones sometimes.
            for (position, (key, values)) in candidates.enumerated()
            where Int.random(in: 0..<100, using: &random) < (position < 6 ? 96 : 30) {
                let value = Int.random(in: 0..<100, using: &random) < 92 ? values[0] : values.randomElement(using: &random)!
                members.append("\"\(key)\": \(value)")
            }
            for extra in extraKeys where Int.random(in: 0..<100, using: &random) < 4 {
                members.insert(extra, at: Int.random(in: 0...members.count, using: &random))
            }
            if Bool.random(using: &random) { members.shuffle(using: &random) }
            documents.append("{" + members.joined(separator: ",") + "}")
        }
        return documents
    }

    @Test func aQuickPassMeansTheFullCheckFindsNothing() throws {
        var validator = Validator()
        var passed = 0, clean = 0
        for text in Self.documents() {
            let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body)
            try reader.forEach { document in
                guard let json = document.json else { return }
                let full = validator.fullCheck(json, pointerPrefix: "")
                let quick = validator.quickVerdict(json)
                if full.diagnostics.isEmpty { clean += 1 }
                if let quick {
                    passed += 1
                    #expect(full.diagnostics.isEmpty, "\(text): \(full.diagnostics.map(\.message))")
                    #expect(full.eventType == validator.specs[quick].spec.eventType, "\(text)")
                }
                // The fuzzers' public question gives the same answer.
                #expect(validator.quickVerdictDisagreement(json) == nil, "\(text)")
                // What callers see is the same either way.
                let result = validator.validate(json)
                #expect(result.diagnostics == full.diagnostics && result.eventType == full.eventType, "\(text)")
            }
        }
        // The quick pass must carry the usual valid callback, or it saves nothing.
        #expect(passed > 500 && passed * 10 >= clean * 8, "passed \(passed) of \(clean) clean documents")
    }
}
