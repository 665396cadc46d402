import Foundation
import Testing

/// `vodhook listen` end to end: the built binary on an ephemeral port of
/// 127.0.0.1, driven by `send`, by raw sockets and by a relay target.
@Suite struct ListenTests {
    static func body(_ mediaId: String) -> String {
        #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":""# + mediaId + #""}"#
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-listen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func post(_ body: String, path: String = "/cb", headers: String = "") -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    @Test func sendToListenSignedAndUnsigned() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.txt").path
        let capture = directory.appendingPathComponent("capture.http").path
        try "s3cret\n".write(toFile: key, atomically: true, encoding: .utf8)
        let listen = try LiveProcess(["listen", "--port", "0", "--key-file", key, "--count", "2", "--save", capture])
        let port = try #require(listen.listenPort())
        let url = "http://127.0.0.1:\(port)/vod/callback"
        let signed = try InProcess.runLikeBinary(["send", url, "--key-file", key], stdin: Data(Self.body("aaaa0001").utf8))
        #expect(signed.status == 0)
        let unsigned = try InProcess.runLikeBinary(["send", url], stdin: Data(Self.body("aaaa0002").utf8))
        #expect(unsigned.status == 0, "listen answers 200 even to an unsigned request")
        #expect(listen.wait() == 1, "--count judges: the unsigned request fails its signature")
        let lines = listen.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains("#1  POST \"/vod/callback\"  signature valid") && $0.contains("  body valid  -> 200") })
        #expect(lines.contains { $0.contains("#2  POST \"/vod/callback\"  signature missing") && $0.contains("  body valid  -> 200") }, "the two verdicts apart: a valid body, no signature")
        #expect(listen.stdout.contains("[signature-missing]"))
        #expect(listen.stdout.contains("listen: 2 requests: 1 valid, 1 invalid, 0 copies"))
        let verified = try InProcess.runLikeBinary(["verify", "--url", url, "--key-file", key, capture], stdin: nil)
        #expect(String(decoding: verified.stdout, as: UTF8.self).contains("checked 2 requests: 1 valid, 1 invalid"))
    }

    @Test func failFirstShowsTheSendersRetries() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--fail-first", "2", "--count", "3"])
        let port = try #require(listen.listenPort())
        let sent = try InProcess.runLikeBinary(["send", "http://127.0.0.1:\(port)/cb"], stdin: Data(Self.body("bbbb0001").utf8))
        #expect(String(decoding: sent.stdout, as: UTF8.self).contains("-:1  200"))
        #expect(listen.wait() == 0)
        let lines = listen.stdout.split(separator: "\n").filter { $0.contains("#") }
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("body valid  -> 500"))
        #expect(lines[1].hasSuffix("body valid  copy of request 1  -> 500"))
        #expect(lines[2].hasSuffix("body valid  copy of request 1  -> 200"))
        #expect(listen.stdout.contains("3 requests: 3 valid, 0 invalid, 2 copies"))
    }

    @Test func aChunkedBodyFromARawSocketIsReadAndSavedAsReceived() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("capture.http").path
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--save", capture, "--format", "json"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        let body = Array(Self.body("cccc0001").utf8)
        let head = "POST /chunked HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
        var chunks = String(body.count - 20, radix: 16) + "\r\n" + String(decoding: body[..<(body.count - 20)], as: UTF8.self) + "\r\n"
        chunks += "14;ext=1\r\n" + String(decoding: body[(body.count - 20)...], as: UTF8.self) + "\r\n0\r\nX-Trailer: 1\r\n\r\n"
        client.send(head)
        #expect(client.statuses(1) == [100])
        client.send(chunks)
        #expect(client.statuses(1) == [200])
        let request = head + chunks
        #expect(listen.wait() == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(listen.stdout.utf8)) as? [String: Any])
        #expect(record["valid"] as? Bool == true)
        #expect(record["request"] as? Int == 1)
        #expect(record["answer"] as? Int == 200)
        #expect(record["signature"] as? String == "missing")
        #expect(record["body"] as? String == "valid")
        #expect(record["path"] as? String == "/chunked")
        #expect((record["identity"] as? [String: String]) == ["name": "MediaId", "value": "cccc0001"])
        #expect(try String(contentsOfFile: capture, encoding: .utf8) == request)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "2"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(Self.post(Self.body("dddd0001")) + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + Self.post(Self.body("dddd0001")))
        #expect(client.statuses(3) == [200, 405, 200])
        #expect(listen.wait() == 0, "the GET is no callback: it neither fails nor counts towards --count 2")
        #expect(listen.stdout.contains("#2  POST \"/cb\""))
        #expect(listen.stdout.contains("copy of request 1  -> 200"))
        #expect(listen.stdout.contains("GET \"/health\"  not a callback (only POST is)  -> 405"))
    }

    /// Each event is shown by its own identity field, not always MediaId.
    @Test func eachRequestIsNamedByItsEventsIdentityField() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "2"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        let upload = #"{"EventType":"FileUploadComplete","EventTime":"2026-11-28T08:00:01Z","VideoId":"9cebe8a6d050dd0112a764fb66abc9cf","Status":"success","Size":1,"FileUrl":"http://example.com/a.mp4"}"#
        client.send(Self.post(upload) + Self.post(Self.body("10f6baa29bdf71f1bfc46733a78e0102")))
        #expect(client.statuses(2) == [200, 200])
        _ = listen.wait()
        #expect(listen.stdout.contains(#""FileUploadComplete"  VideoId "9cebe8a6d050dd0112a764fb66abc9cf""#))
        #expect(listen.stdout.contains(#""DeleteMediaComplete"  MediaId "10f6baa29bdf71f1bfc46733a78e0102"  body valid"#))
    }

    @Test func garbageOversizedAndSlowRequestsAreRefusedAndTheServerStopsOnASignal() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--header-timeout", "300ms"])
        let port = try #require(listen.listenPort())
        let garbage = try #require(RawClient(port: port))
        garbage.send("\u{16}\u{03}\u{01} hello\r\n\r\n")
        #expect(garbage.statuses(1) == [400])
        #expect(garbage.closedByServer())
        let bigHead = try #require(RawClient(port: port))
        bigHead.send("POST /cb HTTP/1.1\r\nHost: x\r\nX-Padding: " + String(repeating: "a", count: 70_000) + "\r\n\r\n")
        #expect(bigHead.statuses(1) == [431])
        let bigBody = try #require(RawClient(port: port))
        bigBody.send("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 40000000\r\n\r\n{")
        #expect(bigBody.statuses(1) == [413])
        let slow = try #require(RawClient(port: port))
        slow.send("POST /cb HTTP/1.1\r\nHost: x\r\n")
        #expect(slow.statuses(1) == [408], "answered once the head is late")
        // A request still arriving when the signal comes is finished, not cut off.
        let inFlight = try #require(RawClient(port: port))
        let body = Self.body("eeee0001")
        inFlight.send(Self.post(body, headers: "Expect: 100-continue\r\n").dropLast(body.utf8.count).description)
        // The 100 answer says the server holds the head: the request is in flight.
        #expect(inFlight.statuses(1) == [100])
        listen.signal(SIGINT)
        #expect(listen.waitFor(stderr: true) { $0.contains("stopping; finishing the requests in flight") })
        inFlight.send(body)
        #expect(inFlight.statuses(1) == [200])
        #expect(listen.wait() == 0)
        let out = listen.stdout
        for expected in ["400 Bad Request: not an HTTP request", "431 Request Header Fields Too Large", "413 Content Too Large", "408 Request Timeout"] {
            #expect(out.contains(expected), "\(expected)")
        }
        #expect(out.contains("listen: 1 request: 1 valid, 0 invalid, 0 copies, 4 refused"))
    }

    @Test func aThousandRequestsOverFiftyConnectionsAreAllReceivedAndSaved() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("load.http").path
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1000", "--save", capture, "--format", "json"])
        let port = try #require(listen.listenPort())
        let answered = NSLock()
        nonisolated(unsafe) var statuses: [Int] = []
        DispatchQueue.concurrentPerform(iterations: 50) { connection in
            guard let client = RawClient(port: port) else { return }
            // Twenty keep-alive requests a connection, half of them sent before any answer.
            var found: [Int] = []
            for batch in 0..<2 {
                var text = ""
                for index in 0..<10 { text += Self.post(Self.body(String(format: "%04d%04d", connection, batch * 10 + index))) }
                client.send(text)
                found += client.statuses(10)
            }
            answered.withLock { statuses += found }
        }
        #expect(statuses.count == 1000)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(listen.wait() == 0)
        #expect(listen.stdout.split(separator: "\n").count == 1000)
        #expect(listen.stderr.contains("listen: 1000 requests: 1000 valid, 0 invalid, 0 copies"))
        let summary = try InProcess.runLikeBinary(["summary", "--totals-only", capture], stdin: nil)
        let text = String(decoding: summary.stdout, as: UTF8.self)
        #expect(text.contains("documents       1000"))
        #expect(text.contains("duplicates      0"))
        #expect(text.contains("distinct media  1000"))
    }

    @Test func forwardToRelaysTheRequestAndAnswersWithTheReceiversStatus() throws {
        let receiver = try #require(TestReceiver(replies: [.status(202)]))
        defer { receiver.stop() }
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", receiver.url])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        let body = Self.body("ffff0001")
        client.send(Self.post(body, headers: "X-VOD-TIMESTAMP: 1764316801\r\nX-VOD-SIGNATURE: 0123456789abcdef0123456789abcdef\r\n"))
        #expect(client.statuses(1) == [202])
        #expect(listen.wait() == 0)
        let relayed = try #require(receiver.requests.first)
        #expect(relayed.body == Array(body.utf8))
        #expect(relayed.headers["x-vod-timestamp"] == "1764316801")
        #expect(relayed.headers["x-vod-signature"] == "0123456789abcdef0123456789abcdef")
        #expect(relayed.target == "/vod/callback?app=test")
        #expect(listen.stdout.contains("-> 202"))
        #expect(listen.stdout.contains("forwarded to \(receiver.url): 202 in "))
    }

    @Test func anUnreachableRelayTargetGives502() throws {
        let closed = try #require(TestReceiver.closedPort())
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", "http://127.0.0.1:\(closed)/cb"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(Self.post(Self.body("ffff0002")))
        #expect(client.statuses(1) == [502])
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("forwarding to http://127.0.0.1:\(closed)/cb failed: connection refused; answered 502"))
    }

    @Test func aPortInUseExitsWithTwo() throws {
        let receiver = try #require(TestReceiver(replies: []))
        defer { receiver.stop() }
        let result = try BinaryRunner.run(["listen", "--port", String(receiver.port)])
        #expect(result.status == 2)
        #expect(String(decoding: result.stderr, as: UTF8.self) == "vodhook listen: error: cannot listen on \"127.0.0.1\" port \(receiver.port): the port is already in use; choose another with --port, or --port 0 for any free one\n")
    }

    @Test func sigtermStopsAnIdleServerWithItsTotals() throws {
        let listen = try LiveProcess(["listen", "--port", "0"])
        let port = try #require(listen.listenPort())
        let idle = try #require(RawClient(port: port))
        listen.signal(SIGTERM)
        #expect(idle.closedByServer())
        #expect(listen.wait() == 0)
        #expect(listen.stdout == "listen: 0 requests: 0 valid, 0 invalid, 0 copies\n")
    }
}
