import Foundation
import Testing
@testable import VODHookCommands
import VODHookCore

/// `vodhook send https://...` against receivers with certificates made in
/// the test: trusted with --cacert, refused without it and the problem
/// named, accepted with --insecure. Skipped, saying so, without openssl,
/// python3 or libcurl. The time limit only stops a hang (a TLS server that
/// never answers): ten minutes, so a loaded machine never reaches it.
@Suite(.enabled(if: TLSTestServer.missing == nil, "needs the openssl CLI, python3 with ssl and libcurl; one of them is missing"),
       .timeLimit(.minutes(10)))
struct SendHTTPSTests {
    static let key = "test-private-key-7f3a"
    static let fast = ["VODHOOK_RETRY_DELAY_MS": "10"]
    static let documents = SendCommandTests.documents

    let server: TLSTestServer
    let source: String

    init() throws {
        server = try #require(TLSTestServer.shared, "the https test receiver did not start")
        source = server.directory.appendingPathComponent("documents-\(UUID().uuidString).ndjson").path
        try Data(Self.documents.utf8).write(to: URL(fileURLWithPath: source))
    }

    /// A request target of its own for each test, since the tests share the receiver.
    static func target() -> String { "/vod/callback?test=\(UUID().uuidString)" }

    @Test func deliversTheExactBytesSignedOverTheHTTPSURLWithCacert() throws {
        let target = Self.target()
        let url = server.url(.selfSigned, target: target)
        let result = InProcess.run(["send", url, "--key", Self.key, "--cacert", server.file("selfSigned").path, source], variables: Self.fast)
        #expect(result.status == .success, "\(result.text)\(result.stderr)")
        #expect(result.text.hasSuffix("2 documents: 2 delivered, 0 not delivered\n"), "\(result.text)")
        let requests = server.requests(for: target, count: 2)
        try #require(requests.count == 2)
        let lines = Self.documents.split(separator: "\n").map { Array($0.utf8) }
        for (request, line) in zip(requests, lines) {
            #expect(request.body == line)
            #expect(request.version == "HTTP/1.1")
            #expect(request.headers["host"] == "127.0.0.1:\(server.ports[.selfSigned] ?? 0)")
            #expect(request.headers["x-vod-timestamp"] == SendCommandTests.now)
            // Signed over the https:// URL as given: what VOD does for an https callback URL.
            let expected = CallbackSignature.compute(url: url, timestamp: SendCommandTests.now, key: Self.key)
            #expect(CallbackSignature.matches(expected, request.headers["x-vod-signature"] ?? ""))
        }
    }

    @Test func aHostNameIsCheckedAgainstTheCertificate() throws {
        let target = Self.target()
        let url = server.url(.selfSigned, host: "localhost", target: target)
        let result = InProcess.run(["send", url, "--cacert", server.file("selfSigned").path, source], variables: Self.fast)
        #expect(result.status == .success, "\(result.text)\(result.stderr)")
        #expect(server.requests(for: target, count: 2).map { $0.headers["host"] } == Array(repeating: "localhost:\(server.ports[.selfSigned] ?? 0)", count: 2))
    }

    @Test func aSelfSignedCertificateIsRefusedWithoutCacertAndAcceptedWithInsecure() throws {
        let target = Self.target()
        let url = server.url(.selfSigned, target: target)
        let refused = InProcess.run(["send", url, "--key", Self.key, source], variables: Self.fast)
        #expect(refused.status == .trouble)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("vodhook send: cannot connect securely to 127.0.0.1:\(server.ports[.selfSigned] ?? 0): the certificate is self-signed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("pass --cacert FILE") && refused.stderr.contains("--insecure"), "\(refused.stderr)")
        #expect(!refused.stderr.contains(Self.key))

        for flag in ["--insecure", "-k"] {
            let accepted = InProcess.run(["send", url, flag, source], variables: Self.fast)
            #expect(accepted.status == .success, "\(accepted.text)\(accepted.stderr)")
        }
        // Only the accepted runs reached the receiver: a refused handshake sends nothing.
        #expect(server.requests(for: target, count: 4).count == 4)
    }

    @Test func aCertificateForAnotherNameIsRefused() throws {
        let result = InProcess.run(["send", server.url(.wrongName, target: Self.target()), "--cacert", server.file("wrongName").path, source], variables: Self.fast)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains("the certificate is not for \"127.0.0.1\""), "\(result.stderr)")
        #expect(result.stderr.contains("use a host name the certificate is for"), "\(result.stderr)")
    }

    @Test func aCertificateFromACAIsTrustedThroughThatCA() throws {
        let target = Self.target()
        let trusted = InProcess.run(["send", server.url(.issued, target: target), "--cacert", server.file("ca").path, source], variables: Self.fast)
        #expect(trusted.status == .success, "\(trusted.text)\(trusted.stderr)")
        let unknown = InProcess.run(["send", server.url(.issued, target: target), "--cacert", server.file("selfSigned").path, source], variables: Self.fast)
        #expect(unknown.status == .trouble)
        #expect(unknown.stderr.contains("the certificate was issued by an unknown certificate authority"), "\(unknown.stderr)")
    }

    @Test func anExpiredCertificateIsRefused() throws {
        let result = InProcess.run(["send", server.url(.expired, target: Self.target()), "--cacert", server.file("ca").path, source], variables: Self.fast)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains("the certificate has expired"), "\(result.stderr)")
    }

    @Test func theRunStopsAtTheFirstRefusalWithoutRetrying() throws {
        let result = InProcess.run(["send", server.url(.selfSigned, target: Self.target()), "--format", "json", source], variables: Self.fast)
        #expect(result.status == .trouble)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// What a relay (listen --forward-to) does: one client loaded once, then exchanges from many threads at once.
    @Test func oneClientServesExchangesFromManyThreads() throws {
        let client = try TLSClient.load(trust: .certificates(file: server.file("selfSigned").path), variables: [:]).get()
        let target = Self.target()
        let url = try CallbackURL.parse(server.url(.selfSigned, target: target), allowingHTTPS: true).get()
        let request = Array("POST \(target) HTTP/1.1\r\nHost: \(url.authority)\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".utf8)
        let statuses = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let attempt = HTTPExchange.post(request, to: url, timeout: 20_000, tls: client)
            if case .answered(let response, _) = attempt.outcome { statuses.append(response.statusCode) } else { statuses.append(-1) }
        }
        #expect(statuses.values == Array(repeating: 200, count: 8))
        #expect(server.requests(for: target, count: 8).count == 8)
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Int] = []
        func append(_ value: Int) { lock.withLock { stored.append(value) } }
        var values: [Int] { lock.withLock { stored } }
    }

    /// listen --forward-to https://: the relay reaches a TLS receiver, trusting it through --cacert, and refuses it without.
    @Test func listenRelaysToAnHTTPSReceiver() throws {
        let target = Self.target()
        let url = server.url(.selfSigned, target: target)
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", url, "--cacert", server.file("selfSigned").path])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(ListenTests.post(ListenTests.body("c3c3c3c3")))
        #expect(client.statuses(1) == [200])
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("forwarded to \(url): 200 in "), "\(listen.stdout)")
        #expect(server.requests(for: target, count: 1).first?.body == Array(ListenTests.body("c3c3c3c3").utf8))

        let untrusted = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", url])
        let untrustedPort = try #require(untrusted.listenPort())
        let second = try #require(RawClient(port: untrustedPort))
        second.send(ListenTests.post(ListenTests.body("c4c4c4c4")))
        #expect(second.statuses(1) == [502])
        _ = untrusted.wait()
        #expect(untrusted.stdout.contains("the certificate is self-signed"), "\(untrusted.stdout)")
    }

    @Test func aPlainHTTPReceiverOnAnHTTPSURLIsNamed() throws {
        let result = InProcess.run(["send", server.url(.plain, target: Self.target()), source], variables: Self.fast)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains("the receiver does not speak TLS on this port"), "\(result.stderr)")
    }
}

/// What needs no receiver: the library seam, the options and libcurl's wording.
@Suite struct HTTPSSettingsTests {
    @Test func aMissingLibcurlSaysWhatToInstallAndSendsNothing() throws {
        let receiver = try #require(TestReceiver(replies: [.status(200)]), "no loopback socket in this environment")
        defer { receiver.stop() }
        let result = InProcess.run(
            ["send", "https://127.0.0.1:\(receiver.port)/cb", Self.examplePath],
            variables: ["VODHOOK_LIBCURL": "libvodhook-no-such-curl.so.4"])
        #expect(result.status == .trouble)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("vodhook send: error: https:// needs the system's libcurl, which could not be loaded (libvodhook-no-such-curl.so.4"), "\(result.stderr)")
        #if os(Linux)
        #expect(result.stderr.contains("apt-get install libcurl4"), "\(result.stderr)")
        #endif
        #expect(receiver.requests.isEmpty)
        // http:// never loads libcurl.
        let plain = InProcess.run(["send", receiver.url, Self.examplePath], variables: ["VODHOOK_LIBCURL": "libvodhook-no-such-curl.so.4"])
        #expect(plain.status == .success, "\(plain.stderr)")
    }

    static let examplePath = BinaryRunner.packageRoot.appendingPathComponent("Examples/docs-success.json").path

    @Test(arguments: [
        (["https://example.com/cb", "--cacert", "/no/such/ca.pem"], "cannot read --cacert file \"/no/such/ca.pem\": no such file or directory"),
        (["https://example.com/cb", "--cacert", "ca.pem", "--insecure"], "give '--cacert' or '--insecure', not both"),
        (["http://example.com/cb", "--insecure"], "'--insecure' goes with an https:// URL"),
        (["http://example.com/cb", "--cacert", "ca.pem"], "'--cacert' goes with an https:// URL"),
    ])
    func optionsAreCheckedBeforeAnythingIsSent(_ arguments: [String], _ message: String) {
        let result = InProcess.run(["send"] + arguments)
        #expect(result.status == .trouble)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func httpsURLsDefaultToPort443AndKeepTheirText() throws {
        let url = try CallbackURL.parse("HTTPS://receiver.example/vod?x=1", allowingHTTPS: true).get()
        #expect(url.isSecure && url.port == 443 && url.host == "receiver.example" && url.target == "/vod?x=1")
        #expect(url.text == "HTTPS://receiver.example/vod?x=1")
        #expect(try CallbackURL.parse("https://[::1]:8443/", allowingHTTPS: true).get().endpoint == "[::1]:8443")
        // Where no TLS client is at hand (listen's --forward-to, for now), https:// is refused.
        guard case .failure(let error) = CallbackURL.parse("https://receiver.example/") else {
            Issue.record("https:// was accepted without allowingHTTPS")
            return
        }
        #expect(error.message.hasPrefix("https:// is not supported here"))
    }

    /// The phrases of the TLS libraries libcurl is built with, each sorted to the problem it names.
    @Test(arguments: [
        (60, "SSL certificate problem: self-signed certificate", TLSFailure.Problem.selfSigned),
        (60, "SSL certificate problem: self signed certificate in certificate chain", .selfSigned),
        (60, "SSL certificate problem: certificate has expired", .expired),
        (60, "SSL certificate problem: certificate is not yet valid", .notYetValid),
        (60, "SSL certificate problem: unable to get local issuer certificate", .unknownIssuer),
        (60, "SSL: no alternative certificate subject name matches target host name '127.0.0.1'", .wrongHost),
        (60, "SSL: certificate subject name 'a.example' does not match target host name 'b.example'", .wrongHost),
        (60, "server certificate verification failed. CAfile: none CRLfile: none", .untrusted),
        (60, "The certificate is NOT trusted. The certificate issuer is unknown.", .unknownIssuer),
        (35, "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number", .notTLS),
        (35, "error:1408F10B:SSL routines:ssl3_get_record:wrong version number", .notTLS),
        (77, "error setting certificate file: bad.pem", .unusableCAFile),
        (35, "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to 127.0.0.1:443", .handshakeFailed),
    ] as [(Int32, String, TLSFailure.Problem)])
    func libcurlsWordsAreSortedIntoProblems(_ code: Int32, _ message: String, _ problem: TLSFailure.Problem) {
        let failure = TLSFailure(code: code, message: message, host: "127.0.0.1")
        #expect(failure.problem == problem)
        #expect(failure.description.hasSuffix("(libcurl: \"\(message)\")") || message.contains("'"), "\(failure.description)")
    }

    @Test func libcurlsWordsArePrintedSafely() {
        let failure = TLSFailure(code: 60, message: "SSL: no alternative certificate subject name matches target host name 'a\u{1B}[31m'", host: "a\u{1B}[31m")
        #expect(!failure.description.contains("\u{1B}"))
    }
}
