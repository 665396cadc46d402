import Foundation
import Testing

/// The JSON output matches the schemas published in docs/schemas, and uses
/// no key they do not declare (a new key needs the schema and docs first).
@Suite struct OutputSchemaTests {
    static let root = BinaryRunner.packageRoot

    static func schema(_ name: String) throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: root.appendingPathComponent("docs/schemas/\(name)")))
    }

    /// The schema with `additionalProperties: false` wherever it lists
    /// properties and says nothing else, so undeclared keys are found.
    static func closed(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(var rules):
            for (key, value) in rules { rules[key] = closed(value) }
            if rules["properties"] != nil && rules["additionalProperties"] == nil { rules["additionalProperties"] = .bool(false) }
            return .object(rules)
        case .array(let elements): return .array(elements.map(closed))
        default: return schema
        }
    }

    static func lines(_ bytes: [UInt8]) -> [Data] {
        bytes.split(separator: 0x0A).map { Data($0) }
    }

    static func expectConforming(_ lines: [Data], to schema: JSONValue, _ what: String) throws {
        let strict = closed(schema)
        for line in lines {
            let record = try JSONValue.parse(line)
            let problems = SchemaSubset.problems(record, strict)
            #expect(problems.isEmpty, "\(what): \(problems) in \(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func checkRecordsOfEveryExampleMatchTheSchema() throws {
        let result = InProcess.run(["check", "--format", "json", Self.root.appendingPathComponent("Examples").path])
        let records = Self.lines(result.stdout)
        // 66 plain documents, the three of Examples/rules/compressed-input-*.ndjson.gz
        // and the eight callbacks of Examples/logs (a log and its .gz rotation), which the walk reads.
        #expect(records.count == 77)
        try Self.expectConforming(records, to: try Self.schema("check-record-v1.schema.json"), "check")
    }

    @Test func verifyRecordsMatchTheSchema() throws {
        let captures = Self.root.appendingPathComponent("Examples/captures").path
        let result = InProcess.run([
            "verify", "--format", "json", "--url", "https://example.com/vod/callback",
            "--key", "example-key", "--key", "old-key", "--max-age", "300", captures,
        ])
        let records = Self.lines(result.stdout)
        #expect(records.count >= 10)
        let text = String(decoding: result.stdout, as: UTF8.self)
        for value in ["\"signature\":\"valid\"", "\"signature\":\"mismatch\"", "\"signature\":\"missing\"", "\"keyIndex\":1"] {
            #expect(text.contains(value), "the captures no longer show \(value)")
        }
        try Self.expectConforming(records, to: try Self.schema("check-record-v1.schema.json"), "verify")
    }

    @Test func summaryMatchesTheSchema() throws {
        for paths in [["Examples"], ["Examples/rules/no-document.json"]] {
            let result = InProcess.run(["summary", "--format", "json"] + paths.map { Self.root.appendingPathComponent($0).path })
            try Self.expectConforming([Data(result.stdout)], to: try Self.schema("summary-v1.schema.json"), "summary \(paths)")
        }
    }

    // The checker finds what it should, so the tests above can fail.

    @Test func theCheckerFindsEachKindOfProblem() throws {
        let schema = Self.closed(try Self.schema("check-record-v1.schema.json"))
        let good = #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[]}"#
        #expect(SchemaSubset.problems(try JSONValue.parse(Data(good.utf8)), schema).isEmpty)
        let broken = [
            #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"diagnostics":[]}"#,
            #"{"source":"-","document":-1,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[]}"#,
            #"{"source":"-","document":1,"line":1,"column":1,"valid":1,"eventType":null,"diagnostics":[]}"#,
            #"{"source":"-","document":1.5,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[]}"#,
            #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[],"extra":1}"#,
            #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"eventType":null,"signature":"ok","diagnostics":[]}"#,
            #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[{"severity":"fatal","rule":"r","message":"m","pointer":"","line":1,"column":1,"offset":0}]}"#,
            #"{"source":"-","document":1,"line":1,"column":1,"valid":true,"eventType":null,"diagnostics":[{"severity":"note","rule":"r","message":"m","pointer":"","line":1,"column":1}]}"#,
        ]
        for text in broken {
            #expect(!SchemaSubset.problems(try JSONValue.parse(Data(text.utf8)), schema).isEmpty, "\(text)")
        }
        let unknownKeyword = JSONValue.object(["type": .string("object"), "pattern": .string("x")])
        #expect(!SchemaSubset.problems(.object([:]), unknownKeyword).isEmpty)
    }
}
