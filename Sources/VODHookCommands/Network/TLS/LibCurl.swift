import CurlCalls
import Platform

/// The few libcurl calls https needs, found in the system's libcurl at run
/// time: nothing is linked, so every other command starts as before and the
/// binary runs where libcurl is missing (docs/design.md says why libcurl).
/// libcurl makes the TCP connection and the TLS handshake (trust store,
/// SNI, certificate and name checks) and then carries our own request bytes
/// (`CURLOPT_CONNECT_ONLY`), so http and https send the same request and
/// read the answer with the same reader. Sendable as it stands: it holds
/// only C function pointers, and libcurl's easy calls may be made from any
/// thread as long as each handle stays on one.
struct LibCurl: Sendable {
    typealias Handle = UnsafeMutableRawPointer

    /// What libcurl calls itself and its TLS library, such as "libcurl/7.88.1 OpenSSL/3.0.19".
    let version: String

    private let easyInit: @convention(c) () -> Handle?
    private let easyCleanup: @convention(c) (Handle?) -> Void
    private let easyPerform: @convention(c) (Handle?) -> Int32
    private let easySend: @convention(c) (Handle?, UnsafeRawPointer?, Int, UnsafeMutablePointer<Int>?) -> Int32
    private let easyReceive: @convention(c) (Handle?, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?) -> Int32
    /// Variadic in C: called through the helpers in CurlCalls.h.
    private let setopt: vodhook_curl_function
    private let getinfo: vodhook_curl_function

    /// The names tried in order. libcurl's ABI has been libcurl.so.4 since
    /// 2006; Debian-like systems that lack libcurl4 nearly always have the
    /// GnuTLS build (git needs it). macOS has it in /usr/lib.
    #if canImport(Darwin)
    static let systemNames = ["/usr/lib/libcurl.4.dylib", "libcurl.4.dylib"]
    #else
    static let systemNames = ["libcurl.so.4", "libcurl-gnutls.so.4"]
    #endif

    /// 7.45.0 added CURLINFO_ACTIVESOCKET, which waiting on the connection needs.
    static let oldestVersion: UInt32 = 0x07_2D_00

    /// Loads the first of `names` that the dynamic loader finds, with every
    /// function https uses, and initializes libcurl once. The failure names
    /// the first library tried, the one that is normally there.
    static func load(names: [String]) throws(LoadFailure) -> LibCurl {
        var firstFailure: LoadFailure?
        for name in names {
            do {
                return try load(DynamicLibrary.open(name))
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        throw firstFailure ?? LoadFailure(message: "no libcurl to load")
    }

    private static func load(_ library: DynamicLibrary) throws(LoadFailure) -> LibCurl {
        typealias VersionInfo = @convention(c) (Int32) -> UnsafePointer<vodhook_curl_version_info>?
        typealias GlobalInit = @convention(c) (Int) -> Int32
        func function<T>(_ name: String, as type: T.Type) throws(LoadFailure) -> T {
            unsafeBitCast(try library.symbol(name), to: type)
        }
        // CURLVERSION_FIRST: only the members the header above declares are read.
        guard let info = try function("curl_version_info", as: VersionInfo.self)(0)?.pointee else {
            throw LoadFailure(message: "libcurl did not say which version it is")
        }
        let number = info.version.map { String(cString: $0) } ?? "?"
        let backend = info.ssl_version.map { String(cString: $0) }
        guard info.version_num >= oldestVersion else {
            throw LoadFailure(message: "libcurl \(number) is too old; https needs 7.45.0 or newer")
        }
        // CURL_VERSION_SSL: a libcurl built without TLS cannot do https.
        guard info.features & (1 << 2) != 0, let backend else {
            throw LoadFailure(message: "libcurl \(number) was built without TLS support")
        }
        // CURL_GLOBAL_DEFAULT. Done here, before any thread uses libcurl,
        // because curl_global_init is not thread-safe in older versions.
        let status = try function("curl_global_init", as: GlobalInit.self)(3)
        guard status == 0 else { throw LoadFailure(message: "libcurl could not initialize (error \(status))") }
        return LibCurl(
            version: "libcurl/\(number) \(backend)",
            easyInit: try function("curl_easy_init", as: (@convention(c) () -> Handle?).self),
            easyCleanup: try function("curl_easy_cleanup", as: (@convention(c) (Handle?) -> Void).self),
            easyPerform: try function("curl_easy_perform", as: (@convention(c) (Handle?) -> Int32).self),
            easySend: try function("curl_easy_send", as: (@convention(c) (Handle?, UnsafeRawPointer?, Int, UnsafeMutablePointer<Int>?) -> Int32).self),
            easyReceive: try function("curl_easy_recv", as: (@convention(c) (Handle?, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?) -> Int32).self),
            setopt: try function("curl_easy_setopt", as: vodhook_curl_function.self),
            getinfo: try function("curl_easy_getinfo", as: vodhook_curl_function.self))
    }

    // The calls, under their libcurl names. Option and result numbers are
    // libcurl's (curl/curl.h); they are part of its ABI and never change.

    func makeHandle() -> Handle? { easyInit() }
    func release(_ handle: Handle) { easyCleanup(handle) }
    func perform(_ handle: Handle) -> Int32 { easyPerform(handle) }

    func set(_ handle: Handle, _ option: Option, _ value: Int) -> Int32 {
        vodhook_curl_setopt_long(setopt, handle, option.rawValue, value)
    }

    /// A string or buffer option; libcurl copies strings, but a buffer
    /// (CURLOPT_ERRORBUFFER) must outlive the handle.
    func set(_ handle: Handle, _ option: Option, _ value: UnsafeRawPointer) -> Int32 {
        vodhook_curl_setopt_pointer(setopt, handle, option.rawValue, value)
    }

    /// The socket of a connection made with CONNECT_ONLY, to wait on.
    func activeSocket(_ handle: Handle) -> Int32? {
        // curl_socket_t is an int on POSIX systems; CURLINFO_SOCKET + 44.
        var socket: Int32 = -1
        guard vodhook_curl_getinfo_pointer(getinfo, handle, 0x50_0000 + 44, &socket) == 0, socket >= 0 else { return nil }
        return socket
    }

    /// The errno of the last failed connect, such as ECONNREFUSED; CURLINFO_LONG + 25.
    func systemError(_ handle: Handle) -> SystemError? {
        var code = 0
        guard vodhook_curl_getinfo_pointer(getinfo, handle, 0x20_0000 + 25, &code) == 0, code != 0 else { return nil }
        return SystemError(code: Int32(truncatingIfNeeded: code))
    }

    /// Sends what it can now: the result code and the count sent.
    func send(_ handle: Handle, _ bytes: UnsafeRawBufferPointer) -> (Int32, Int) {
        var sent = 0
        let status = easySend(handle, bytes.baseAddress, bytes.count, &sent)
        return (status, sent)
    }

    /// Receives what has arrived: the result code and the count.
    func receive(_ handle: Handle, into buffer: UnsafeMutableRawBufferPointer) -> (Int32, Int) {
        var received = 0
        let status = easyReceive(handle, buffer.baseAddress, buffer.count, &received)
        return (status, received)
    }

    /// CURLoption values (CURLOPTTYPE_LONG 0, OBJECTPOINT 10000).
    enum Option: Int32 {
        case url = 10002
        case proxy = 10004
        case errorBuffer = 10010
        case sslVerifyPeer = 64
        case sslVerifyHost = 81
        case httpVersion = 84
        case noSignal = 99
        case connectOnly = 141
        case timeoutMilliseconds = 155
        case connectTimeoutMilliseconds = 156
        case certificateAuthorityFile = 10065
        case sslEnableALPN = 226
    }

    /// CURLcode values this client tells apart.
    enum Code {
        static let ok: Int32 = 0
        static let unsupportedProtocol: Int32 = 1
        static let couldNotResolveHost: Int32 = 6
        static let couldNotConnect: Int32 = 7
        static let timedOut: Int32 = 28
        static let sslConnectError: Int32 = 35
        static let sslCertificateProblem: Int32 = 58
        static let peerFailedVerification: Int32 = 60
        static let badCertificateAuthorityFile: Int32 = 77
        static let again: Int32 = 81
        static let sslIssuerError: Int32 = 83
        static let sslInvalidCertificateStatus: Int32 = 91
    }

    /// libcurl's error buffer size, CURL_ERROR_SIZE.
    static let errorBufferSize = 256
}
