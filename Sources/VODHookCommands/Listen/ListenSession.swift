import Platform
import VODHookCore

/// What every connection of one `listen` run shares: request numbers, the
/// bodies seen (for copies and `--fail-first`), the totals, the output and
/// the capture file. One lock guards it all; the checks and any relay run
/// outside it, so a slow receiver behind `--forward-to` holds up only its
/// own connection.
final class ListenSession: @unchecked Sendable {
    let settings: ListenSettings
    let wake: WakePipe
    private let monitor = Monitor()
    private let output: any OutputSink
    private let notes: any OutputSink
    private let now: @Sendable () -> Int
    private let saveDescriptor: Int32?

    private var requests = 0
    private var handled = 0
    private var valid = 0
    private var invalid = 0
    private var copies = 0
    private var refused = 0
    private var byEventType: [String: Int] = [:]
    /// Per distinct body (its MD5): the request it first came in, and how many times it came.
    private var bodies: [String: (first: Int, attempts: Int)] = [:]
    private var activeConnections = 0
    private(set) var stopping = false

    init(settings: ListenSettings, environment: CommandEnvironment, wake: WakePipe, saveDescriptor: Int32?) {
        self.settings = settings
        self.wake = wake
        output = environment.output
        // JSON records stay alone on standard output; the other lines go beside them.
        notes = settings.json ? environment.errors : environment.output
        now = environment.now
        self.saveDescriptor = saveDescriptor
    }

    /// Handles one whole request and returns the status to answer with.
    func handle(raw: [UInt8], head: HTTPRequestHead) -> Int {
        let digest = MD5.hex(Self.body(of: raw))
        let arrival = monitor.locked { () -> (number: Int, copyOf: Int?, attempt: Int) in
            requests += 1
            var seen = bodies[digest] ?? (requests, 0)
            seen.attempts += 1
            bodies[digest] = seen
            return (requests, seen.first == requests ? nil : seen.first, seen.attempts)
        }
        let receivedAt = now()
        var report: DocumentReport?
        var locator: (any SourceLocator)?
        var request: HTTPRequest?
        var identity: (name: String, value: String)?
        var checker = DocumentChecker(policy: FindingPolicy(strict: settings.strict))
        HTTPCaptureDocuments.forEach(raw) { document, origin in
            guard report == nil else { return }
            report = checker.report(for: document, source: "request-\(arrival.number)", origin: origin)
            locator = origin.locator
            request = origin.request
            identity = document.json.flatMap(Self.identity)
        }
        var signature = "missing"
        var keyIndex: Int?
        if let request {
            if settings.keys.isEmpty {
                signature = request.header("X-VOD-SIGNATURE") == nil ? "missing" : "unchecked"
            } else {
                let url = settings.url ?? "http://\(request.header("Host")?.value ?? "\(settings.host):\(settings.port)")\(request.target)"
                let verdict = SignatureVerifier(url: url, keys: settings.keys, maxAge: settings.maxAge, now: receivedAt).verify(request)
                signature = verdict.diagnostics.contains { $0.rule == .timestampStale } ? "stale" : verdict.status.rawValue
                keyIndex = verdict.keyIndex
                report?.diagnostics += verdict.diagnostics
                report?.diagnostics.sort()
            }
        }
        var answer = ListenAnswer(status: settings.respond)
        if head.method != "POST" {
            answer.status = 405
        } else if arrival.attempt <= settings.failFirst {
            answer.status = 500
        } else if let target = settings.forwardTo, let request {
            let forwarded = Forwarder.relay(request, to: target)
            answer.forward = forwarded
            answer.status = forwarded.status ?? 502
        }
        var text: [UInt8] = []
        if let report, let locator {
            render(report, locator: locator, number: arrival.number, copyOf: arrival.copyOf, identity: identity, head: head,
                   signature: (signature, keyIndex), receivedAt: receivedAt, answer: answer, into: &text)
        }
        let finished = monitor.locked { () -> Bool in
            handled += 1
            if report?.isValid ?? false { valid += 1 } else { invalid += 1 }
            if arrival.copyOf != nil { copies += 1 }
            byEventType[report?.eventType ?? "(no EventType)", default: 0] += 1
            save(raw)
            output.write(text)
            output.flush()
            if let count = settings.count, handled >= count, !stopping {
                stopping = true
                return true
            }
            return false
        }
        if finished { wake.wake() }
        return answer.status
    }

    /// A connection refused for breaking a limit or not speaking HTTP.
    func refuse(status: Int, reason: String) {
        let line = "\(WallClock.stamp(now()).time)  \(status) \(reasonPhrase(status)): \(reason); connection closed\n"
        monitor.locked {
            refused += 1
            notes.write(line)
            notes.flush()
        }
    }

    func note(_ line: String) {
        monitor.locked {
            notes.write(line)
            notes.flush()
        }
    }

    func connectionStarted() { monitor.locked { activeConnections += 1 } }

    func connectionEnded() {
        monitor.locked {
            activeConnections -= 1
            monitor.signalAll()
        }
    }

    /// Stops the server: idle connections close, busy ones finish their request.
    func stop() {
        monitor.locked { stopping = true }
        wake.wake()
    }

    var isStopping: Bool { monitor.locked { stopping } }

    func waitForConnections() {
        monitor.wait(until: { activeConnections == 0 }) {}
    }

    /// The totals, and whether every request passed its signature and check.
    func totals() -> (text: String, failed: Int) {
        monitor.locked {
            var line = "listen: \(handled) request\(handled == 1 ? "" : "s"): \(valid) valid, \(invalid) invalid, \(copies) cop\(copies == 1 ? "y" : "ies")"
            if refused > 0 { line += ", \(refused) refused" }
            let events = byEventType.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if !events.isEmpty { line += "; " + events.map { "\(TerminalSafe.quoted($0.key)) \($0.value)" }.joined(separator: ", ") }
            return (line + "\n", invalid)
        }
    }

    /// Appends the request as received; one write, so a stop never leaves
    /// half of one. A body without a final newline gets one after it, so the
    /// next request line starts a line, as a capture's reader expects; its
    /// framing (Content-Length, chunked) leaves that newline out of the body.
    private func save(_ raw: [UInt8]) {
        guard let saveDescriptor else { return }
        let raw = raw.last == 0x0A ? raw : raw + [0x0D, 0x0A]
        raw.withUnsafeBytes { bytes in
            // A failed write cannot be answered for here; the request was still answered.
            try? Result { () throws(SystemError) in try Files.writeAll(saveDescriptor, bytes) }.get()
        }
    }

    /// What the request is about: its event's identity field (VideoId for
    /// an upload, JobId for an AI job...), else a MediaId, named.
    private static func identity(_ document: JSONDocument) -> (name: String, value: String)? {
        let fields = CallbackFields(document)
        if let spec = fields.eventType.flatMap(EventCatalog.spec(forEventType:)), let value = fields.identity {
            return (spec.identity, value)
        }
        return fields.mediaId.map { ("MediaId", $0) }
    }

    private static func body(of raw: [UInt8]) -> ArraySlice<UInt8> {
        let end = RequestFramer.headEnd(in: raw, from: 0) ?? raw.count
        return raw[end...]
    }

    private func render(
        _ report: DocumentReport, locator: any SourceLocator, number: Int, copyOf: Int?, identity: (name: String, value: String)?, head: HTTPRequestHead,
        signature: (status: String, keyIndex: Int?), receivedAt: Int, answer: ListenAnswer, into out: inout [UInt8]
    ) {
        let stamp = WallClock.stamp(receivedAt)
        if settings.json {
            JSONRecordRenderer().render(report, locator: locator, signature: signature, into: &out)
            // The verify record, widened: its closing brace and newline make way for the listen fields.
            out.removeLast(2)
            out.append(string: ",\"request\":\(number),\"receivedAt\":\"\(stamp.instant)\",\"answer\":\(answer.status)")
            out.append(string: ",\"copyOf\":" + (copyOf.map(String.init) ?? "null"))
            if let forward = answer.forward {
                out.append(string: ",\"forward\":{\"url\":")
                JSONText.appendString(forward.url, to: &out)
                out.append(string: ",\"status\":" + (forward.status.map(String.init) ?? "null") + ",\"milliseconds\":\(forward.milliseconds)")
                out.append(string: ",\"error\":")
                JSONText.appendOptionalString(forward.failure, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(string: "}\n")
            return
        }
        let fields = report.eventType
        var line = "\(stamp.time)  #\(number)  \(head.method) \(TerminalSafe.quotedExcerpt(head.target))  signature \(signature.status)"
        line += "  \(fields.map(TerminalSafe.quotedExcerpt) ?? "(no EventType)")"
        if let identity { line += "  \(identity.name) \(TerminalSafe.quotedExcerpt(identity.value))" }
        line += report.isValid ? "  valid" : "  invalid"
        if let copyOf { line += "  copy of request \(copyOf)" }
        line += "  -> \(answer.status)\n"
        out.append(string: line)
        if let forward = answer.forward {
            if let status = forward.status {
                out.append(string: "          forwarded to \(forward.url): \(status) in \(forward.milliseconds) ms\n")
            } else {
                out.append(string: "          forwarding to \(forward.url) failed: \(forward.failure ?? "no answer"); answered 502\n")
            }
        }
        // The usual findings, hints (the signature mismatch's among them) and excerpts included.
        TextDiagnosticRenderer(style: settings.style).render(report, locator: locator, into: &out)
    }
}
