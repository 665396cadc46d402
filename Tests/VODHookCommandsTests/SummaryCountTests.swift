import Foundation
import Testing
import VODHookCore

/// `summary --format json` checked against an independent count made here
/// with Foundation's JSON parser, on generated logs with retried duplicates,
/// wrong values, broken lines and odd spacing.
@Suite struct SummaryCountTests {
    struct Log {
        var text = ""
        var lines: [String] = []
    }

    /// A seeded log: mostly valid callbacks, some repeated (VOD retries),
    /// some with wrong values, some lines cut off or not JSON at all.
    static func generateLog(seed: UInt64, count: Int) -> Log {
        var random = VODHookCore.SplitMix64(seed: seed)
        var log = Log()
        let statuses = ["success", "success", "success", "fail", "Success", "failed"]
        let mediaTypes = ["video", "video", "image", "attached", "Video"]
        let deleteTypes = ["all", "all", "mezzanine", "stream", "ALL"]
        let codes = ["InvalidVideo.NotFound", "DeleteVideoFailed", "InvalidStream.NotFound"]
        for index in 0..<count {
            let roll = random.next() % 100
            if roll < 8, let previous = log.lines.last {
                log.lines.append(previous)
                continue
            }
            if roll < 12 {
                log.lines.append(["{\"EventType\":\"DeleteMediaComplete\",\"Status\":", "not json", "{\"a\":1,}", "{\"a\":1}}", "\"cut"][Int(random.next() % 5)])
                continue
            }
            let status = statuses[Int(random.next() % UInt64(statuses.count))]
            var fields: [(String, String)] = [
                ("EventType", "DeleteMediaComplete"),
                ("EventTime", String(format: "2026-11-%02dT%02d:%02d:%02dZ", 1 + Int(random.next() % 28), Int(random.next() % 24), Int(random.next() % 60), Int(random.next() % 60))),
                ("Status", status),
                ("MediaType", mediaTypes[Int(random.next() % UInt64(mediaTypes.count))]),
                ("DeleteType", deleteTypes[Int(random.next() % UInt64(deleteTypes.count))]),
                ("MediaId", String(format: "%032x", random.next() % 40)),
            ]
            if status.hasPrefix("fail") { fields.append(("ErrorCode", codes[Int(random.next() % 3)])) }
            if roll % 7 == 0 { fields.reverse() }
            if index % 11 == 0 { fields[1].1 = "2026-11-05 10:00:00Z" }
            let separator = roll % 5 == 0 ? ", " : ","
            log.lines.append("{" + fields.map { "\"\($0.0)\":\"\($0.1)\"" }.joined(separator: separator) + "}")
        }
        log.text = log.lines.joined(separator: "\n") + "\n"
        return log
    }

    /// What summary should say, counted without vodhook's code.
    static func expectedCounts(_ log: Log) -> [String: Any] {
        var counts: [String: [String: Int]] = ["eventTypes": [:], "status": [:], "mediaType": [:], "deleteType": [:], "errorCodes": [:]]
        var times: [String] = []
        var normalized = Set<String>()
        var duplicates = 0
        var mediaIds = Set<String>()
        let keys = ["EventType": "eventTypes", "Status": "status", "MediaType": "mediaType", "DeleteType": "deleteType", "ErrorCode": "errorCodes"]
        for line in log.lines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String] else { continue }
            for (field, name) in keys { if let value = object[field] { counts[name]![value, default: 0] += 1 } }
            if let time = object["EventTime"], time.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil {
                times.append(time)
            }
            if let id = object["MediaId"] { mediaIds.insert(id) }
            // Key order and spacing do not matter to the normalized form.
            let canonical = object.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
            if !normalized.insert(canonical).inserted { duplicates += 1 }
        }
        var expected: [String: Any] = counts
        expected["documents"] = log.lines.count
        expected["duplicates"] = duplicates
        expected["distinctMediaIds"] = mediaIds.count
        expected["firstEventTime"] = times.min()
        expected["lastEventTime"] = times.max()
        return expected
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func countsMatchAnIndependentCount(_ seed: UInt64) throws {
        let log = Self.generateLog(seed: seed, count: 400)
        let result = try InProcess.runLikeBinary(["summary", "--format", "json"], stdin: Data(log.text.utf8))
        #expect(result.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let expected = Self.expectedCounts(log)
        #expect(summary["documents"] as? Int == expected["documents"] as? Int)
        #expect((summary["valid"] as? Int ?? -1) + (summary["invalid"] as? Int ?? -1) == log.lines.count)
        #expect(summary["duplicates"] as? Int == expected["duplicates"] as? Int)
        #expect(summary["distinctMediaIds"] as? Int == expected["distinctMediaIds"] as? Int)
        #expect(summary["firstEventTime"] as? String == expected["firstEventTime"] as? String)
        #expect(summary["lastEventTime"] as? String == expected["lastEventTime"] as? String)
        for name in ["eventTypes", "status", "mediaType", "deleteType", "errorCodes"] {
            #expect(summary[name] as? [String: Int] == expected[name] as? [String: Int], "\(name)")
        }
    }
}
