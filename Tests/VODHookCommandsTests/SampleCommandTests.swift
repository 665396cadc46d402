import Foundation
import Testing
import VODHookCommands
import VODHookCore

/// `vodhook sample` end to end, in-process: what it writes is what `check` says it is.
@Suite struct SampleCommandTests {
    /// The rules a payload can break, in catalog order (json-size needs hundreds of MiB).
    static let payloadRules = RuleCatalog.all.map(\.id).filter { Violation.forRule($0) != nil }.map(\.rawValue)

    @Test func everyRuleFileBreaksOnlyItsRule() throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = InProcess.run(["sample", "--all-rules", "--seed", "5", "--output-dir", directory.path + "/rules"])
        #expect(written.status == .success && written.stdout.isEmpty && written.stderr.isEmpty, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/rules").sorted()
        #expect(files == Self.payloadRules.map { $0 + ".json" }.sorted())
        for rule in Self.payloadRules {
            let path = directory.path + "/rules/\(rule).json"
            let documents = try InProcess.checkRules(path)
            #expect(documents.count == 1 && !documents[0].isEmpty && documents[0].allSatisfy { $0 == rule }, "\(rule): \(documents)")
            let alone = InProcess.run(["sample", "--violate", rule, "--seed", "5"])
            #expect(alone.status == .success)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(alone.stdout), "\(rule)")
        }
    }

    @Test(arguments: [[], ["--pretty"]])
    func allRulesOnStandardOutputIsOneCheckableStream(_ extra: [String]) throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = InProcess.run(["sample", "--all-rules"] + extra)
        #expect(result.status == .success)
        #expect(result.stderr.contains("json-bom, no-document and source-encoding are left out"))
        let path = directory.appendingPathComponent("all.ndjson").path
        try Data(result.stdout).write(to: URL(fileURLWithPath: path))
        let lineRules = Self.payloadRules.filter { !["json-bom", "no-document", "source-encoding"].contains($0) }
        let documents = try InProcess.checkRules(path)
        #expect(documents.count == lineRules.count)
        for (rule, found) in zip(lineRules, documents) {
            #expect(!found.isEmpty && found.allSatisfy { $0 == rule }, "\(rule): \(found)")
        }
        if extra.isEmpty {
            for (rule, line) in zip(lineRules, result.lines) {
                #expect(InProcess.run(["sample", "--violate", rule]).stdout == line + [0x0A], "\(rule)")
            }
        }
    }

    @Test func samplesAreCleanForCheck() throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["--count", "300"], ["--count", "50", "--pretty", "--status", "fail"], ["--count", "50", "--delete-type", "stream"]] {
            let result = InProcess.run(["sample", "--seed", "11"] + arguments)
            let path = directory.appendingPathComponent("samples.ndjson").path
            try Data(result.stdout).write(to: URL(fileURLWithPath: path))
            let documents = try InProcess.checkRules(path)
            #expect(documents.count == Int(arguments[1]))
            #expect(documents.allSatisfy { $0.isEmpty }, "\(arguments)")
        }
    }

    @Test(arguments: [[], ["--pretty"]])
    func samplesAreAlreadyNormalized(_ layout: [String]) throws {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = InProcess.run(["sample", "--count", "30", "--set", "Extra={ \"b\" : \"\\u0041\" }"] + layout)
        let path = directory.appendingPathComponent("samples.ndjson").path
        try Data(result.stdout).write(to: URL(fileURLWithPath: path))
        #expect(result.text.contains(#""Extra":{"b":"A"}"#) || result.text.contains(#""b": "A""#))
        #expect(InProcess.run(["normalize"] + layout + [path]).stdout == result.stdout)
    }

    @Test func outputIsReproducibleAndALongerRunExtendsAShorterOne() {
        let long = InProcess.run(["sample", "--count", "20"])
        #expect(long.stdout == InProcess.run(["sample", "--count", "20", "--seed", String(SampleGenerator.defaultSeed)]).stdout)
        #expect(long.lines.prefix(5).elementsEqual(InProcess.run(["sample", "-n", "5"]).lines))
        #expect(long.stdout != InProcess.run(["sample", "--count", "20", "--seed", "2"]).stdout)
    }

    @Test func setTakesJSONWhenItIsJSONAndAStringOtherwise() throws {
        let result = InProcess.run(["sample", "--set", "MediaId=abc", "--set", "Extra=1", "--set", "Quoted=\"1\"",
                                    "--set", "List=[true,null]", "--set", "Broken={", "--set", "Empty=", "--set", "Eq=a=b"])
        #expect(result.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        #expect(object["MediaId"] as? String == "abc")
        #expect((object["Extra"] as? NSNumber)?.intValue == 1)
        #expect(object["Quoted"] as? String == "1")
        #expect((object["List"] as? [Any])?.count == 2)
        #expect(object["Broken"] as? String == "{")
        #expect(object["Empty"] as? String == "")
        #expect(object["Eq"] as? String == "a=b")
        // The spec's fields keep the spec's order; added ones follow in the order given.
        #expect(result.text.hasPrefix(#"{"EventType":"DeleteMediaComplete","EventTime":"#))
        #expect(result.text.contains(#""MediaId":"abc","Extra":1,"Quoted":"1","List":[true,null],"Broken":"{""#))
    }

    @Test func setValuesThatNestTooDeepAreRefused() {
        let deep = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        let result = InProcess.run(["sample", "--set", "Extend=" + deep])
        #expect(result.status == .trouble)
        #expect(result.stderr.contains("no well-formed payload"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--violate", "unknown-field", "--set", "A=1"], "cannot be combined with '--set'"),
        (["--all-rules", "--count", "2"], "cannot be combined with '--count'"),
        (["--all-rules", "--violate", "json-bom"], "cannot be combined with '--violate'"),
        (["--output-dir", "x"], "goes with '--all-rules'"),
        (["--violate", "no-document", "--count", "3"], "about a whole source"),
        (["--violate", "http-syntax"], "no payload can break 'http-syntax'"),
        (["--violate", "media-id-fromat"], "did you mean 'media-id-format'?"),
        (["--seed", "-1"], "for '--seed'"),
        (["--seed", "18446744073709551616"], "for '--seed'"),
        (["--count", "1e3"], "for '--count'"),
        (["--set", "NoEquals"], "expected FIELD=VALUE"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let result = InProcess.run(["sample"] + arguments)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func noDocumentIsAnEmptyOutput() {
        let result = InProcess.run(["sample", "--violate", "no-document"])
        #expect(result.status == .success && result.stdout.isEmpty && result.stderr.isEmpty)
    }
}
