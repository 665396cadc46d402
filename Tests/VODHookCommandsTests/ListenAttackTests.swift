import Foundation
import Testing

/// issue 23's attacks on `listen`, each one a test: the built binary on an
/// ephemeral port of 127.0.0.1, attacked by raw sockets. Timeouts are made
/// short by options (the seam), never waited for with sleeps; nothing here
/// bounds how long the machine may take.
@Suite struct ListenAttackTests {
    static let chunkedHead = "POST /cb HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"

    /// Attack 1: trailers and chunk extensions count against the request limit, and a trailer must be a header.
    @Test func aTrailerFloodIsRefusedAndAPhantomRequestInTrailersIsNeverADocument() throws {
        let directory = try ListenTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("capture.http").path
        let listen = try LiveProcess(["listen", "--port", "0", "--save", capture])
        let port = try #require(listen.listenPort())
        let flood = try #require(RawClient(port: port))
        let line = "X-Flood: " + String(repeating: "a", count: 1000) + "\r\n"
        flood.send(Self.chunkedHead + "2\r\n{}\r\n0\r\n")
        let block = String(repeating: line, count: 1024)
        // 34 MiB of trailers: past the request limit, which the listener says (the client may see a reset instead of the 413).
        for _ in 0..<34 { flood.send(block) }
        #expect(listen.waitFor { $0.contains("413 Content Too Large: the chunked request is over 32 MiB 128 KiB with its framing and trailers") })
        let phantom = try #require(RawClient(port: port))
        phantom.send(Self.chunkedHead + "2\r\n{}\r\n0\r\nPOST /phantom HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        #expect(phantom.statuses(1) == [400])
        listen.signal(SIGINT)
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("400 Bad Request: a request line inside the chunked body's trailers"))
        #expect(listen.stdout.contains("listen: 0 requests"))
        #expect(((try? String(contentsOfFile: capture, encoding: .utf8)) ?? "").isEmpty, "nothing of either was saved")
    }

    /// Attack 2: a relay to its own address is refused at start; a loop through another name is answered 508.
    @Test func aRelayToItselfIsRefusedAndALoopIsAnswered508() throws {
        // Listen binds before it compares, so a port another run took first is tried again too.
        var refusal = ""
        for _ in 0..<5 {
            let candidate = try #require(TestReceiver.unusedPort())
            let itself = try BinaryRunner.run(["listen", "--port", String(candidate), "--forward-to", "http://localhost:\(candidate)/cb"])
            #expect(itself.status == 2)
            refusal = String(decoding: itself.stderr, as: UTF8.self)
            if !refusal.contains("the port is already in use") { break }
        }
        #expect(refusal.contains("is this listener's own address"), "\(refusal)")
        // 127.0.0.2 is this machine too, by a name the listener cannot know is its own: the hop header catches it.
        // The port is in the relay target, so it is chosen before listen starts; another run may take it first, then another is tried.
        var started: (LiveProcess, Int)?
        for _ in 0..<5 where started == nil {
            let candidate = try #require(TestReceiver.unusedPort())
            let listen = try LiveProcess(["listen", "--host", "0.0.0.0", "--port", String(candidate), "--count", "2", "--forward-to", "http://127.0.0.2:\(candidate)/cb"])
            if listen.waitFor(stderr: true, { $0.contains("listening on") }) {
                started = (listen, candidate)
            } else {
                #expect(listen.wait() == 2 && listen.stderr.contains("the port is already in use"), "\(listen.stderr)")
            }
        }
        let (loop, port) = try #require(started)
        let client = try #require(RawClient(port: port))
        client.send(ListenTests.post(ListenTests.body("a2a2a2a2")))
        #expect(client.statuses(1) == [508])
        #expect(loop.wait() == 0)
        #expect(loop.stdout.contains("the request came back through this relay (a forwarding loop); not relayed again; answered 508"))
        #expect(loop.stdout.contains("forwarded to http://127.0.0.2:\(port)/cb: 508"))
    }

    /// Attack 3: a trickle does not reset the deadline, and does not hold up a stop.
    @Test func aTricklingClientGets408AndCannotHoldUpAStop() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--header-timeout", "400ms", "--body-timeout", "400ms", "--grace", "200ms"])
        let port = try #require(listen.listenPort())
        let body = try #require(RawClient(port: port))
        body.send("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        let head = try #require(RawClient(port: port))
        head.send("POST /cb HTTP/1.1\r\n")
        let stop = Trickler([body, head])
        #expect(body.statuses(1) == [408])
        #expect(head.statuses(1) == [408])
        stop.finish()
        // A third trickles while the signal comes: the grace period ends it.
        let late = try #require(RawClient(port: port))
        late.send("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        let lateTrickle = Trickler([late])
        listen.signal(SIGTERM)
        #expect(listen.wait() == 0)
        lateTrickle.finish()
        #expect(listen.stdout.contains("408 Request Timeout: the body came slower than 64 KiB/s after its first 400 ms"))
        #expect(listen.stdout.contains("408 Request Timeout: the request head did not arrive whole within 400 ms"))
        #expect(listen.stdout.contains("listen: 0 requests: 0 valid, 0 invalid, 0 copies, 2 refused"))
    }

    /// Attack 4: idle and half-sent connections hold no thread each, and the connection limit makes room.
    @Test func idleAndHalfSentConnectionsHoldNoThreadsAndTheLimitMakesRoom() throws {
        // A short --grace: at --count the half-sent connections are in flight, and the default 5 s would be waited out.
        let listen = try LiveProcess(["listen", "--port", "0", "--max-connections", "400", "--count", "1", "--grace", "100ms"])
        let port = try #require(listen.listenPort())
        var held: [RawClient] = []
        for index in 0..<500 {
            let client = try #require(RawClient(port: port))
            if index % 2 == 1 { client.send("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{") }
            held.append(client)
        }
        let good = try #require(RawClient(port: port))
        good.send(ListenTests.post(ListenTests.body("a4a4a4a4")))
        #expect(good.statuses(1) == [200], "the longest-idle connections made room")
        if let threads = listen.status("Threads") {
            #expect(threads <= 20, "the event loop and 16 workers, not a thread per connection: \(threads)")
        }
        #expect(listen.wait() == 0)
        withExtendedLifetime(held) {}
    }

    /// Attack 5: bodies in flight share one budget; beyond it 503, so the sender retries.
    @Test func requestsBeyondTheMemoryBudgetAreAnswered503() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--max-memory", "1", "--count", "1"])
        let port = try #require(listen.listenPort())
        let first = try #require(RawClient(port: port))
        let length = 700_000
        first.send("POST /cb HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(length)\r\n\r\n{")
        // The 100 says the first request holds its share of the budget.
        #expect(first.statuses(1) == [100])
        let second = try #require(RawClient(port: port))
        second.send("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: \(length)\r\n\r\n{")
        #expect(second.statuses(1) == [503])
        first.send(String(repeating: " ", count: length - 2) + "}")
        #expect(first.statuses(1) == [200])
        #expect(listen.wait() == 1, "the body is no callback, so --count judges it invalid")
        #expect(listen.stdout.contains("503 Service Unavailable: requests in flight would hold over 1 MiB (the memory budget)"))
    }

    /// Attack 6: a request that cannot be saved is answered 503, said, counted, and the run ends with 2.
    @Test func aRequestThatCannotBeSavedIsAnswered503AndTheRunEndsWithTwo() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let listen = try LiveProcess(["listen", "--port", "0", "--save", "/dev/full", "--count", "1"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(ListenTests.post(ListenTests.body("a6a6a6a6")))
        #expect(client.statuses(1) == [503])
        #expect(listen.wait() == 2)
        #expect(listen.stderr.contains("vodhook listen: error: cannot save request 1 to \"/dev/full\": no space left on device; answered 503 so the sender retries"))
        #expect(listen.stdout.contains("NOT SAVED  -> 503"))
        #expect(listen.stdout.contains("1 NOT SAVED"))
    }

    /// Attack 7: a second signal ends the run at once, with its totals, whatever is in flight.
    @Test func aSecondSignalEndsAtOnceWithTheTotals() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--grace", "600s", "--header-timeout", "600s"])
        let port = try #require(listen.listenPort())
        let stuck = try #require(RawClient(port: port))
        stuck.send("POST /cb HTTP/1.1\r\nHost: x\r\n")
        let ready = try #require(RawClient(port: port))
        ready.send(ListenTests.post(ListenTests.body("a7a7a7a7")))
        #expect(ready.statuses(1) == [200], "the half-sent request is held, so a signal must wait for it")
        listen.signal(SIGINT)
        #expect(listen.waitFor(stderr: true) { $0.contains("stopping; finishing the requests in flight") })
        listen.signal(SIGINT)
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("listen: 1 request: 1 valid, 0 invalid, 0 copies"))
    }

    /// Attack 8: answers that carry no body (HEAD, 204) keep a connection in step; CL with TE, and Host trouble, are refused.
    @Test func framingIsStrictAndBodilessAnswersKeepTheConnectionInStep() throws {
        let listen = try LiveProcess(["listen", "--port", "0", "--respond", "204"])
        let port = try #require(listen.listenPort())
        let head = try #require(RawClient(port: port))
        head.send("HEAD /cb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let answer = head.receivedUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 405 "))
        #expect(answer.hasSuffix("\r\n\r\n"), "a HEAD answer ends with its head: \(answer.debugDescription)")
        let client = try #require(RawClient(port: port))
        let body = ListenTests.body("a8a8a8a8")
        client.send(ListenTests.post(body) + ListenTests.post(body))
        // A body after a 204's head would be read as the next status line.
        #expect(client.statuses(2) == [204, 204])
        for (request, reason) in [
            ("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "both Content-Length and Transfer-Encoding"),
            ("POST /cb HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "without a Host header"),
            ("POST /cb HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Length: 2\r\n\r\n{}", "2 Host headers"),
        ] {
            let refused = try #require(RawClient(port: port))
            refused.send(request)
            #expect(refused.statuses(1) == [400], "\(reason)")
            #expect(refused.closedByServer())
            #expect(listen.waitFor { $0.contains(reason) })
        }
        listen.signal(SIGINT)
        #expect(listen.wait() == 0)
    }

    /// Attack 8: an absolute-form target is the URL the signature covers, not Host + the whole URL again.
    @Test func anAbsoluteFormTargetIsVerifiedAgainstItsOwnURL() throws {
        let url = "http://receiver.example/vod/cb"
        let signed = try InProcess.runLikeBinary(["sign", "--url", url, "--key", "k3y", "--timestamp", "1764316801"], stdin: nil)
        let headers = String(decoding: signed.stdout, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let listen = try LiveProcess(["listen", "--port", "0", "--key", "k3y", "--count", "1"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        let body = ListenTests.body("10f6baa29bdf71f1bfc46733a78e0102")
        client.send("POST \(url) HTTP/1.1\r\nHost: receiver.example\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(client.statuses(1) == [200])
        _ = listen.wait()
        #expect(listen.stdout.contains("signature valid"))
    }
}

extension ListenAttackTests {
    /// Debugging loop 11: the sender sees the receiver's own answer (status, headers, body), and listen shows its first line.
    @Test func aRelayReturnsTheReceiversAnswerAndShowsItsFirstLine() throws {
        let receiver = try #require(TestReceiver(replies: [.status(403, headers: [("Content-Encoding", "identity"), ("X-Receiver", "yes"), ("Keep-Alive", "timeout=5")], body: "bad signature\nsecond line")]))
        defer { receiver.stop() }
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", receiver.url])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(ListenTests.post(ListenTests.body("b1b1b1b1"), headers: "Content-Encoding: identity\r\nConnection: close\r\n"))
        let answer = client.receivedUntilClosed()
        #expect(answer.hasPrefix("HTTP/1.1 403 "))
        #expect(answer.contains("X-Receiver: yes\r\n") && answer.contains("Content-Encoding: identity\r\n"))
        #expect(!answer.contains("Keep-Alive"), "hop-by-hop headers stay behind")
        #expect(answer.hasSuffix("\r\n\r\nbad signature\nsecond line"))
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("forwarded to \(receiver.url): 403 in "))
        #expect(listen.stdout.contains(" ms: bad signature\n"))
        #expect(receiver.requests.first?.headers["content-encoding"] == "identity")
        #expect(receiver.requests.first?.headers["via"] == "1.1 vodhook-listen")
    }

    /// Debugging loop 11: a receiver that sends its status and stalls is answered for with that status, within --forward-timeout.
    @Test func aReceiverThatStallsAfterItsStatusIsAnsweredForWithIt() throws {
        let receiver = try #require(TestReceiver(replies: [.stallAfter("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")]))
        defer { receiver.stop() }
        let listen = try LiveProcess(["listen", "--port", "0", "--count", "1", "--forward-to", receiver.url, "--forward-timeout", "300ms"])
        let port = try #require(listen.listenPort())
        let client = try #require(RawClient(port: port))
        client.send(ListenTests.post(ListenTests.body("b2b2b2b2")))
        #expect(client.statuses(1) == [200])
        #expect(listen.wait() == 0)
        #expect(listen.stdout.contains("(its body cut: the receiver stalled)"))
    }
}

extension ListenAttackTests {
    /// Debugging loop 12 and 14: a tunnel's request, replayed with its headers. The URL VOD signed
    /// is built from X-Forwarded-Proto/-Host or Forwarded; listen says which URL to configure, and
    /// verify reads the saved capture back without --url, exactly as listen did.
    @Test func aTunnelsForwardedHeadersGiveTheURLVODSigned() throws {
        let directory = try ListenTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("tunnel.http").path
        let public_ = "https://quiet-river-1234.trycloudflare.com/vod/cb"
        let signed = try InProcess.runLikeBinary(["sign", "--url", public_, "--key", "tunnel-key", "--timestamp", "1764316801"], stdin: nil)
        let signature = String(decoding: signed.stdout, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let listen = try LiveProcess(["listen", "--port", "0", "--key", "tunnel-key", "--count", "3", "--save", capture])
        let port = try #require(listen.listenPort())
        let body = ListenTests.body("10f6baa29bdf71f1bfc46733a78e0102")
        let client = try #require(RawClient(port: port))
        // As cloudflared and ngrok pass it on: the local Host, the public one and the scheme in X-Forwarded-*.
        client.send(ListenTests.post(body, path: "/vod/cb", headers: signature + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: quiet-river-1234.trycloudflare.com\r\n"))
        // As RFC 7239 proxies pass it on.
        client.send(ListenTests.post(body, path: "/vod/cb", headers: signature + "Forwarded: for=203.0.113.7;proto=https;host=quiet-river-1234.trycloudflare.com\r\n"))
        // A tunnel that says nothing: the Host is the public name, the scheme is lost.
        client.send(ListenTests.post(body, path: "/vod/cb", headers: signature).replacingOccurrences(of: "Host: 127.0.0.1", with: "Host: quiet-river-1234.trycloudflare.com"))
        #expect(client.statuses(3) == [200, 200, 200])
        #expect(listen.wait() == 1, "the third has no forwarded scheme, so it is a mismatch")
        let lines = listen.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("signature valid") }.count == 2)
        #expect(listen.stdout.contains("built from X-Forwarded-Proto, X-Forwarded-Host: configure that URL in the VOD console, and restart with --url \(public_) to pin it"))
        #expect(listen.stdout.contains("built from Forwarded: configure that URL"))
        #expect(listen.stdout.contains("the signature matches \"\(public_)\": restart with --url \(public_)"))
        let verified = try InProcess.runLikeBinary(["verify", "--key", "tunnel-key", "--now", "1764316801", capture], stdin: nil)
        #expect(String(decoding: verified.stdout, as: UTF8.self).contains("checked 3 requests: 2 valid, 1 invalid"))
        let pinned = try InProcess.runLikeBinary(["verify", "--url", public_, "--key", "tunnel-key", "--now", "1764316801", capture], stdin: nil)
        #expect(String(decoding: pinned.stdout, as: UTF8.self).contains("checked 3 requests: 3 valid, 0 invalid"), "--url wins")
    }
}

/// Sends one byte every 50 ms on each connection until finished: slower than any body rate, faster than any idle timeout.
private final class Trickler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    init(_ clients: [RawClient]) {
        let descriptors = clients.map(\.descriptor)
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                var byte = UInt8(ascii: "a")
                for descriptor in descriptors { _ = Glibc.send(descriptor, &byte, 1, Int32(MSG_NOSIGNAL)) }
                // Pacing a hostile client, not waiting for anything: no outcome depends on this interval.
                usleep(50_000)
            }
            done.signal()
        }
    }

    func finish() {
        lock.withLock { running = false }
        done.wait()
    }
}
