/// The URL a request was sent to, as a receiver works it out when it is not
/// told: `listen` for every request, `verify` for a capture without `--url`.
/// Behind a TLS tunnel or a proxy the Host and scheme it sees are the
/// proxy's; `Forwarded` (RFC 7239) and `X-Forwarded-Proto`/`-Host` say what
/// the sender used, which is what VOD signed.
public struct RequestURL: Sendable, Equatable {
    public let url: String
    /// Which headers the scheme or host came from, when not the request's own ("X-Forwarded-Proto, X-Forwarded-Host").
    public let forwardedBy: String?

    /// `fallbackAuthority`: the host and port to use when the request has no Host header.
    public init(_ request: HTTPRequest, fallbackAuthority: String) {
        let target = request.target
        // An absolute-form target (a proxy's way of asking) is the whole URL already.
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            url = target
            forwardedBy = nil
            return
        }
        var scheme = "http"
        var host = request.header("Host")?.value ?? fallbackAuthority
        var sources: [String] = []
        if let forwarded = request.header("Forwarded").map({ Self.firstElement($0.value) }) {
            for pair in forwarded.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingBlanks() }
                guard parts.count == 2 else { continue }
                let value = parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2 ? String(parts[1].dropFirst().dropLast()) : parts[1]
                switch parts[0].lowercased() {
                case "proto" where !value.isEmpty:
                    scheme = value.lowercased()
                    sources.append("Forwarded")
                case "host" where !value.isEmpty:
                    host = value
                    if sources.last != "Forwarded" { sources.append("Forwarded") }
                default: break
                }
            }
        }
        if !sources.contains("Forwarded") {
            if let proto = request.header("X-Forwarded-Proto").map({ Self.firstElement($0.value).lowercased() }), !proto.isEmpty {
                scheme = proto
                sources.append("X-Forwarded-Proto")
            }
            if let forwardedHost = request.header("X-Forwarded-Host").map({ Self.firstElement($0.value) }), !forwardedHost.isEmpty {
                host = forwardedHost
                sources.append("X-Forwarded-Host")
            }
        }
        // A default port the proxy wrote out is not in the URL the sender signed.
        if scheme == "https", host.hasSuffix(":443") { host = String(host.dropLast(4)) }
        if scheme == "http", host.hasSuffix(":80") { host = String(host.dropLast(3)) }
        url = "\(scheme)://\(host)\(target)"
        forwardedBy = sources.isEmpty ? nil : sources.joined(separator: ", ")
    }

    /// The first (the client's own) element of a comma-separated list a chain of proxies appends to.
    private static func firstElement(_ value: String) -> String {
        String(value.split(separator: ",", maxSplits: 1).first ?? "").trimmingBlanks()
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
