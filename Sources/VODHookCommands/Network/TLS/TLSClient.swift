import Platform

/// Whose certificates an https receiver may present.
enum TLSTrust: Equatable, Sendable {
    /// The system's trust store, as the system's libcurl finds it.
    case systemStore
    /// The CA certificates in this PEM file instead (curl's --cacert).
    case certificates(file: String)
    /// Any certificate for any name (curl's --insecure): still encrypted, but
    /// the receiver is not authenticated.
    case anyCertificate
}

/// What it takes to open TLS connections: libcurl, loaded, and the trust to
/// apply. Load it once, before starting threads; then share it freely.
struct TLSClient: Sendable {
    let library: LibCurl
    let trust: TLSTrust

    /// Names the libcurl to load instead of the system's: a file name or a path.
    static let libraryVariable = "VODHOOK_LIBCURL"

    /// Loads libcurl, or says what to install.
    static func load(trust: TLSTrust, variables: [String: String]) -> Result<TLSClient, TLSUnavailable> {
        let names = variables[libraryVariable].map { [$0] } ?? LibCurl.systemNames
        do {
            return .success(TLSClient(library: try LibCurl.load(names: names), trust: trust))
        } catch {
            return .failure(TLSUnavailable(reason: error.message))
        }
    }
}

/// libcurl could not be loaded: the reason, and what to install.
struct TLSUnavailable: Error, Sendable {
    let reason: String

    var message: String {
        #if canImport(Darwin)
        let install = "macOS ships it as /usr/lib/libcurl.4.dylib"
        #else
        let install = "install libcurl (Debian, Ubuntu: apt-get install libcurl4; Fedora, RHEL: dnf install libcurl; Alpine: apk add libcurl)"
        #endif
        return "https:// needs the system's libcurl, which could not be loaded (\(reason)); \(install), or use an http:// URL"
    }
}
