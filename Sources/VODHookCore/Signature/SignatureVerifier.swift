/// Checks the X-VOD-TIMESTAMP and X-VOD-SIGNATURE headers of a captured
/// request the way a receiver should: against every accepted key (key
/// rotation), in constant time, with an optional freshness window.
public struct SignatureVerifier {
    /// The callback URL exactly as configured in the VOD console.
    public let url: String
    public let keys: [String]
    /// Largest accepted distance between the timestamp and `now`, in seconds.
    public let maxAge: Int?
    public let now: Int

    public init(url: String, keys: [String], maxAge: Int?, now: Int) {
        self.url = url
        self.keys = keys
        self.maxAge = maxAge
        self.now = now
    }

    public enum Status: String, Sendable {
        case valid, mismatch, missing
    }

    public struct Verdict {
        public var status: Status
        /// Which key matched (0-based, in the order given), when valid.
        public var keyIndex: Int?
        public var diagnostics: [Diagnostic]
        /// On a mismatch: the usual variant of the URL (http/https, a trailing slash) the signature does match, if one does.
        public var matchingVariant: String?

        public init(status: Status, keyIndex: Int?, diagnostics: [Diagnostic], matchingVariant: String? = nil) {
            self.status = status
            self.keyIndex = keyIndex
            self.diagnostics = diagnostics
            self.matchingVariant = matchingVariant
        }
    }

    public func verify(_ request: HTTPRequest) -> Verdict {
        var findings: [Diagnostic] = []
        let timestampHeader = request.header("X-VOD-TIMESTAMP")
        let signatureHeader = request.header("X-VOD-SIGNATURE")
        guard let timestampHeader, let signatureHeader else {
            let missing = [timestampHeader == nil ? "X-VOD-TIMESTAMP" : nil, signatureHeader == nil ? "X-VOD-SIGNATURE" : nil].compactMap { $0 }
            findings.append(Diagnostic(
                .error, .signatureMissing,
                "the request has no \(missing.joined(separator: " or ")) header",
                offset: request.startOffset,
                hint: "VOD signs callbacks only when callback authentication is enabled in the console; without it anyone can post to the receiver"))
            return Verdict(status: .missing, keyIndex: nil, diagnostics: findings)
        }
        let timestamp = timestampHeader.value
        findings.append(contentsOf: timestampFindings(timestamp, header: timestampHeader))
        let given = signatureHeader.value
        // Every key is tried, so the time taken does not tell which one matched.
        var matched: Int?
        for (index, key) in keys.enumerated() {
            if CallbackSignature.matches(CallbackSignature.compute(url: url, timestamp: timestamp, key: key), given), matched == nil {
                matched = index
            }
        }
        if let matched {
            return Verdict(status: .valid, keyIndex: matched, diagnostics: findings)
        }
        let variant = matchingVariant(timestamp: timestamp, given: given)
        findings.append(mismatch(timestamp: timestamp, given: given, variant: variant, at: signatureHeader.valueOffset))
        return Verdict(status: .mismatch, keyIndex: nil, diagnostics: findings, matchingVariant: variant)
    }

    private func timestampFindings(_ timestamp: String, header: HTTPHeader) -> [Diagnostic] {
        let digits = timestamp.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits, timestamp.utf8.count == 10, let seconds = Int(timestamp), seconds > 0 else {
            return [Diagnostic(
                .error, .timestampMalformed,
                "X-VOD-TIMESTAMP \(TerminalSafe.quoted(timestamp)) is not UNIX time in seconds (10 digits)",
                offset: header.valueOffset,
                hint: timestamp.utf8.count == 13 ? "this looks like milliseconds; VOD sends seconds" : nil)]
        }
        guard let maxAge else { return [] }
        let age = now - seconds
        guard abs(age) > maxAge else { return [] }
        let direction = age > 0 ? "old" : "in the future"
        return [Diagnostic(
            .error, .timestampStale,
            "X-VOD-TIMESTAMP \(timestamp) is \(Self.duration(abs(age))) \(direction), more than the allowed \(Self.duration(maxAge))",
            offset: header.valueOffset,
            hint: age > 0 ? "a replayed or long-delayed request; check the receiver's clock too" : "the sender's or the receiver's clock is off")]
    }

    private func mismatch(timestamp: String, given: String, variant: String?, at offset: Int) -> Diagnostic {
        let keysText = keys.count == 1 ? "the key" : "any of the \(keys.count) keys"
        // Every usual URL variant has been tried by now: with none matching, a URL that is right leaves the key.
        let tried = keys.count == 1 ? "the one key given was tried" : "all \(keys.count) keys given were tried"
        var hint = "no usual variant of this URL matches either (http or https, a trailing slash), so if it is the URL configured in the VOD console the key is the likely cause: an old key, or another account's (\(tried)); otherwise the path or query differs; the body is not signed, so it cannot be the cause"
        if let variant {
            hint = "it matches for \(TerminalSafe.quoted(variant)): the console's callback URL is that one, not \(TerminalSafe.quoted(url))"
        }
        return Diagnostic(
            .error, .signatureMismatch,
            "X-VOD-SIGNATURE does not match md5(URL|timestamp|key) for URL \(TerminalSafe.quoted(url)) and timestamp \(TerminalSafe.quoted(timestamp)) with \(keysText)",
            offset: offset, hint: hint)
    }

    /// The usual misconfigurations, tried so the hint can name the real URL.
    private func matchingVariant(timestamp: String, given: String) -> String? {
        var variants: [String] = []
        if url.hasPrefix("https://") { variants.append("http://" + url.dropFirst(8)) }
        if url.hasPrefix("http://") { variants.append("https://" + url.dropFirst(7)) }
        for candidate in [url] + variants {
            variants.append(candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate + "/")
        }
        for variant in variants {
            for key in keys where CallbackSignature.matches(CallbackSignature.compute(url: variant, timestamp: timestamp, key: key), given) {
                return variant
            }
        }
        return nil
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min (\(seconds) s)" }
        if seconds < 172_800 { return "\(seconds / 3600) h (\(seconds) s)" }
        return "\(seconds / 86400) days (\(seconds) s)"
    }
}
