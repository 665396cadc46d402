import Foundation
import Testing
import VODHookCore

/// The signing recipes as the documentation gives them, run by bash and
/// curl against a test receiver: what arrives must carry the body byte for
/// byte and a signature that verifies.
@Suite(.enabled(if: Shell.has("curl") && Shell.has("bash"), "curl and bash run the recipes; without them these tests are skipped"))
struct SignRecipeTests {
    /// Pretty-printed on purpose: curl's --data would strip its newlines.
    static let payload = "{\n  \"EventType\": \"DeleteMediaComplete\",\n  \"MediaId\": \"0a1b2c3d\"\n}\n"
    static let key = "s3cret"

    static func deliver(_ script: String, path: String = "/vod/callback?app=test") throws -> (TestReceiver.Request, String)? {
        guard let receiver = TestReceiver(replies: [.status(200)]) else { return nil }
        defer { receiver.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try (key + "\n").write(to: directory.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
        try payload.write(to: directory.appendingPathComponent("payload.json"), atomically: true, encoding: .utf8)
        let url = "http://127.0.0.1:\(receiver.port)\(path)"
        let result = try Shell.run("set -euo pipefail\n" + script, in: directory, environment: ["URL": url])
        #expect(result.status == 0, "\(result.stderr)")
        guard let request = receiver.requests.first else { return nil }
        return (request, url)
    }

    static func expectSignedDelivery(_ delivered: (TestReceiver.Request, String)?) throws {
        let (request, url) = try #require(delivered)
        #expect(request.method == "POST")
        #expect(request.body == Array(payload.utf8))
        let timestamp = try #require(request.headers["x-vod-timestamp"])
        #expect(request.headers["x-vod-signature"] == CallbackSignature.compute(url: url, timestamp: timestamp, key: key))
    }

    @Test func headersFromProcessSubstitution() throws {
        try Self.expectSignedDelivery(try Self.deliver(#"curl -sS -H @<(vodhook sign --url "$URL" --key-file key.txt) --data-binary @payload.json "$URL""#))
    }

    @Test func curlCommandWithABodyFile() throws {
        try Self.expectSignedDelivery(try Self.deliver(#"eval "$(vodhook sign --url "$URL" --key-file key.txt --curl payload.json)""#))
    }

    @Test func curlCommandReadingStandardInput() throws {
        try Self.expectSignedDelivery(try Self.deliver(#"eval "$(vodhook sign --url "$URL" --key-file key.txt --curl)" < payload.json"#))
    }

    /// A body file whose name holds a control character (a fuzzer's find):
    /// the command names it exactly for bash, and prints no raw control byte.
    @Test func curlCommandNamesABodyFileWithAControlCharacter() throws {
        let script = #"cp payload.json "$(printf 'pay\bload.json')"; "#
            + #"vodhook sign --url "$URL" --key-file key.txt --curl "$(printf 'pay\bload.json')" > command.txt; "#
            + #"! LC_ALL=C grep -q "$(printf '\b')" command.txt; grep -qF "@$'pay\x08load.json'" command.txt; eval "$(cat command.txt)""#
        try Self.expectSignedDelivery(try Self.deliver(script))
    }

    /// A quote and a space-free ampersand in the URL: the command line must keep them for curl and the signature alike.
    @Test func curlCommandQuotesAnAwkwardURL() throws {
        try Self.expectSignedDelivery(try Self.deliver(#"eval "$(vodhook sign --url "$URL" --key-file key.txt --curl payload.json)""#, path: "/cb?it's=1&b=$x"))
    }
}
