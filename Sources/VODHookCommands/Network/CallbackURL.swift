import ArgumentParsing
import VODHookCore

/// An `http://` or `https://` callback URL taken apart for a request,
/// keeping the text as given because that text, not a normalized form, is
/// what gets signed.
struct CallbackURL {
    /// The URL exactly as given.
    let text: String
    /// https: the request goes over TLS.
    let isSecure: Bool
    /// What to resolve: a name or an address, without an IPv6 literal's brackets.
    let host: String
    let port: Int
    /// The request target: path and query, never the fragment.
    let target: String
    /// The Host header: the authority as written.
    let authority: String

    /// `allowingHTTPS` where the caller has a `TLSClient` to reach such a URL with.
    static func parse(_ text: String, allowingHTTPS: Bool = false) -> Result<CallbackURL, UsageError> {
        let example = "such as http://127.0.0.1:8080/callback"
        let schemes = allowingHTTPS ? "http:// or https://" : "http://"
        if let bad = text.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            let what = bad == " " ? "a space" : "a control character"
            return .failure(UsageError("the URL holds \(what); percent-encode it"))
        }
        guard let separator = text.firstRange(of: "://") else {
            return .failure(UsageError("expected an \(schemes) URL, \(example)"))
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        if scheme == "https" && !allowingHTTPS {
            return .failure(UsageError(
                "https:// is not supported here; run a local proxy that takes plain HTTP and forwards it over TLS to the receiver (for example 'socat TCP-LISTEN:8080,fork,reuseaddr OPENSSL:HOST:443'), and use its http:// address"))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(UsageError("unsupported scheme \(TerminalSafe.quoted(scheme)); expected \(schemes), \(example)"))
        }
        let isSecure = scheme == "https"
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains("@") {
            return .failure(UsageError("user information in the URL ('user@host') is not supported"))
        }
        let hostText: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return .failure(UsageError("the IPv6 address in the URL has no closing ']'"))
            }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else {
                return .failure(UsageError("expected ':' and a port after the IPv6 address in the URL"))
            }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            hostText = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            hostText = authority
            portText = nil
        }
        guard !hostText.isEmpty else {
            return .failure(UsageError("the URL has no host, \(example)"))
        }
        var port = isSecure ? 443 : 80
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit), let value = Int(portText), (1...65535).contains(value) else {
                return .failure(UsageError("invalid port \(TerminalSafe.quoted(String(portText))) in the URL; expected 1 to 65535"))
            }
            port = value
        }
        var target = String(rest[authorityEnd...].prefix { $0 != "#" })
        if !target.hasPrefix("/") { target = "/" + target }
        return .success(CallbackURL(text: text, isSecure: isSecure, host: String(hostText), port: port, target: target, authority: String(authority)))
    }

    /// `host:port` for messages, with an IPv6 address in brackets.
    var endpoint: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}

extension Character {
    /// One scalar, 0 to 9: `("0"..."9").contains` also admits a digit carrying a combining mark, which `Int` refuses.
    var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
}
