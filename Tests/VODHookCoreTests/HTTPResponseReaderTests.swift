import Testing
import VODHookCore

/// Answers as `send` reads them, piece by piece, until they are complete.
@Suite struct HTTPResponseReaderTests {
    static func read(_ text: String, closed: Bool = false) -> HTTPResponseReader.Progress {
        HTTPResponseReader.read(Array(text.utf8), connectionClosed: closed)
    }

    static func body(_ progress: HTTPResponseReader.Progress) -> String? {
        guard case .complete(let response) = progress else { return nil }
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func contentLengthEndsTheBody() {
        let answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: b\r\n\r\nok"
        guard case .complete(let response) = Self.read(answer + "trailing") else {
            Issue.record("not complete")
            return
        }
        #expect(response.statusCode == 200 && response.reason == "OK" && response.body == Array("ok".utf8))
        #expect(response.header("x-a")?.value == "b")
        #expect(Self.read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nok") == .incomplete(head: HTTPResponse(
            statusCode: 200, reason: "OK", headers: [HTTPHeader(name: "Content-Length", value: "5", nameOffset: 17, valueOffset: 33)], body: [])))
        #expect(Self.read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nok", closed: true) == .malformed("the answer ends after 2 of its 5 body bytes"))
    }

    @Test func everyPrefixOfAnAnswerIsIncompleteUntilItEnds() {
        let answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbusy\r\n0\r\n\r\n"
        let bytes = Array(answer.utf8)
        for end in 0..<(bytes.count - 2) {
            if case .complete = HTTPResponseReader.read(Array(bytes[..<end]), connectionClosed: false) {
                Issue.record("complete after \(end) of \(bytes.count) bytes")
            }
        }
        #expect(Self.body(Self.read(answer)) == "busy")
    }

    @Test func aBodyWithoutLengthEndsWhenTheConnectionCloses() {
        let answer = "HTTP/1.0 200 OK\nServer: bare-lf\n\nsuccess\n"
        guard case .incomplete(let head?) = Self.read(answer) else {
            Issue.record("expected the head while the body may go on")
            return
        }
        #expect(head.statusCode == 200)
        #expect(Self.body(Self.read(answer, closed: true)) == "success\n")
    }

    @Test func answersWithoutABodyAreCompleteAtTheirHeaders() {
        #expect(Self.body(Self.read("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")) == "")
        #expect(Self.body(Self.read("HTTP/1.1 302\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n")) == "")
    }

    @Test func whatIsNotAnAnswerIsMalformed() {
        #expect(Self.read("", closed: true) == .malformed("the connection closed without an answer"))
        #expect(Self.read("HTTP/1.1 200", closed: true) == .malformed("the answer ends inside its status line"))
        #expect(Self.read("HTTP/1.1 200 OK\r\nA: b", closed: true) == .malformed("the answer ends inside its headers"))
        #expect(Self.read("SSH-2.0-OpenSSH_9.6\r\n") == .malformed("expected a status line such as 'HTTP/1.1 200 OK', found 'SSH-2.0-OpenSSH_9.6'"))
        #expect(Self.read("HTTP/1.1 20 OK\r\n\r\n") == .malformed("expected a status line such as 'HTTP/1.1 200 OK', found 'HTTP/1.1 20 OK'"))
        if case .malformed(let message) = Self.read("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\nx") {
            #expect(message.contains("conflicting Content-Length"))
        } else {
            Issue.record("conflicting lengths accepted")
        }
    }
}
