import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// https receivers for the tests: certificates made with the openssl CLI,
/// served by python3's `ssl` and `http.server` (Support/tls-receiver.py) on
/// 127.0.0.1, one port per certificate. The tests wait for the server's
/// "ready" line and for each request's record, never for a fixed time.
final class TLSTestServer: @unchecked Sendable {
    /// What each port presents.
    enum Listener: Int, CaseIterable {
        /// Self-signed, for localhost and 127.0.0.1.
        case selfSigned
        /// Self-signed, for other.example only.
        case wrongName
        /// For 127.0.0.1, issued by the test CA.
        case issued
        /// For 127.0.0.1, issued by the test CA, expired in 2020.
        case expired
        /// Plain HTTP, no TLS.
        case plain

        static let withCertificates: [Listener] = [.selfSigned, .wrongName, .issued, .expired]
    }

    /// One request the receiver answered.
    struct Request {
        var port: Int
        var target: String
        var version: String
        var headers: [String: String]
        var body: [UInt8]
    }

    /// Why the tests cannot run here, or nil when they can.
    static let missing: String? = {
        let reason = findMissing()
        if let reason { print("skipped: the https tests, because \(reason)") }
        return reason
    }()

    private static func findMissing() -> String? {
        guard ExternalTool.find("openssl") != nil else { return "the openssl CLI is not installed" }
        guard PythonTool.has("ssl") else { return "python3 with its ssl module is not installed" }
        for name in ["libcurl.so.4", "libcurl-gnutls.so.4", "/usr/lib/libcurl.4.dylib"] where dlopen(name, RTLD_NOW) != nil {
            return nil
        }
        return "libcurl is not installed"
    }

    /// The one server all tests share, started on first use; nil with the reason printed where it cannot start.
    static let shared: TLSTestServer? = {
        do {
            return try TLSTestServer()
        } catch {
            print("the https test receiver did not start: \(error)")
            return nil
        }
    }()

    let directory: URL
    private(set) var ports: [Listener: Int] = [:]
    private let process = Process()
    private let input = Pipe()
    private let condition = NSCondition()
    private var lines: [String] = []
    private var ended = false

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    private init() throws {
        directory = try InProcess.temporaryDirectory()
        try makeCertificates()
        guard let python = PythonTool.interpreter else { throw StartFailure(description: "python3 is not on PATH") }
        process.executableURL = python
        let script = BinaryRunner.packageRoot.appendingPathComponent("Tests/VODHookCommandsTests/Support/tls-receiver.py")
        process.arguments = [script.path] + Listener.withCertificates.flatMap { [file("\($0)").path, file("\($0)-key").path] }
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(["VODHOOK_TEST_DIRECTORY": directory.path]) { $1 }
        try process.run()
        Thread.detachNewThread { [self] in
            let handle = output.fileHandleForReading
            var pending = Data()
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty {
                    ended = true
                } else {
                    pending += chunk
                    while let newline = pending.firstIndex(of: 0x0A) {
                        lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending = Data(pending[pending.index(after: newline)...])
                    }
                }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
        let ready = wait(timeout: 60) { $0.first { $0.hasPrefix("ready ") } }
        guard let ready else { throw StartFailure(description: "no ready line from tls-receiver.py") }
        let numbers = ready.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard numbers.count == Listener.allCases.count else { throw StartFailure(description: "unexpected ready line \(ready)") }
        for (listener, port) in zip(Listener.allCases, numbers) { ports[listener] = port }
    }

    func file(_ name: String) -> URL {
        directory.appendingPathComponent(name + ".pem")
    }

    func url(_ listener: Listener, host: String = "127.0.0.1", target: String) -> String {
        "https://\(host):\(ports[listener] ?? 0)\(target)"
    }

    /// The requests received for `target`, once there are `count` of them (or
    /// the time runs out, which only a failing test reaches).
    func requests(for target: String, count: Int) -> [Request] {
        let matching = wait(timeout: 30) { lines in
            let found = lines.compactMap(Self.request).filter { $0.target == target }
            return found.count >= count ? found : nil
        }
        return matching ?? condition.withLock { lines.compactMap(Self.request).filter { $0.target == target } }
    }

    private func wait<T>(timeout: TimeInterval, _ found: ([String]) -> T?) -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = found(lines) { return value }
            if ended || !condition.wait(until: deadline) { return found(lines) }
        }
    }

    private static func request(_ line: String) -> Request? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let port = object["port"] as? Int, let target = object["target"] as? String,
            let body = (object["body"] as? String).flatMap({ Data(base64Encoded: $0) })
        else { return nil }
        return Request(
            port: port, target: target, version: object["version"] as? String ?? "",
            headers: object["headers"] as? [String: String] ?? [:], body: Array(body))
    }

    /// A test CA, a certificate it issued and one it issued that expired, and two self-signed ones.
    private func makeCertificates() throws {
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + curve + ["-keyout", "selfSigned-key.pem", "-out", "selfSigned.pem", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        try openssl(["req", "-x509"] + curve + ["-keyout", "wrongName-key.pem", "-out", "wrongName.pem", "-days", "2",
            "-subj", "/CN=other.example", "-addext", "subjectAltName=DNS:other.example"])
        try openssl(["req", "-x509"] + curve + ["-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=vodhook test CA"])
        try Data().write(to: directory.appendingPathComponent("index.txt"))
        try Data("01\n".utf8).write(to: directory.appendingPathComponent("serial"))
        let configuration = """
            [ca]
            default_ca = test
            [test]
            database = index.txt
            new_certs_dir = .
            serial = serial
            default_md = sha256
            policy = anything
            copy_extensions = copy
            unique_subject = no
            [anything]
            commonName = supplied

            """
        try Data(configuration.utf8).write(to: directory.appendingPathComponent("ca.cnf"))
        for (name, dates) in [("issued", ["-days", "2"]), ("expired", ["-startdate", "20200101000000Z", "-enddate", "20200102000000Z"])] {
            try openssl(["req", "-new"] + curve + ["-keyout", "\(name)-key.pem", "-out", "\(name).csr",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
            try openssl(["ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca-key.pem",
                "-in", "\(name).csr", "-out", "\(name).pem"] + dates)
        }
    }

    private func openssl(_ arguments: [String]) throws {
        guard let tool = ExternalTool.find("openssl") else { throw StartFailure(description: "openssl is not on PATH") }
        let result = try ExternalTool.run(tool, arguments, in: directory, timeout: 60)
        guard result.status == 0 else { throw StartFailure(description: "openssl \(arguments.joined(separator: " ")): \(result.stderr)") }
    }
}
