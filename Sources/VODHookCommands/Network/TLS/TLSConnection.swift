import Platform
import VODHookCore

/// One TLS connection to an https receiver. libcurl connects, checks the
/// certificate and the name (sending the name as SNI), then only carries
/// bytes: the request and the answer are ours, as over `TCPConnection`.
/// Every wait is bounded by the deadline; libcurl's own calls are made
/// non-blocking and waited on with `poll`.
final class TLSConnection: ByteConnection {
    private let curl: LibCurl
    private let handle: LibCurl.Handle
    /// libcurl writes its last error message here; it must live as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var descriptor: Int32 = -1

    private init(curl: LibCurl, handle: LibCurl.Handle) {
        self.curl = curl
        self.handle = handle
        errorBuffer = .allocate(capacity: LibCurl.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: LibCurl.errorBufferSize)
    }

    deinit {
        curl.release(handle)
        errorBuffer.deallocate()
    }

    /// Connects to `host` (a name or an address; an IPv6 address without
    /// brackets) and completes the TLS handshake, all before `deadline`.
    static func open(host: String, port: Int, client: TLSClient, deadline: Int) throws(NetworkFailure) -> TLSConnection {
        let curl = client.library
        guard let handle = curl.makeHandle() else { throw .unreachable("libcurl could not start a connection") }
        let connection = TLSConnection(curl: curl, handle: handle)
        let remaining = max(deadline - MonotonicClock.milliseconds(), 1)
        let authority = host.contains(":") ? "[\(host)]" : host
        var failed = false
        func set(_ option: LibCurl.Option, _ value: Int) { failed = failed || curl.set(handle, option, value) != LibCurl.Code.ok }
        func set(_ option: LibCurl.Option, _ text: String) {
            failed = failed || text.withCString { curl.set(handle, option, UnsafeRawPointer($0)) } != LibCurl.Code.ok
        }
        failed = curl.set(handle, .errorBuffer, UnsafeRawPointer(connection.errorBuffer)) != LibCurl.Code.ok
        set(.url, "https://\(authority):\(port)/")
        // Connect and handshake only; the request is sent with curl_easy_send.
        set(.connectOnly, 1)
        set(.connectTimeoutMilliseconds, remaining)
        set(.timeoutMilliseconds, remaining)
        // No SIGALRM for resolver timeouts: other threads may be running.
        set(.noSignal, 1)
        // As for http://, the URL is reached directly: an https_proxy in the environment is not used.
        set(.proxy, "")
        // The request is HTTP/1.1: offering HTTP/2 by ALPN could have the receiver expect it.
        set(.sslEnableALPN, 0)
        set(.httpVersion, 2)
        switch client.trust {
        case .systemStore:
            break
        case .certificates(let file):
            set(.certificateAuthorityFile, file)
        case .anyCertificate:
            set(.sslVerifyPeer, 0)
            set(.sslVerifyHost, 0)
        }
        guard !failed else { throw .unreachable("this libcurl refused an option https needs") }
        let status = curl.perform(handle)
        guard status == LibCurl.Code.ok else { throw connection.failure(status, host: host) }
        guard let descriptor = curl.activeSocket(handle) else { throw .unreachable("libcurl gave no socket for the connection") }
        connection.descriptor = descriptor
        return connection
    }

    func send(_ bytes: [UInt8], deadline: Int) throws(NetworkFailure) {
        var offset = 0
        while offset < bytes.count {
            let (status, sent) = bytes.withUnsafeBytes { raw in curl.send(handle, UnsafeRawBufferPointer(rebasing: raw[offset...])) }
            offset += sent
            if status == LibCurl.Code.again {
                try wait(for: .writable, until: deadline)
            } else if status != LibCurl.Code.ok {
                throw .broken(message(status))
            }
        }
    }

    func receive(into buffer: inout [UInt8], deadline: Int) throws(NetworkFailure) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // Asked first, then waited for: TLS may hold decrypted bytes the socket no longer shows.
            let (status, count) = chunk.withUnsafeMutableBytes { raw in curl.receive(handle, into: raw) }
            if status == LibCurl.Code.ok {
                buffer.append(contentsOf: chunk[0..<count])
                return count > 0
            }
            guard status == LibCurl.Code.again else { throw .broken(message(status)) }
            try wait(for: .readable, until: deadline)
        }
    }

    private func wait(for event: SocketEvent, until deadline: Int) throws(NetworkFailure) {
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { throw .timedOut }
            do {
                if try Sockets.wait(descriptor, for: event, milliseconds: remaining) { return }
                throw NetworkFailure.timedOut
            } catch let error as SystemError {
                if !error.isInterrupted { throw .broken(error.message) }
            } catch {
                throw .timedOut
            }
        }
    }

    /// libcurl's message for the last call, or its number when it left none.
    private func message(_ status: Int32) -> String {
        let text = String(cString: errorBuffer)
        return text.isEmpty ? "libcurl error \(status)" : text
    }

    /// What a failed connect and handshake means for the report.
    private func failure(_ status: Int32, host: String) -> NetworkFailure {
        let text = message(status)
        switch status {
        case LibCurl.Code.couldNotResolveHost:
            return .unresolvable("the name does not resolve (libcurl: \(TerminalSafe.quoted(text)))")
        case LibCurl.Code.couldNotConnect:
            // In the words plain http:// uses: the system's, such as "connection refused".
            return .unreachable(curl.systemError(handle)?.message ?? text)
        case LibCurl.Code.timedOut:
            return text.lowercased().contains("ssl") || text.lowercased().contains("tls")
                ? .tls(TLSFailure(problem: .handshakeFailed, detail: text, host: host))
                : .unreachable("no answer to the connection request in time")
        case LibCurl.Code.unsupportedProtocol:
            return .unreachable("this libcurl cannot speak https: \(text)")
        case LibCurl.Code.sslConnectError, LibCurl.Code.sslCertificateProblem, LibCurl.Code.peerFailedVerification,
            LibCurl.Code.badCertificateAuthorityFile, LibCurl.Code.sslIssuerError, LibCurl.Code.sslInvalidCertificateStatus:
            return .tls(TLSFailure(code: status, message: text, host: host))
        default:
            return .unreachable(text)
        }
    }
}
