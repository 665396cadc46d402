import ArgumentParsing
import Platform
import VODHookCore

/// `vodhook listen`: a callback receiver for debugging, on the sockets `send` uses.
///
/// One thread per connection: each runs the plain blocking sequence (read a
/// request, check it, relay it, answer) with poll-bounded waits, which
/// keeps keep-alive, pipelining, `Expect: 100-continue` and a slow relay
/// simple and independent per connection. A receiver for debugging sees
/// tens of connections, not tens of thousands, so a thread each costs
/// little (50 at once in the tests).
enum ListenCommand {
    static let spec = CommandSpec(
        name: "listen",
        abstract: "Receive callbacks over HTTP, answer them, and show each one's signature and check as it arrives.",
        usage: [
            "[--port 8080] [--host 127.0.0.1] [--url URL] [--key KEY ... | --key-file FILE] [--max-age SECONDS]",
            "[--respond CODE] [--fail-first N] [--forward-to URL] [--save FILE] [--count N] [--format text|json] [--strict] [--color WHEN]",
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
            OptionSpec("forward-to", kind: .value(placeholder: "url"), help: "relay each request to this http:// receiver and answer with its status"),
            OptionSpec("save", kind: .value(placeholder: "file"), help: "append every request as received, for check, verify and summary to read back"),
            OptionSpec("count", short: "n", kind: .value(placeholder: "N"), help: "stop after N requests; exit 1 if any failed its signature or check"),
            OptionSpec("format", kind: .value(placeholder: "format"), help: "a line and findings per request, or one JSON record per request", allowedValues: ["text", "json"]),
            CommonOptions.strict,
            CommonOptions.color,
        ],
        discussion: """
            Every POST, on any path, is answered with --respond (default 200), so the sender stops
            retrying. Each request gets one line as it arrives: time, request number, path, signature
            (valid, mismatch, missing, stale; 'unchecked' without a key), EventType, the event's
            identity field (MediaId, VideoId, JobId...), the check verdict, 'copy of request N' for a
            body seen before, and the answer; then its findings.

            Limits: a head over 64 KiB is answered 431, a body over 32 MiB 413, a client silent for
            10 s in the middle of a request 408, and anything that is not HTTP 400; each closes the
            connection and prints a line.

            Ctrl-C (SIGINT) or SIGTERM stops accepting, finishes the requests in flight, prints the
            totals and exits 0.

            EXIT STATUS:
              0  stopped by a signal; or, with --count, every request passed its signature and check
              1  with --count: some request failed its signature or its check
              2  usage error, or the port cannot be bound (in use, not permitted)
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let settings: ListenSettings
        switch parse(parsed, environment) {
        case .success(let parsedSettings): settings = parsedSettings
        case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "listen")
        }
        var signals = StopSignals()
        // Before any thread starts, so every connection thread inherits the mask.
        signals.block()
        defer { signals.restore() }
        let socket: ListeningSocket
        switch ListeningSocket.bind(host: settings.host, port: settings.port) {
        case .success(let bound): socket = bound
        case .failure(let error):
            environment.errors.write("vodhook listen: error: \(error.message)\n")
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
        let session = ListenSession(settings: settings, environment: environment, wake: wake, saveDescriptor: saveDescriptor)
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        var banner = "vodhook listen: listening on http://\(host):\(socket.port)/ (configure this URL as the callback URL"
        banner += settings.host == "127.0.0.1" || settings.host == "::1" || settings.host == "localhost" ? "; this machine only, --host 0.0.0.0 to accept others)\n" : ")\n"
        if let forward = settings.forwardTo { banner += "vodhook listen: relaying every request to \(forward.text)\n" }
        environment.errors.write(banner)
        environment.errors.flush()
        var stoppedBySignal = false
        while !session.isStopping {
            if signals.takePending() {
                stoppedBySignal = true
                // On its own line, after the ^C the terminal echoed.
                environment.errors.write("\nvodhook listen: stopping; finishing the requests in flight\n")
                environment.errors.flush()
                break
            }
            guard let descriptor = socket.accept(orWake: wake.readEnd, milliseconds: 100) else { continue }
            session.connectionStarted()
            if !startDetachedThread({ serve(TCPConnection.accepted(descriptor), session) }) {
                Sockets.close(descriptor)
                session.connectionEnded()
            }
        }
        session.stop()
        session.waitForConnections()
        let totals = session.totals()
        (settings.json ? environment.errors : environment.output).write(totals.text)
        var outcome = RunOutcome()
        // Only a run that --count ended judges its requests; Ctrl-C ends a session, not a test.
        if settings.count != nil && !stoppedBySignal { outcome.failedDocuments = totals.failed }
        return outcome.exitCode(.output)
    }

    /// One connection: requests in order until it closes, the server stops, or a limit is broken.
    private static func serve(_ connection: TCPConnection, _ session: ListenSession) {
        defer { session.connectionEnded() }
        var framer = RequestFramer(connection: connection, wake: session.wake.readEnd)
        while true {
            switch framer.next(idleAllowed: !session.isStopping) {
            case .closed:
                return
            case .refused(let status, let reason):
                session.refuse(status: status, reason: reason)
                answer(connection, status: status, body: reason + "\n", close: true)
                return
            case .request(let raw, let head):
                let status = session.handle(raw: raw, head: head)
                let close = session.isStopping || wantsClose(head)
                answer(connection, status: status, body: status < 300 ? "ok\n" : reasonPhrase(status).lowercased() + "\n", close: close,
                       allow: status == 405)
                if close { return }
            }
        }
    }

    private static func wantsClose(_ head: HTTPRequestHead) -> Bool {
        let connection = head.header("Connection")?.value.lowercased() ?? ""
        if connection.contains("close") { return true }
        return head.version == "HTTP/1.0" && !connection.contains("keep-alive")
    }

    private static func answer(_ connection: TCPConnection, status: Int, body: String, close: Bool, allow: Bool = false) {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(status))\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
        if allow { text += "Allow: POST\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n" + body
        try? connection.send(Array(text.utf8), deadline: MonotonicClock.milliseconds() + RequestFramer.stallMilliseconds)
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
        do {
            if let port = try number("port", in: 0...65535).get() { settings.port = port }
            if let code = try number("respond", in: 200...599).get() { settings.respond = code }
            if let failFirst = try number("fail-first", in: 0...1_000_000).get() { settings.failFirst = failFirst }
            settings.count = try number("count", in: 1...Int(Int32.max)).get()
            settings.maxAge = try number("max-age", in: 0...Int(Int32.max)).get()
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
            switch CallbackURL.parse(text) {
            case .success(let url): settings.forwardTo = url
            case .failure(let error): return .failure(UsageError("--forward-to: " + error.message))
            }
        }
        settings.savePath = parsed.value("save")
        settings.json = parsed.value("format") == "json"
        settings.strict = parsed.isSet("strict")
        settings.style = CommonOptions.style(parsed, environment)
        return .success(settings)
    }
}
