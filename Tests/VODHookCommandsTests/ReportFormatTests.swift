import Foundation
import Testing
import VODHookCore

/// SARIF and JUnit reports checked by readers that are not ours: the OASIS
/// SARIF 2.1.0 schema (through python3's jsonschema) and python3's XML
/// parser. Plus what GitHub code scanning needs beyond the schema.
@Suite struct ReportFormatTests {
    static let fixtures = GoldenTests.goldenDirectory.appendingPathComponent("fixtures")
    static let schema = fixtures.appendingPathComponent("sarif-schema-2.1.0.json")
    static let hasJSONSchema = PythonTool.has("jsonschema")
    static let hasXMLParser = PythonTool.has("xml.etree.ElementTree")

    /// Golden files of SARIF or JUnit runs, by name.
    static func goldenReports(_ format: String) -> [String] {
        let expected = GoldenTests.goldenDirectory.appendingPathComponent("expected")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []
        return names.filter { $0.contains("-\(format)") }.sorted()
    }

    /// The stdout section of a golden file.
    static func stdout(ofGolden name: String) throws -> String {
        let text = try String(contentsOf: GoldenTests.goldenDirectory.appendingPathComponent("expected/\(name)"), encoding: .utf8)
        let start = try #require(text.range(of: "--- stdout\n"))
        let end = try #require(text.range(of: "--- stderr\n", options: .backwards))
        return String(text[start.upperBound..<end.lowerBound])
    }

    static func temporaryFile(_ contents: String, suffix: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-report-\(UUID().uuidString)\(suffix)")
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func goldenReportsExist() {
        #expect(Self.goldenReports("sarif").count >= 4)
        #expect(Self.goldenReports("junit").count >= 4)
    }

    @Test(.enabled(if: hasJSONSchema, "python3 with jsonschema is not installed: SARIF is not checked against the OASIS schema"),
          arguments: goldenReports("sarif"))
    func sarifGoldenValidatesAgainstTheSchema(_ name: String) throws {
        let report = try Self.temporaryFile(try Self.stdout(ofGolden: name), suffix: ".sarif")
        defer { try? FileManager.default.removeItem(at: report) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            report = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(report), key=lambda e: list(e.path))
            for error in errors[:5]: print(list(error.path), error.message)
            sys.exit(1 if errors else 0)
            """
        let result = try PythonTool.run(["-c", script, Self.schema.path, report.path])
        #expect(result.status == 0, "\(name): \(result.output)")
    }

    /// What GitHub code scanning asks beyond the schema: relative URIs,
    /// 1-based lines and columns, rule IDs that the driver lists.
    @Test(arguments: goldenReports("sarif"))
    func sarifGoldenSuitsCodeScanning(_ name: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(try Self.stdout(ofGolden: name).utf8)) as? [String: Any]
        let run = try #require((object?["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = try #require(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ruleIDs == RuleCatalog.all.map(\.id.rawValue))
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.contains(ruleID))
            #expect(result["ruleIndex"] as? Int == ruleIDs.firstIndex(of: ruleID))
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(":"), "\(uri)")
            if let region = physical["region"] as? [String: Any] {
                #expect((region["startLine"] as? Int ?? 0) >= 1)
                #expect((region["startColumn"] as? Int ?? 0) >= 1)
            } else {
                #expect(ruleID == "unreadable-source", "only an unreadable path has no region")
            }
        }
    }

    @Test func sarifFixReplacesTheStringTheHintNames() throws {
        let result = try InProcess.runLikeBinary(["check", "--format", "sarif", "Examples/rules/invalid-value.json"], stdin: nil)
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let results = try #require((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let fix = try #require((results.first?["fixes"] as? [[String: Any]])?.first)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let region = try #require(replacement["deletedRegion"] as? [String: Any])
        let inserted = (replacement["insertedContent"] as? [String: Any])?["text"] as? String
        // Line 4 is `    "Status": "failed",`: the value is columns 15 to 22.
        let line = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/rules/invalid-value.json"), encoding: .utf8)
            .split(separator: "\n")[3]
        let start = try #require(region["startColumn"] as? Int), end = try #require(region["endColumn"] as? Int)
        let replaced = String(Array(line)[(start - 1)..<(end - 1)])
        #expect(replaced == "\"failed\"")
        #expect(inserted == "\"fail\"")
    }

    /// Per suite and for the whole run: tests, failures and errors match the
    /// elements, and the file parses whatever the payload held.
    static let junitCheck = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == 'testsuites', root.tag
        totals = [0, 0, 0]
        for suite in root.findall('testsuite'):
            cases = suite.findall('testcase')
            counts = [len(cases), sum(1 for c in cases if c.find('failure') is not None), sum(1 for c in cases if c.find('error') is not None)]
            stated = [int(suite.get('tests')), int(suite.get('failures')), int(suite.get('errors'))]
            assert counts == stated, (suite.get('name'), counts, stated)
            totals = [a + b for a, b in zip(totals, counts)]
        stated = [int(root.get('tests')), int(root.get('failures')), int(root.get('errors'))]
        assert totals == stated, (totals, stated)
        print(totals)
        """

    @Test(.enabled(if: hasXMLParser, "python3 is not installed: JUnit XML is not checked by an outside parser"),
          arguments: goldenReports("junit"))
    func junitGoldenParsesWithCountsRight(_ name: String) throws {
        let report = try Self.temporaryFile(try Self.stdout(ofGolden: name), suffix: ".xml")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try PythonTool.run(["-c", Self.junitCheck, report.path])
        #expect(result.status == 0, "\(name): \(result.output)")
    }

    /// Control characters, `]]>`, markup and quotes in the payload and the
    /// path: the XML must still parse, and the failure must still be there.
    @Test(.enabled(if: hasXMLParser, "python3 is not installed: JUnit XML is not checked by an outside parser"))
    func junitStaysValidXMLWhateverThePayloadHolds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var payload = Data(#"{"EventType":"DeleteMediaComplete","Status":"]]><x a='1'>&amp;\u0001","]]>":"\#u{1B}[2J","#.utf8)
        payload += Data([0x01, 0x0B, 0x7F, 0xC2, 0x85, 0xEF, 0xBF, 0xBE]) + Data("\"x\u{1}\":1}\n{\"a\":\"\u{1}\"}\n".utf8)
        let file = directory.appendingPathComponent("odd ]]> <&> \"name\".json")
        try payload.write(to: file)
        let report = directory.appendingPathComponent("report.xml")
        let result = try InProcess.runLikeBinary(["check", "--format", "junit", "-o", report.path, file.path], stdin: nil)
        #expect(result.status == 1)
        let xml = try String(contentsOf: report, encoding: .utf8)
        #expect(!xml.contains("]]>"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let parsed = try PythonTool.run(["-c", Self.junitCheck, report.path])
        #expect(parsed.status == 0, "\(parsed.output)\n\(xml)")
        #expect(parsed.output.hasPrefix("[2, 2, 0]"), "\(parsed.output)")
    }

    @Test func outputFileGetsTheReportAndStderrTheSummary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("vodhook.sarif")
        try Data("old".utf8).write(to: report)
        let result = try InProcess.runLikeBinary(["check", "--format", "sarif", "--output", report.path, "Examples/captured-log.ndjson"], stdin: nil)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(String(decoding: result.stderr, as: UTF8.self) == "checked 9 documents: 7 valid, 2 invalid; 3 errors, 0 warnings, 0 notes\n")
        let written = try Data(contentsOf: report)
        let direct = try InProcess.runLikeBinary(["check", "--format", "sarif", "Examples/captured-log.ndjson"], stdin: nil)
        #expect(written == direct.stdout)
        // Renamed into place: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["vodhook.sarif"])
        // --quiet silences the terminal, not the report asked for.
        try FileManager.default.removeItem(at: report)
        let quiet = try InProcess.runLikeBinary(["check", "--quiet", "--format", "sarif", "-o", report.path, "Examples/captured-log.ndjson"], stdin: nil)
        #expect(quiet.status == 1 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        #expect(try Data(contentsOf: report) == direct.stdout)
    }

    @Test func outputFileThatCannotBeMadeIsTrouble() throws {
        let result = try InProcess.runLikeBinary(["check", "-o", "/nonexistent-vodhook-dir/report.xml", "--format", "junit", "Examples/docs-success.json"], stdin: nil)
        #expect(result.status == 2)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("cannot write the report to \"/nonexistent-vodhook-dir/report.xml\""))
    }

    /// unreadable-source's examples are paths: the failing one must be a
    /// record with the rule in the JSON report, the passing one must not.
    @Test func unreadableSourceExamplesAreWhatTheRuleSays() throws {
        let rule = try #require(RuleCatalog.description(of: .unreadableSource))
        let failing = try InProcess.runLikeBinary(["check", "--format", "json", rule.failingExample], stdin: nil)
        #expect(failing.status == 2)
        #expect(String(decoding: failing.stdout, as: UTF8.self).contains(#""rule":"unreadable-source""#))
        let passing = try InProcess.runLikeBinary(["check", "--format", "json", rule.passingExample], stdin: nil)
        #expect(passing.status == 0)
        #expect(!String(decoding: passing.stdout, as: UTF8.self).contains("unreadable-source"))
    }
}
