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
    /// Look-alikes' tell-tales and keys that differ from a field by whitespace, rarer than `extraKeys`.
    static let rareKeys = ["\"ErrorCode \": \"x\"", "\" MediaId\": \"x\"", "\"UserId\": 1833220977560102", "\"MessageBody\": {}",
                           "\"FileId\": \"5285890784246869930\"", "\"vids\": \"a_1\""]

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
            for extra in rareKeys where Int.random(in: 0..<1000, using: &random) < 8 {
                members.insert(extra, at: Int.random(in: 0...members.count, using: &random))
            }
            if Bool.random(using: &random) { members.shuffle(using: &random) }
            documents.append("{" + members.joined(separator: ",") + "}")
        }
        return documents
    }

    /// Shapes from other vendors and real payloads, which the full check
    /// judges in new ways: the quick pass must never pass what it reports.
    static let shapes: [String] = [
        #"{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"43a1c09ee1a571eeb0f64531a8c30102","Size":4372373,"FileUrl":"http://outin-****.oss-cn-shanghai.aliyuncs.com/a.mp4","Status":"success"}"#,
        #"{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"43a1c09ee1a571eeb0f64531a8c30102","Size":4372373,"FileUrl":"http://outin-a.oss-cn-shanghai.aliyuncs.com/a*b.mp4","Status":"success"}"#,
        #"{"EventTime":"2020-08-13T11:20:33Z","EventType":"AddLiveRecordVideoComplete","VideoId":"b2f5a0c1d9e84c7f8a6b5c4d3e2f0102","Status":"success","UserId":"20816433"}"#,
        #"{"EventTime":"2020-08-13T11:20:33Z","EventType":"AddLiveRecordVideoComplete","VideoId":"b2f5a0c1d9e84c7f8a6b5c4d3e2f0102","Status":"success","UserId":20816433}"#,
        #"{"EventType":"FileUploadComplete","UserId":1833220977560102,"EventTime":"2022-07-15T08:48:14Z","MessageBody":{"Status":"Success","MediaId":"c321b3a0041a71eda1590674a2ce0102"}}"#,
        #"{"EventType":"TranscodeComplete","TranscodeCompleteEvent":{"FileId":"5285890784246869930","ErrCode":0}}"#,
        #"{"EventType":"TranscodeComplete","FileId":"5285890784246869930","Status":"FINISH"}"#,
        #"{"eventType":"DeleteMediaComplete","vids":"a_1","deleteType":"MoveToTrash","operateTime":"2020-01-20 07:49:17"}"#,
        #"{"VideoId":"0e0f8a6b20fc4dea9e0b5c4a1d2e3f40","Size":4372373,"FileUrl":"http://outin-a.oss-cn-shanghai.aliyuncs.com/a.mp4","Status":"success","EventTime":"2021-06-30T08:41:12Z"}"#,
        #"{"name":"receiver","version":"1.0.0"}"#,
        #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId ":"10f6baa29bdf71f1bfc46733a78e0102"}"#,
    ]

    @Test(arguments: shapes) func newShapesAgree(_ text: String) throws {
        let validator = Validator()
        let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body)
        try reader.forEach { document in
            guard let json = document.json else {
                Issue.record("\(text) did not parse")
                return
            }
            #expect(validator.quickVerdictDisagreement(json) == nil)
            let full = validator.fullCheck(json, pointerPrefix: "")
            let result = validator.validate(json)
            #expect(result.diagnostics == full.diagnostics && result.eventType == full.eventType && result.eventTypeInferred == full.eventTypeInferred)
        }
    }

    @Test func aQuickPassMeansTheFullCheckFindsNothing() throws {
        let validator = Validator()
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
