extension RuleCatalog {
    /// What the signature examples are verified with (`verify --url ... --key ... --now ... --max-age 300`).
    public static let exampleURL = "https://example.com/vod/callback"
    public static let exampleKey = "example-key"
    public static let exampleNow = 1_764_316_801

    /// A request as VOD sends it; `signature` nil means signed correctly.
    static func request(
        body: String = valid, timestamp: String = String(exampleNow), signature: String? = nil,
        signed: Bool = true, contentLength: Int? = nil
    ) -> String {
        var lines = ["POST /vod/callback HTTP/1.1", "Host: example.com", "Content-Type: application/json"]
        if signed {
            lines.append("X-VOD-TIMESTAMP: \(timestamp)")
            lines.append("X-VOD-SIGNATURE: \(signature ?? CallbackSignature.compute(url: exampleURL, timestamp: timestamp, key: exampleKey))")
        }
        lines.append("Content-Length: \(contentLength ?? body.utf8.count)")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static let captureRules: [RuleDescription] = [
        RuleDescription(
            id: .httpSyntax, severity: .error,
            summary: "a captured HTTP request is malformed",
            explanation: """
                With --input http (or a capture that --input auto recognizes), each request needs a request \
                line, headers, a blank line, and a body framed by Content-Length or chunked encoding. A \
                Content-Length past the end of the capture, a bad chunk or a missing blank line is reported \
                here, and the next request is still read.
                """,
            failingExample: request(contentLength: 500),
            passingExample: request(),
            exampleFormat: .http),
        RuleDescription(
            id: .base64Syntax, severity: .error,
            summary: "an MNS body is not Base64, or does not decode to JSON text",
            explanation: """
                MNS queues may Base64-encode message bodies. With --input base64 (or a source that --input \
                auto recognizes) each line is one body, or a body wrapped over lines of one width (as base64 \
                prints it) is joined first; one that is not Base64 (standard or URL-safe, padding optional) or \
                that decodes to something other than UTF-8 JSON text is reported here, at the offending \
                character.
                """,
            failingExample: "eyJFdmVudFR5cGUiOi#iRGVsZXRlTWVkaWFDb21wbGV0ZSJ9",
            passingExample: base64(valid),
            exampleFormat: .base64),
        RuleDescription(
            id: .signatureMissing, severity: .error,
            summary: "a request has no X-VOD-TIMESTAMP or X-VOD-SIGNATURE header (verify)",
            explanation: """
                With callback authentication enabled, VOD sends both headers on every HTTP callback. A \
                request without them was not signed: it did not come from VOD, or authentication is off.
                """,
            failingExample: request(signed: false),
            passingExample: request(),
            exampleFormat: .http),
        RuleDescription(
            id: .signatureMismatch, severity: .error,
            summary: "X-VOD-SIGNATURE is not md5(URL|timestamp|key) for any accepted key (verify)",
            explanation: """
                VOD signs md5_hex(CallbackURL + "|" + X-VOD-TIMESTAMP + "|" + PrivateKey), where CallbackURL \
                is the URL exactly as configured in the console. A mismatch most often means the receiver \
                uses a different URL (http vs https behind a proxy, a trailing slash) or an old key. The body \
                is not signed. verify tries the usual URL variants and names the one that matches.
                """,
            failingExample: request(signature: "0123456789abcdef0123456789abcdef"),
            passingExample: request(),
            exampleFormat: .http),
        RuleDescription(
            id: .timestampMalformed, severity: .error,
            summary: "X-VOD-TIMESTAMP is not a 10-digit UNIX time in seconds (verify)",
            explanation: "VOD sends the UNIX time in seconds as 10 digits. Milliseconds, a date, or an empty value are reported here.",
            failingExample: request(timestamp: "1764316801000"),
            passingExample: request(),
            exampleFormat: .http),
        RuleDescription(
            id: .timestampStale, severity: .error,
            summary: "X-VOD-TIMESTAMP is further from now than --max-age allows (verify)",
            explanation: """
                A receiver may reject requests whose timestamp is too far from its clock, to stop replays; \
                the docs leave the window to the user (5 minutes is their example). verify checks it only \
                when --max-age is given, and says by how much the timestamp is off.
                """,
            failingExample: request(timestamp: String(exampleNow - 3600)),
            passingExample: request(timestamp: String(exampleNow - 60)),
            exampleFormat: .http),
    ]

    /// Standard Base64 with padding, for examples.
    static func base64(_ text: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let bytes = Array(text.utf8)
        var out = ""
        var i = 0
        while i < bytes.count {
            let chunk = bytes[i..<min(i + 3, bytes.count)]
            var value = 0
            for (k, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * k) }
            for k in 0..<4 {
                out.append(k <= chunk.count ? alphabet[(value >> (18 - 6 * k)) & 0x3F] : "=")
            }
            i += 3
        }
        return out
    }
}
