import VODHookCore

/// Why a TLS connection was refused, sorted out of libcurl's words so that
/// a report can name the problem and what to do about it. The wording
/// differs between the TLS libraries libcurl is built with (OpenSSL,
/// LibreSSL, GnuTLS, Secure Transport), so each problem is known by every
/// phrase those use; anything else is `handshakeFailed`, with the words.
struct TLSFailure: Error, Equatable, Sendable {
    enum Problem: Equatable, Sendable {
        case expired
        case notYetValid
        case selfSigned
        case unknownIssuer
        case wrongHost
        /// Verification failed for a reason the words do not tell (GnuTLS says only that).
        case untrusted
        /// The --cacert file holds no certificate the TLS library can use.
        case unusableCAFile
        /// The receiver answered, but not with TLS: an http:// receiver on that port.
        case notTLS
        case handshakeFailed
    }

    let problem: Problem
    /// libcurl's own message, for the details.
    let detail: String
    /// The host the certificate was checked against.
    let host: String

    init(problem: Problem, detail: String, host: String) {
        self.problem = problem
        self.detail = detail
        self.host = host
    }

    /// Sorts libcurl's message for `code` (a CURLcode).
    init(code: Int32, message: String, host: String) {
        self.init(problem: Self.problem(code: code, message: message.lowercased()), detail: message, host: host)
    }

    private static func problem(code: Int32, message: String) -> Problem {
        if code == LibCurl.Code.badCertificateAuthorityFile { return .unusableCAFile }
        func mentions(_ phrases: String...) -> Bool { phrases.contains { message.contains($0) } }
        if mentions("not yet valid") { return .notYetValid }
        if mentions("expired") { return .expired }
        if mentions("self-signed", "self signed") { return .selfSigned }
        if mentions("subject name", "does not match", "doesn't match", "no alternative certificate", "host name", "hostname") { return .wrongHost }
        if mentions("local issuer", "unknown ca", "issuer certificate", "issuer is unknown", "unable to get issuer", "not trusted") {
            return .unknownIssuer
        }
        if mentions("wrong version number", "packet length too long", "record layer failure", "unexpected message") { return .notTLS }
        return code == LibCurl.Code.peerFailedVerification ? .untrusted : .handshakeFailed
    }

    /// What went wrong, with libcurl's words after it.
    var description: String {
        let what = switch problem {
        case .expired: "the certificate has expired"
        case .notYetValid: "the certificate is not valid yet"
        case .selfSigned: "the certificate is self-signed, and not trusted"
        case .unknownIssuer: "the certificate was issued by an unknown certificate authority"
        case .wrongHost: "the certificate is not for \(TerminalSafe.quoted(host))"
        case .untrusted: "the certificate was not trusted"
        case .unusableCAFile: "no CA certificate could be read from the --cacert file"
        case .notTLS: "the receiver does not speak TLS on this port"
        case .handshakeFailed: "the TLS handshake failed"
        }
        return what + " (libcurl: \(TerminalSafe.quoted(detail)))"
    }
}
