import Foundation
import Testing
import VODHookCore

/// `sample --lifecycle` is a believable receiver log: every line valid,
/// times never going back, each TranscodeComplete listing exactly the
/// streams sent for its video before it, and some copies and failures.
@Suite struct LifecycleTests {
    static func log(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = LifecycleGenerator(seed: seed)
        return (0..<count).map { _ in generator.next() }
    }

    @Test(arguments: [UInt64(1), 7, 2026])
    func theLogIsValidOrderedAndConsistent(_ seed: UInt64) throws {
        let lines = Self.log(3000, seed: seed)
        let documents = try checkDocuments(lines.flatMap { $0 + [0x0A] })
        #expect(documents.count == lines.count)
        let firstProblem = documents.first { !$0.isEmpty } ?? []
        #expect(firstProblem.isEmpty, "\(firstProblem)")
        var previousTime = ""
        var streams: [String: [String]] = [:]
        var copies = 0, failures = 0
        var seen = Set<[UInt8]>()
        var events = Set<String>()
        for line in lines {
            if !seen.insert(line).inserted { copies += 1; continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let time = try #require(object["EventTime"] as? String)
            #expect(time >= previousTime)
            previousTime = time
            let event = try #require(object["EventType"] as? String)
            events.insert(event)
            if (object["Status"] as? String) == "fail" { failures += 1 }
            let video = (object["VideoId"] ?? object["MediaId"]) as? String ?? ""
            if event == "StreamTranscodeComplete" { streams[video, default: []].append(object["JobId"] as? String ?? "") }
            if event == "TranscodeComplete" {
                let listed = (object["StreamInfos"] as? [[String: Any]] ?? []).map { $0["JobId"] as? String ?? "" }
                #expect(listed == streams[video], "\(video)")
            }
        }
        #expect(copies > 0 && failures > 0)
        #expect(events.isSuperset(of: ["FileUploadComplete", "VideoAnalysisComplete", "StreamTranscodeComplete", "TranscodeComplete", "SnapshotComplete"]))
    }

    @Test func aSeedGivesTheSameLogAndALongerRunExtendsAShorterOne() {
        #expect(Self.log(500, seed: 4) == Array(Self.log(900, seed: 4).prefix(500)))
    }
}
