import Foundation
import Testing
@testable import VODHookCommands
import VODHookCore

/// `vodhook send` against a receiver inside the test, on 127.0.0.1 only.
@Suite final class SendCommandTests {
    static let key = "test-private-key-7f3a"
    static let fast = ["VODHOOK_RETRY_DELAY_MS": "10"]
    /// The time InProcess.run's environment reports.
    static let now = "1764316801"

    /// Two documents, one written loosely, so sending normalized bytes would show.
    static let documents = """
        {"EventType":"DeleteMediaComplete","EventTime":"2025-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}
        {  "MediaId" : "20f6baa29bdf71f1bfc46733a78e0102", "EventType":"DeleteMediaComplete","EventTime":"2025-03-20T07:50:00Z","Status":"fail","MediaType":"video","DeleteType":"all","ErrorCode":"InvalidVideo.NotFound","Extra":{"a": [1, 2.50]} }

        """

    /// Files a test writes; removed after each test.
    let directory: URL

    init() throws {
        directory = try InProcess.temporaryDirectory()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func file(_ text: String) throws -> String {
        try file(Array(text.utf8))
    }

    func file(_ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent("source-\(UUID().uuidString).ndjson")
        try Data(bytes).write(to: url)
        return url.path
    }

    static func receiver(_ replies: [TestReceiver.Reply]) throws -> TestReceiver {
        try #require(TestReceiver(replies: replies), "no loopback socket in this environment")
    }

    @Test func sendsTheExactBytesSignedAndSaysSo() throws {
        let receiver = try Self.receiver([.status(200, body: "ok\nmore")])
        defer { receiver.stop() }
        let result = InProcess.run(["send", receiver.url, "--key", Self.key, try file(Self.documents)], variables: Self.fast)
        #expect(result.status == .success, "\(result.stderr)")
        let requests = receiver.requests
        try #require(requests.count == 2)
        let lines = Self.documents.split(separator: "\n").map { Array($0.utf8) }
        for (request, line) in zip(requests, lines) {
            #expect(request.body == line)
            #expect(request.method == "POST")
            #expect(request.target == "/vod/callback?app=test")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["content-length"] == String(line.count))
            #expect(request.headers["host"] == "127.0.0.1:\(receiver.port)")
            #expect(request.headers["connection"] == "close")
            #expect(request.headers["x-vod-timestamp"] == Self.now)
            let expected = CallbackSignature.compute(url: receiver.url, timestamp: Self.now, key: Self.key)
            #expect(CallbackSignature.matches(expected, request.headers["x-vod-signature"] ?? ""))
        }
        #expect(result.text.contains(":1  200  "))
        #expect(result.text.contains(" ms  delivered  ok\n"))
        #expect(result.text.hasSuffix("2 documents: 2 delivered, 0 not delivered\n"))
        #expect(!result.text.contains(Self.key) && !result.stderr.contains(Self.key))
    }

    @Test func keyComesFromAFileOrTheEnvironmentAndTheTimestampCanBeFixed() throws {
        let receiver = try Self.receiver([.status(200)])
        defer { receiver.stop() }
        let keyFile = try file("\n  \(Self.key)  \nother\n")
        let path = try file(Self.documents)
        _ = InProcess.run(["send", receiver.url, "--key-file", keyFile, "--timestamp", "1519375990", path], variables: Self.fast)
        _ = InProcess.run(["send", receiver.url, path], variables: Self.fast.merging(["VODHOOK_KEY": Self.key]) { $1 })
        _ = InProcess.run(["send", receiver.url, path], variables: Self.fast)
        let requests = receiver.requests
        try #require(requests.count == 6)
        for (index, request) in requests.enumerated() {
            let timestamp = index < 2 ? "1519375990" : Self.now
            if index < 4 {
                #expect(request.headers["x-vod-timestamp"] == timestamp)
                let expected = CallbackSignature.compute(url: receiver.url, timestamp: timestamp, key: Self.key)
                #expect(CallbackSignature.matches(expected, request.headers["x-vod-signature"] ?? ""), "request \(index)")
            } else {
                #expect(request.headers["x-vod-timestamp"] == nil && request.headers["x-vod-signature"] == nil)
            }
        }
    }

    @Test func retriesAfterA500UntilA200() throws {
        let receiver = try Self.receiver([.status(500, body: "busy"), .status(503), .status(200, body: "ok")])
        defer { receiver.stop() }
        let result = InProcess.run(["send", receiver.url, try file(Self.documents.split(separator: "\n")[0] + "\n")], variables: Self.fast)
        #expect(result.status == .success)
        #expect(receiver.requests.count == 3)
        #expect(result.text.contains("  200  ") && result.text.contains("delivered on attempt 3 (attempt 1: answered 500; attempt 2: answered 503)  ok"), "\(result.text)")
    }

    /// issue 23, point 16: a delivery that needed a retry says why the first attempt failed.
    @Test func aDeliveryAfterAFailedAttemptSaysWhyItFailed() throws {
        let receiver = try Self.receiver([.raw("not http\r\n\r\n"), .status(200, body: "ok")])
        defer { receiver.stop() }
        let result = InProcess.run(["send", receiver.url, try file(Self.documents.split(separator: "\n")[0] + "\n")], variables: Self.fast)
        #expect(result.text.contains("delivered on attempt 2 (attempt 1: "), "\(result.text)")
    }

    @Test func givesUpAfterTheRetriesAndNeverRetriesA200() throws {
        let failing = try Self.receiver([.status(500, body: "internal error\r\nstack trace")])
        defer { failing.stop() }
        let path = try file(Self.documents)
        let result = InProcess.run(["send", failing.url, "--retries", "1", path], variables: Self.fast)
        #expect(result.status == .findings)
        #expect(failing.requests.count == 4)
        #expect(result.text.contains("  500  ") && result.text.contains("not delivered after 2 attempts  internal error\n"), "\(result.text)")
        #expect(result.text.hasSuffix("2 documents: 0 delivered, 2 not delivered\n"))

        let once = InProcess.run(["send", failing.url, "--retries", "0", path], variables: Self.fast)
        #expect(once.status == .findings)
        #expect(failing.requests.count == 6)

        let succeeding = try Self.receiver([.status(200)])
        defer { succeeding.stop() }
        #expect(InProcess.run(["send", succeeding.url, path], variables: Self.fast).status == .success)
        #expect(succeeding.requests.count == 2)
    }

    @Test func redirectsAreReportedNotFollowed() throws {
        let elsewhere = try Self.receiver([.status(200)])
        defer { elsewhere.stop() }
        let redirecting = try Self.receiver([.status(302, headers: [("Location", elsewhere.url)])])
        defer { redirecting.stop() }
        let path = try file(Self.documents.split(separator: "\n")[0] + "\n")
        let result = InProcess.run(["send", redirecting.url, "--format", "json", path], variables: Self.fast)
        #expect(result.status == .findings)
        #expect(redirecting.requests.count == 3)
        #expect(elsewhere.requests.isEmpty)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        #expect(record["delivered"] as? Bool == false)
        #expect(record["status"] as? Int == 302)
        #expect(record["attempts"] as? Int == 3)
        #expect(record["location"] as? String == elsewhere.url)
        #expect((record["problem"] as? String)?.contains("not followed") == true)
        #expect(Set(record.keys) == ["source", "document", "line", "delivered", "status", "attempts", "milliseconds", "body", "location", "problem"])
    }

    @Test func aSilentReceiverTimesOut() throws {
        let receiver = try Self.receiver([.silent])
        defer { receiver.stop() }
        // No bound on the time it took, which a busy machine stretches: the message says which timeout was kept.
        let result = InProcess.run(["send", receiver.url, "--timeout", "0.3", "--retries", "1", try file(Self.documents.split(separator: "\n")[0] + "\n")], variables: Self.fast)
        #expect(result.status == .findings)
        #expect(receiver.requests.count == 2)
        #expect(result.text.contains("---") && result.text.contains("not delivered after 2 attempts: no answer within 0.3 s"), "\(result.text)")
    }

    @Test func readsChunkedAndUnframedAnswers() throws {
        let receiver = try Self.receiver([
            .raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nacc\r\n7\r\nepted\u{1B}[\r\n0\r\n\r\n"),
            .raw("HTTP/1.0 200 OK\r\n\r\nno length, ends at close"),
            .raw("not http at all\r\n\r\n"),
        ])
        defer { receiver.stop() }
        let path = try file(Self.documents)
        let result = InProcess.run(["send", receiver.url, "--retries", "0", path, path], variables: Self.fast)
        let lines = result.text.split(separator: "\n")
        try #require(lines.count == 5, "\(result.text)")
        #expect(lines[0].hasSuffix("delivered  accepted\\u001b["))
        #expect(lines[1].hasSuffix("delivered  no length, ends at close"))
        #expect(lines[2].contains("---") && lines[2].contains("expected a status line such as 'HTTP/1.1 200 OK'"), "\(lines[2])")
        #expect(result.status == .findings)
    }

    @Test func anUnreachableReceiverIsTroubleAndEndsTheRun() throws {
        let port = try #require(TestReceiver.closedPort())
        let result = InProcess.run(["send", "http://127.0.0.1:\(port)/cb", "--key", Self.key, try file(Self.documents)], variables: Self.fast)
        #expect(result.status == .trouble)
        #expect(result.stderr == "vodhook send: cannot connect to 127.0.0.1:\(port): connection refused (3 attempts)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func hostNamesResolve() throws {
        let receiver = try Self.receiver([.status(200)])
        defer { receiver.stop() }
        let url = "http://localhost:\(receiver.port)/cb"
        let result = InProcess.run(["send", url, "--key", Self.key, try file(Self.documents)], variables: Self.fast)
        #expect(result.status == .success, "\(result.stderr)")
        #expect(receiver.requests.first?.headers["host"] == "localhost:\(receiver.port)")
        let signature = CallbackSignature.compute(url: url, timestamp: Self.now, key: Self.key)
        #expect(receiver.requests.first?.headers["x-vod-signature"] == signature)
    }

    @Test func unparseableDocumentsAreNotSentUnlessSentWhole() throws {
        let receiver = try Self.receiver([.status(200)])
        defer { receiver.stop() }
        let broken = InProcess.run(["sample", "--violate", "json-syntax"]).stdout
        let bom = InProcess.run(["sample", "--violate", "json-bom"]).stdout
        let stream = try file(broken + Array(Self.documents.utf8))
        let result = InProcess.run(["send", receiver.url, stream], variables: Self.fast)
        #expect(result.status == .findings)
        #expect(result.text.contains(":1  ---  not sent: json-syntax: trailing comma"), "\(result.text)")
        #expect(result.text.hasSuffix("3 documents: 2 delivered, 1 not delivered\n"))
        #expect(receiver.requests.count == 2)

        let whole = InProcess.run(["send", "--input", "body", receiver.url, try file(broken), try file(bom), try file([])], variables: Self.fast)
        #expect(whole.status == .success, "\(whole.text)")
        #expect(receiver.requests.dropFirst(2).map(\.body) == [broken, bom, []])
    }

    @Test func capturedRequestsAreReplayedWithTheirBody() throws {
        let receiver = try Self.receiver([.status(200)])
        defer { receiver.stop() }
        let capture = BinaryRunner.packageRoot.appendingPathComponent("Examples/captures/chunked.http").path
        let result = InProcess.run(["send", receiver.url, capture], variables: Self.fast)
        #expect(result.status == .success, "\(result.text) \(result.stderr)")
        guard case .request(let captured)? = HTTPCapture.read(Array(try Data(contentsOf: URL(fileURLWithPath: capture)))).first else {
            Issue.record("the example capture holds no request")
            return
        }
        #expect(receiver.requests.map(\.body) == [captured.body])
        #expect(captured.body.first == UInt8(ascii: "{") && captured.body.contains(0x0A))
    }

    @Test(arguments: [
        ([], "missing URL"),
        (["ftp://example.com/cb"], "unsupported scheme \"ftp\""),
        (["example.com/cb"], "expected an http:// or https:// URL"),
        (["http://:80/cb"], "the URL has no host"),
        (["http://example.com:0/cb"], "invalid port \"0\""),
        (["http://example.com:99999/cb"], "invalid port \"99999\""),
        (["http://[::1/cb"], "no closing ']'"),
        (["http://user:pw@example.com/cb"], "user information"),
        (["http://example.com/a b"], "a space"),
        (["http://example.com/cb", "--key", "k", "--key-file", "f"], "not both"),
        (["http://example.com/cb", "--timestamp", "1519375990"], "goes with a key"),
        (["http://example.com/cb", "--key", "k", "--timestamp", "soon"], "for '--timestamp'"),
        (["http://example.com/cb", "--retries", "-1"], "for '--retries'"),
        (["http://example.com/cb", "--timeout", "0"], "for '--timeout'"),
        (["http://example.com/cb", "--timeout", "1e3"], "for '--timeout'"),
        (["http://example.com/cb", "--key-file", "/no/such/key"], "cannot read key file"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let result = InProcess.run(["send"] + arguments)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func urlsAreTakenApartForTheRequestAndKeptWholeForTheSignature() throws {
        let cases: [(String, String, Int, String, String)] = [
            ("http://127.0.0.1:8080/cb?x=1#frag", "127.0.0.1", 8080, "/cb?x=1", "127.0.0.1:8080"),
            ("HTTP://Example.com", "Example.com", 80, "/", "Example.com"),
            ("http://[::1]:9000/vod", "::1", 9000, "/vod", "[::1]:9000"),
            ("http://[2001:db8::2]?q", "2001:db8::2", 80, "/?q", "[2001:db8::2]"),
            ("http://receiver.internal:80/a/b/", "receiver.internal", 80, "/a/b/", "receiver.internal:80"),
        ]
        for (text, host, port, target, authority) in cases {
            let url = try CallbackURL.parse(text).get()
            #expect(url.text == text && url.host == host && url.port == port && url.target == target && url.authority == authority, "\(text)")
        }
        #expect(try CallbackURL.parse("http://[::1]:9000/vod").get().endpoint == "[::1]:9000")
    }

    @Test func keysAreNeverPrinted() throws {
        let receiver = try Self.receiver([.status(500, body: "refused")])
        defer { receiver.stop() }
        let path = try file(Self.documents)
        let runs = [
            InProcess.run(["send", receiver.url, "--key", Self.key, "--retries", "0", path], variables: Self.fast),
            InProcess.run(["send", receiver.url, "--key", Self.key, "--retries", "0", "--format", "json", path], variables: Self.fast),
            InProcess.run(["send", receiver.url, "--key", Self.key, "--key-file", Self.key]),
            InProcess.run(["send", "https://example.com", "--key", Self.key, "--cacert", "/no/such/ca.pem"]),
            InProcess.run(["send", receiver.url, "--kye", Self.key]),
            InProcess.run(["send", receiver.url, "--key", Self.key, "--timestamp", "soon"]),
            InProcess.run(["send", "http://127.0.0.1:\(try #require(TestReceiver.closedPort()))/", "--key", Self.key, path], variables: Self.fast),
        ]
        for run in runs {
            #expect(!run.text.contains(Self.key) && !run.stderr.contains(Self.key), "\(run.text)\(run.stderr)")
            #expect(!run.text.isEmpty || !run.stderr.isEmpty)
        }
    }
}
