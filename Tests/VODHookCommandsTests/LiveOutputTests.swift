import Foundation
import Testing

/// `tail -f receiver.log | vodhook check`: a finding must be out before the
/// next document is even written. Each test writes a document, waits for
/// its finding (the wait's timeout is only how a failure shows), then
/// writes the next, so an output held back until the end fails it.
@Suite struct LiveOutputTests {
    static let unknownEvent = #"{"EventType":"NoSuchEventComplete","MediaId":"a1"}"# + "\n"
    static let unknownField = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102","Extra":1}"# + "\n"

    /// Each command, and what its output shows for the first and the second document.
    static let cases: [(arguments: [String], first: String, second: String)] = [
        (["check"], "unknown-event-type", "unknown-field"),
        (["check", "--jobs", "2", "--format", "json"], "\"document\":1", "\"document\":2"),
        (["check", "--input", "stream", "--format", "github"], "unknown-event-type", "unknown-field"),
        (["normalize", "--jobs", "1"], "NoSuchEventComplete", "10f6baa29bdf71f1bfc46733a78e0102"),
        (["normalize", "--jobs", "2"], "NoSuchEventComplete", "10f6baa29bdf71f1bfc46733a78e0102"),
        (["summary", "--rows", "--jobs", "1"], "-:1", "-:2"),
        (["summary", "--rows", "--jobs", "2"], "-:1", "-:2"),
    ]

    @Test(arguments: cases.indices)
    func aFindingArrivesBeforeTheNextDocumentIsWritten(_ index: Int) throws {
        let (arguments, first, second) = Self.cases[index]
        let process = try LiveProcess(arguments)
        process.write(Self.unknownEvent)
        #expect(process.waitFor { $0.contains(first) }, "\(arguments): nothing for the first document while the pipe stayed open")
        #expect(!process.stdout.contains(second))
        process.write(Self.unknownField)
        #expect(process.waitFor { $0.contains(second) }, "\(arguments): nothing for the second document")
        #expect(process.wait() != nil)
    }

    /// A pipe that first delivers more than two parts at once is shared by
    /// the threads; when it then stalls, what came is still written out.
    @Test func aSharedPipeThatStallsStillWritesOut() throws {
        let process = try LiveProcess(["check", "--jobs", "2", "--format", "json"])
        let burst = String(repeating: Self.unknownField, count: 4000)
        process.write(burst)
        process.write(Self.unknownEvent)
        #expect(process.waitFor { $0.contains("\"document\":4001,") })
        process.write(Self.unknownField)
        #expect(process.waitFor { $0.contains("\"document\":4002,") })
        #expect(process.wait() == 1)
    }

    /// `tail -f capture.http | vodhook verify`: a request is verified once it is whole.
    @Test(arguments: [["verify", "--url", "http://127.0.0.1/cb", "--key", "k", "--format", "json"], ["check", "--format", "json"]])
    func aCapturedRequestIsReadOnceItIsWhole(_ arguments: [String]) throws {
        func request(_ mediaId: String) -> String {
            let body = #"{"EventType":"DeleteMediaComplete","MediaId":""# + mediaId + #""}"#
            return "POST /cb HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)\r\n"
        }
        let process = try LiveProcess(arguments)
        let first = request("m1")
        // Half a request first: nothing can be said about it yet.
        process.write(String(first.prefix(30)))
        process.write(String(first.dropFirst(30)))
        #expect(process.waitFor { $0.contains("\"document\":1,\"line\":5,") })
        #expect(!process.stdout.contains("\"document\":2"))
        process.write(request("m2"))
        #expect(process.waitFor { $0.contains("\"document\":2,\"line\":10,") })
        #expect(process.wait() == 1)
    }

    /// `send` prints each document's line as soon as its delivery is done.
    @Test func sendPrintsEachDeliveryAsItIsDone() throws {
        guard let receiver = TestReceiver(replies: [.status(200)]) else { return }
        defer { receiver.stop() }
        let process = try LiveProcess(["send", receiver.url])
        process.write(Self.unknownEvent)
        #expect(process.waitFor { $0.contains("-:1  200") })
        process.write(Self.unknownField)
        #expect(process.waitFor { $0.contains("-:2  200") })
        #expect(process.wait() == 0)
    }
}
