import ArgumentParsing
import Platform
import VODHookCore

/// `vodhook listen`: a callback receiver for debugging, on the sockets `send` uses.
///
/// Bounded whoever connects: one event loop reads every connection and a
/// fixed pool of workers handles whole requests (see `ListenServer` and
/// docs/design.md, "listen under attack").
enum ListenCommand {
    static let spec = CommandSpec(
        name: "listen",
        abstract: "Receive callbacks over HTTP, answer them, and show each one's signature and check as it arrives.",
        usage: [
            "[--port 8080] [--host 127.0.0.1] [--url URL] [--key KEY ... | --key-file FILE] [--max-age SECONDS]",
            "[--respond CODE] [--fail-first N] [--forward-to URL [--cacert FILE | --insecure]] [--save FILE] [--count N] [--format text|json] [--strict] [--color WHEN]",
            "[--forward-timeout DURATION] [--max-connections N] [--header-timeout DURATION] [--body-timeout DURATION] [--grace DURATION] [--max-memory MIB]",
        ],
        options: [
            OptionSpec("port", short: "p", kind: .value(placeholder: "port"), help: "the port to listen on (default: 8080; 0 picks a free one)"),
            OptionSpec("host", kind: .value(placeholder: "address"), help: "the address to bind (default: 127.0.0.1, this machine only)"),
            OptionSpec("url", kind: .value(placeholder: "url"), help: "the callback URL the signature covers (default: http:// + the request's Host + its path)"),
            KeyOptions.key,
            KeyOptions.keyFile,
            OptionSpec("max-age", kind: .value(placeholder: "seconds"), help: "flag X-VOD-TIMESTAMP values further than this from now as stale"),
            OptionSpec("respond", kind: .value(placeholder: "code"), help: "the status to answer every POST with (default: 200)"),
            OptionSpec("fail-first", kind: .value(placeholder: "N"), help: "answer 500 to the first N attempts of each distinct body, to watch retries"),
            OptionSpec("forward-to", kind: .value(placeholder: "url"), help: "relay each request to this http:// or https:// receiver and answer with its answer (status, headers, body)"),
            OptionSpec("cacert", kind: .value(placeholder: "file"), help: "for an https:// --forward-to, trust the CA certificates in this PEM file instead of the system's", completion: .files),
            OptionSpec("insecure", short: "k", help: "for an https:// --forward-to, accept any certificate for any name"),
            OptionSpec("forward-timeout", kind: .value(placeholder: "duration"), help: "how long a relay waits for the receiver (default: 4s, under the sender's 5 s)"),
            OptionSpec("save", kind: .value(placeholder: "file"), help: "append every request as received, for check, verify and summary to read back"),
            OptionSpec("max-connections", kind: .value(placeholder: "N"), help: "connections held at once (default: 4096); beyond it the longest-idle one is closed, or new ones wait"),
            OptionSpec("header-timeout", kind: .value(placeholder: "duration"), help: "time for a request's head to arrive whole, as 10, 10s or 500ms (default: 10s); then 408"),
            OptionSpec("body-timeout", kind: .value(placeholder: "duration"), help: "time for a body, plus 1 s per 64 KiB that arrived (default: 10s); then 408"),
            OptionSpec("grace", kind: .value(placeholder: "duration"), help: "after Ctrl-C, time for requests in flight to finish (default: 5s)"),
            OptionSpec("max-memory", kind: .value(placeholder: "MiB"), help: "bytes of requests in flight, all together (default: 256); a request beyond it is answered 503"),
            OptionSpec("count", short: "n", kind: .value(placeholder: "N"), help: "stop after N requests; exit 1 if any failed its signature or check"),
            TextOrJSON.option("format", placeholder: "format", help: "a line and findings per request, or one JSON record per request"),
            CommonOptions.strict,
            CommonOptions.color,
        ],
        discussion: """
            Every POST, on any path, is answered with --respond (default 200), so the sender stops
            retrying. Each request gets one line as it arrives: time, request number, path, signature
            (valid, mismatch, missing, stale; 'unchecked' without a key), EventType, the event's
            identity field (MediaId, VideoId, JobId...), the check verdict, 'copy of request N' for a
            body seen before, and the answer; then its findings.

            GET, HEAD and other methods are answered 405 (OPTIONS 204) and shown, but they are not
            callbacks: they count for nothing, so a browser cannot end a --count run.

            Limits: a head over 64 KiB is answered 431; a body over 32 MiB, or a request over 32 MiB
            and 128 KiB with its chunk framing and trailers, 413; a head not whole within
            --header-timeout, or a body slower than 64 KiB/s after --body-timeout, 408; requests in
            flight over --max-memory 503; anything that is not strict HTTP/1.1 (Content-Length with
            Transfer-Encoding, no Host or two, a folded header, a trailer that is no header) 400.
            Each closes the connection and prints a line. A request that cannot be saved is answered
            503, said at once on standard error, counted in the totals, and the run exits 2.

            Ctrl-C (SIGINT) or SIGTERM stops accepting and gives requests in flight --grace to
            finish, then prints the totals; a second one ends at once, totals still printed.

            EXIT STATUS:
              0  stopped by a signal; or, with --count, every request passed its signature and check
              1  with --count: some request failed its signature or its check
              2  usage error, the port cannot be bound (in use, not permitted), or a request could not be saved
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        var settings: ListenSettings
        switch parse(parsed, environment) {
        case .success(let parsedSettings): settings = parsedSettings
        case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "listen")
        }
        // Loaded once, before any thread starts.
        if let trust = settings.forwardTrust {
            switch TLSClient.load(trust: trust, variables: environment.variables) {
            case .success(let client): settings.forwardTLS = client
            case .failure(let unavailable):
                environment.errors.write("vodhook listen: error: --forward-to: \(unavailable.message)\n")
                return .trouble
            }
        }
        var signals = StopSignals()
        // Before any thread starts, so every worker thread inherits the mask.
        signals.block()
        defer { signals.restore() }
        let socket: ListeningSocket
        switch ListeningSocket.bind(host: settings.host, port: settings.port) {
        case .success(let bound): socket = bound
        case .failure(let error):
            environment.errors.write("vodhook listen: error: \(error.message)\n")
            return .trouble
        }
        if let forward = settings.forwardTo, Forwarder.isOwnAddress(forward, host: settings.host, port: socket.port) {
            environment.errors.write("vodhook listen: error: --forward-to \(TerminalSafe.quoted(forward.text)) is this listener's own address: every request would be relayed to itself; give the receiver's address\n")
            return .trouble
        }
        var saveDescriptor: Int32?
        if let path = settings.savePath {
            do {
                saveDescriptor = try Files.openForAppending(path)
            } catch {
                environment.errors.write("vodhook listen: error: cannot open \(TerminalSafe.quoted(path)) to save requests: \(SourceList.reason(error))\n")
                return .trouble
            }
        }
        defer { saveDescriptor.map { try? Files.close($0) } }
        guard let wake = WakePipe() else {
            environment.errors.write("vodhook listen: error: cannot create a pipe\n")
            return .trouble
        }
        var banner = Self.banner(host: settings.host, port: socket.port)
        if let forward = settings.forwardTo { banner += "vodhook listen: relaying every request to \(forward.text)\n" }
        environment.errors.write(banner)
        environment.errors.flush()
        // From here the session owns the output: every write goes through it, under its lock.
        let session = ListenSession(settings: settings, environment: environment, wake: wake, saveDescriptor: saveDescriptor)
        var limits = settings.limits
        // Each connection is a descriptor: the limit is raised as far as allowed, and the connection limit kept under it.
        let descriptors = DescriptorLimit.raiseToHardLimit()
        // Kept back: standard streams, the listener, pipes, the capture, the relays' connections.
        limits.maxConnections = min(limits.maxConnections, max(descriptors - min(64, descriptors / 4), 1))
        let server = ListenServer(socket: socket, session: session, limits: limits) { session.writeError($0) }
        let ending = server.run { signals.takePending() }
        // Through the session: after a second signal a worker may still be writing.
        let failed = session.writeTotals()
        var outcome = RunOutcome()
        // Only a run that --count ended judges its requests; Ctrl-C ends a session, not a test.
        if settings.count != nil && ending == .finished { outcome.failedDocuments = failed }
        // A request that could not be saved was answered 503, but the run must not look clean.
        if session.unsaved > 0 { return .trouble }
        return outcome.exitCode(.output)
    }

    /// Where to send callbacks. An address that means every interface is
    /// never offered as a URL (http://0:8080/ reaches nothing elsewhere):
    /// a warning says who can now send, and the machine's addresses are listed.
    static func banner(host: String, port: Int) -> String {
        let everyInterface = ["0", "0.0.0.0", "::", "0:0:0:0:0:0:0:0"].contains(host)
        guard everyInterface else {
            let shown = host.contains(":") ? "[\(host)]" : host
            var line = "vodhook listen: listening on http://\(shown):\(port)/ (configure this URL as the callback URL"
            line += host == "127.0.0.1" || host == "::1" || host == "localhost" ? "; this machine only, --host 0.0.0.0 to accept others)\n" : ")\n"
            return line
        }
        var text = "vodhook listen: warning: listening on every interface (--host \(TerminalSafe.quoted(host))): anyone who can reach this machine can send requests\n"
        let addresses = Sockets.interfaceAddresses(includeIPv6: host.contains(":"))
        text += "vodhook listen: listening on port \(port); configure one of these as the callback URL:\n"
        for address in addresses.isEmpty ? ["127.0.0.1"] : addresses {
            text += "  http://\(address.contains(":") ? "[\(address)]" : address):\(port)/\n"
        }
        return text
    }

    /// "10" and "10s" are seconds, "500ms" milliseconds; up to a day.
    static func milliseconds(_ text: String) -> Int? {
        let (digits, scale) = text.hasSuffix("ms") ? (text.dropLast(2), 1) : text.hasSuffix("s") ? (text.dropLast(), 1000) : (Substring(text), 1000)
        guard let value = Int(digits), value >= 0, value <= 86_400_000 / scale else { return nil }
        return value * scale
    }

    private static func parse(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> Result<ListenSettings, UsageError> {
        var settings = ListenSettings()
        func number(_ option: String, in range: ClosedRange<Int>) -> Result<Int?, UsageError> {
            guard let text = parsed.value(option) else { return .success(nil) }
            guard let value = Int(text), range.contains(value) else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--\(option)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(value)
        }
        func duration(_ option: String) -> Result<Int?, UsageError> {
            guard let text = parsed.value(option) else { return .success(nil) }
            guard let milliseconds = Self.milliseconds(text) else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--\(option)'; expected a duration such as 10, 10s or 500ms"))
            }
            return .success(milliseconds)
        }
        do {
            if let port = try number("port", in: 0...65535).get() { settings.port = port }
            if let code = try number("respond", in: 200...599).get() { settings.respond = code }
            if let failFirst = try number("fail-first", in: 0...1_000_000).get() { settings.failFirst = failFirst }
            settings.count = try number("count", in: 1...Int(Int32.max)).get()
            settings.maxAge = try number("max-age", in: 0...Int(Int32.max)).get()
            if let connections = try number("max-connections", in: 1...1_000_000).get() { settings.limits.maxConnections = connections }
            if let memory = try number("max-memory", in: 1...1_048_576).get() { settings.limits.bodyMemory = memory * 1024 * 1024 }
            if let header = try duration("header-timeout").get() { settings.limits.headerMilliseconds = header }
            if let body = try duration("body-timeout").get() { settings.limits.bodyMilliseconds = body }
            if let grace = try duration("grace").get() { settings.limits.graceMilliseconds = grace }
            if let forward = try duration("forward-timeout").get() { settings.limits.forwardMilliseconds = forward }
        } catch {
            return .failure(error)
        }
        if let host = parsed.value("host") {
            guard !host.isEmpty else { return .failure(UsageError("'--host' wants an address, such as 127.0.0.1")) }
            settings.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        }
        settings.url = parsed.value("url")
        if parsed.isSet("key") || parsed.isSet("key-file") || !(environment.variables["VODHOOK_KEY"] ?? "").isEmpty {
            switch KeyOptions.keys(parsed, environment) {
            case .success(let keys): settings.keys = keys
            case .failure(let error): return .failure(error)
            }
        }
        if let text = parsed.value("forward-to") {
            switch CallbackURL.parse(text, allowingHTTPS: true) {
            case .success(let url): settings.forwardTo = url
            case .failure(let error): return .failure(UsageError("--forward-to: " + error.message))
            }
        }
        if let forward = settings.forwardTo {
            switch SendSettings.trustSetting(parsed, url: forward) {
            case .success(let trust): settings.forwardTrust = trust
            case .failure(let error): return .failure(error)
            }
        } else if parsed.isSet("cacert") || parsed.isSet("insecure") {
            return .failure(UsageError("'--\(parsed.isSet("insecure") ? "insecure" : "cacert")' goes with an https:// --forward-to"))
        }
        settings.savePath = parsed.value("save")
        settings.json = parsed.choice("format", default: TextOrJSON.text) == .json
        settings.strict = parsed.isSet("strict")
        settings.style = CommonOptions.style(parsed, environment)
        return .success(settings)
    }
}
