import Testing
@testable import VODHookCommands

/// `listen`'s pieces, in process: the banner, the bounded record of bodies, durations.
@Suite struct ListenPartsTests {
    /// Attack 9: an address meaning every interface is warned about and never offered as a URL.
    @Test(arguments: ["0", "0.0.0.0", "::"])
    func everyInterfaceIsWarnedAboutAndItsAddressesListed(host: String) {
        let banner = ListenCommand.banner(host: host, port: 8731)
        #expect(banner.contains("warning: listening on every interface"))
        #expect(!banner.contains("http://0:") && !banner.contains("http://0.0.0.0:") && !banner.contains("http://[::]:"))
        #expect(banner.contains("http://127.0.0.1:8731/"), "the loopback address is among the machine's addresses")
    }

    @Test func theLoopbackBannerIsUnchanged() {
        #expect(ListenCommand.banner(host: "127.0.0.1", port: 8731)
            == "vodhook listen: listening on http://127.0.0.1:8731/ (configure this URL as the callback URL; this machine only, --host 0.0.0.0 to accept others)\n")
    }

    /// Attack 5: the record of bodies seen stays within its window, oldest forgotten first.
    @Test func theBodyRecordIsBoundedAndForgetsTheOldestFirst() {
        var window = BodyWindow(capacity: 3)
        for request in 1...10 { _ = window.arrived("body-\(request)", request: request) }
        #expect(window.count == 3)
        #expect(window.arrived("body-10", request: 11) == (first: 10, attempts: 2))
        #expect(window.arrived("body-1", request: 12) == (first: 12, attempts: 1), "forgotten, so new again")
        #expect(window.count == 3)
    }

    @Test func durationsAreSecondsOrMilliseconds() {
        #expect(ListenCommand.milliseconds("10") == 10_000)
        #expect(ListenCommand.milliseconds("10s") == 10_000)
        #expect(ListenCommand.milliseconds("250ms") == 250)
        #expect(ListenCommand.milliseconds("-1") == nil)
        #expect(ListenCommand.milliseconds("ten") == nil)
        #expect(ListenCommand.milliseconds("86401s") == nil)
    }
}
