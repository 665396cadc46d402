import Platform
import VODHookCore

/// What every connection of one `listen` run shares: request numbers, the
/// bodies seen (for copies and `--fail-first`), the totals, the output and
/// the capture file. One lock owns it all (one `State`, the output sinks
/// inside it, so every write is under the lock); the checks and any relay
/// run outside it, so a slow receiver behind `--forward-to` holds up only
/// its own connection.
final class ListenSession: Sendable {
    let settings: ListenSettings
    /// Readable once the server stops (or --count is reached): the event loop's poll wakes for it.
    let wake: WakePipe
    private let now: @Sendable () -> Int
    private let saveDescriptor: Int32?
    /// This run's name in the hop header its relay adds, to know its own requests when they come back.
    let relayMark: String

    /// Everything the connections share, behind one lock.
    private struct State {
        /// Where the requests go; the JSON records alone on standard output.
        let output: any OutputSink
        /// Where the other lines go: beside the records (standard error) with --json, else standard output.
        let notes: any OutputSink
        let errors: any OutputSink
        var requests = 0
        var handled = 0
        var valid = 0
        var invalid = 0
        var copies = 0
        var refused = 0
        var notCallbacks = 0
        var unsaved = 0
        var byEventType: [String: Int] = [:]
        var bodies = BodyWindow()
        var stopping = false
    }

    private let state: Mutex<State>

    /// The command hands its output sinks over: from here until the server
    /// has stopped, it writes only through the session (`writeError`,
    /// `writeTotals`), so every write is under the lock.
    init(settings: ListenSettings, environment: CommandEnvironment, wake: WakePipe, saveDescriptor: Int32?) {
        self.settings = settings
        self.wake = wake
        now = environment.now
        self.saveDescriptor = saveDescriptor
        relayMark = "\(environment.now())-\(MonotonicClock.milliseconds())-\(settings.port)"
        // nonisolated(unsafe): the compiler cannot see the hand-over above; the sinks are reached only through `state` from here on.
        nonisolated(unsafe) let handedOver = State(output: environment.output, notes: settings.json ? environment.errors : environment.output, errors: environment.errors)
        state = Mutex(handedOver)
    }

    /// Handles one whole request and returns how it was answered.
    func handle(raw: [UInt8], head: HTTPRequestHead) -> ListenAnswer {
        // A browser's GET or a probe's OPTIONS is answered and shown, but it is no callback: it counts for nothing.
        guard head.method == "POST" else { return notACallback(head) }
        let digest = MD5.hex(Self.body(of: raw))
        let arrival = state.withLock { state -> (number: Int, copyOf: Int?, attempt: Int) in
            state.requests += 1
            let seen = state.bodies.arrived(digest, request: state.requests)
            return (state.requests, seen.first == state.requests ? nil : seen.first, seen.attempts)
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
        var urlAdvice: String?
        // The body's own verdict, before the signature's findings join the report.
        let bodyValid = report?.isValid ?? false
        if let request {
            if settings.keys.isEmpty {
                signature = request.header("X-VOD-SIGNATURE") == nil ? "missing" : "unchecked"
            } else {
                let derived = callbackURL(request)
                let url = settings.url ?? derived?.url ?? ""
                let verdict = SignatureVerifier(url: url, keys: settings.keys, maxAge: settings.maxAge, now: receivedAt).verify(request)
                if verdict.status == .valid, let forwardedBy = derived?.forwardedBy {
                    urlAdvice = "the signature matches \(TerminalSafe.quoted(url)), built from \(forwardedBy): configure that URL in the VOD console, and restart with --url \(url) to pin it"
                } else if settings.url == nil, let variant = verdict.matchingVariant {
                    urlAdvice = "the signature matches \(TerminalSafe.quoted(variant)): restart with --url \(variant)"
                }
                signature = verdict.diagnostics.contains { $0.rule == .timestampStale } ? "stale" : verdict.status.rawValue
                keyIndex = verdict.keyIndex
                report?.diagnostics += verdict.diagnostics
                report?.diagnostics.sort()
            }
        }
        var answer = ListenAnswer(status: settings.respond)
        // Saved before it is relayed or answered: what cannot be kept is answered 503, so the sender sends it again.
        let saved = save(raw)
        if !saved {
            answer.status = 503
        } else if arrival.attempt <= settings.failFirst {
            answer.status = 500
        } else if settings.forwardTo != nil, let request, let loop = Forwarder.loop(in: request, mark: relayMark) {
            answer.status = 508
            answer.loop = loop
        } else if let target = settings.forwardTo, let request {
            let forwarded = Forwarder.relay(request, to: target, tls: settings.forwardTLS, mark: relayMark, timeout: settings.limits.forwardMilliseconds)
            answer.forward = forwarded
            answer.status = forwarded.status ?? 502
        }
        var text: [UInt8] = []
        if let report, let locator {
            render(report, locator: locator, number: arrival.number, copyOf: arrival.copyOf, identity: identity, head: head,
                   signature: (signature, keyIndex), bodyValid: bodyValid, urlAdvice: urlAdvice, receivedAt: receivedAt, answer: answer, saved: saved, into: &text)
        }
        let finished = state.withLock { state -> Bool in
            state.handled += 1
            if report?.isValid ?? false { state.valid += 1 } else { state.invalid += 1 }
            if arrival.copyOf != nil { state.copies += 1 }
            state.byEventType[report?.eventType ?? "(no EventType)", default: 0] += 1
            state.output.write(text)
            state.output.flush()
            if let count = settings.count, state.handled >= count, !state.stopping {
                state.stopping = true
                return true
            }
            return false
        }
        if finished { wake.wake() }
        return answer
    }

    /// The URL the signature covers: --url, else the one the request was sent to (through a tunnel: the one its proxy says).
    private func callbackURL(_ request: HTTPRequest) -> RequestURL? {
        guard settings.url == nil else { return nil }
        return RequestURL(request, fallbackAuthority: "\(settings.host):\(settings.port)")
    }

    private func notACallback(_ head: HTTPRequestHead) -> ListenAnswer {
        let status = head.method == "OPTIONS" ? 204 : 405
        let line = "\(WallClock.stamp(now()).time)  \(head.method) \(TerminalSafe.quotedExcerpt(head.target))  not a callback (only POST is)  -> \(status)\n"
        state.withLock { state in
            state.notCallbacks += 1
            state.notes.write(line)
            state.notes.flush()
        }
        return ListenAnswer(status: status)
    }

    /// A connection refused for breaking a limit or not speaking HTTP.
    func refuse(status: Int, reason: String, answered: Bool) {
        let what = answered ? "\(status) \(reasonPhrase(status))" : "dropped"
        let line = "\(WallClock.stamp(now()).time)  \(what): \(reason); connection closed\n"
        state.withLock { state in
            state.refused += 1
            state.notes.write(line)
            state.notes.flush()
        }
    }

    /// A line for standard error, from the event loop or the command.
    func writeError(_ line: String) {
        state.withLock { state in
            state.errors.write(line)
            state.errors.flush()
        }
    }

    /// Stops the server: idle connections close, busy ones finish their request.
    func stop() {
        state.withLock { $0.stopping = true }
        wake.wake()
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Requests that could not be saved: what the exit status must not hide.
    var unsaved: Int { state.withLock { $0.unsaved } }

    /// Writes the totals beside the other notes; returns how many requests
    /// failed their signature or check.
    func writeTotals() -> Int {
        state.withLock { state in
            let handled = state.handled
            var line = "listen: \(handled) request\(handled == 1 ? "" : "s"): \(state.valid) valid, \(state.invalid) invalid, \(state.copies) cop\(state.copies == 1 ? "y" : "ies")"
            if state.refused > 0 { line += ", \(state.refused) refused" }
            if state.notCallbacks > 0 { line += ", \(state.notCallbacks) not callbacks" }
            if state.unsaved > 0 { line += ", \(state.unsaved) NOT SAVED" }
            let events = state.byEventType.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if !events.isEmpty { line += "; " + events.map { "\(TerminalSafe.quoted($0.key)) \($0.value)" }.joined(separator: ", ") }
            state.notes.write(line + "\n")
            state.notes.flush()
            return state.invalid
        }
    }

    /// Appends the request as received; one write, so a stop never leaves
    /// half of one. A body without a final newline gets one after it, so the
    /// next request line starts a line, as a capture's reader expects; its
    /// framing (Content-Length, chunked) leaves that newline out of the body.
    /// False when the write failed: said at once on standard error, counted for the totals and the exit status.
    private func save(_ raw: [UInt8]) -> Bool {
        guard let saveDescriptor else { return true }
        let raw = raw.last == 0x0A ? raw : raw + [0x0D, 0x0A]
        return state.withLock { state in
            let written = raw.withUnsafeBytes { bytes in
                Result { () throws(SystemError) in try Files.writeAll(saveDescriptor, bytes) }
            }
            guard case .failure(let failure) = written else { return true }
            state.unsaved += 1
            state.errors.write("vodhook listen: error: cannot save request \(state.requests) to \(TerminalSafe.quoted(settings.savePath ?? "")): \(failure.message); answered 503 so the sender retries\n")
            state.errors.flush()
            return false
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
        let end = HTTPRequestParser.headEnd(in: raw, from: 0) ?? raw.count
        return raw[end...]
    }

    private func render(
        _ report: DocumentReport, locator: any SourceLocator, number: Int, copyOf: Int?, identity: (name: String, value: String)?, head: HTTPRequestHead,
        signature: (status: String, keyIndex: Int?), bodyValid: Bool, urlAdvice: String?, receivedAt: Int, answer: ListenAnswer, saved: Bool, into out: inout [UInt8]
    ) {
        let stamp = WallClock.stamp(receivedAt)
        if settings.json {
            JSONRecordRenderer().render(report, locator: locator, signature: signature, into: &out)
            // The verify record, widened: its closing brace and newline make way for the listen fields.
            out.removeLast(2)
            out.append(string: ",\"request\":\(number),\"receivedAt\":\"\(stamp.instant)\",\"answer\":\(answer.status)")
            out.append(string: ",\"body\":\"\(bodyValid ? "valid" : "invalid")\",\"method\":")
            JSONText.appendString(head.method, to: &out)
            out.append(string: ",\"path\":")
            JSONText.appendString(head.target, to: &out)
            out.append(string: ",\"identity\":")
            if let identity {
                out.append(string: "{\"name\":")
                JSONText.appendString(identity.name, to: &out)
                out.append(string: ",\"value\":")
                JSONText.appendString(identity.value, to: &out)
                out.append(UInt8(ascii: "}"))
            } else {
                out.append(string: "null")
            }
            out.append(string: ",\"urlAdvice\":")
            JSONText.appendOptionalString(urlAdvice, to: &out)
            out.append(string: ",\"copyOf\":" + (copyOf.map(String.init) ?? "null") + ",\"saved\":\(saved)")
            if let forward = answer.forward {
                out.append(string: ",\"forward\":{\"url\":")
                JSONText.appendString(forward.url, to: &out)
                out.append(string: ",\"status\":" + (forward.status.map(String.init) ?? "null") + ",\"milliseconds\":\(forward.milliseconds)")
                out.append(string: ",\"body\":")
                JSONText.appendOptionalString(forward.response.map { DeliveryReport.firstLine($0.body) }, to: &out)
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
        line += bodyValid ? "  body valid" : "  body invalid"
        if let copyOf { line += "  copy of request \(copyOf)" }
        if !saved { line += "  NOT SAVED" }
        line += "  -> \(answer.status)\n"
        out.append(string: line)
        if let urlAdvice { out.append(string: "          \(urlAdvice)\n") }
        if let loop = answer.loop { out.append(string: "          \(loop); answered 508\n") }
        if let forward = answer.forward {
            if let status = forward.status {
                var line = "          forwarded to \(forward.url): \(status) in \(forward.milliseconds) ms"
                if let body = forward.response?.body, !body.isEmpty { line += ": " + DeliveryReport.firstLine(body) }
                if forward.bodyCut { line += " (its body cut: the receiver stalled)" }
                out.append(string: line + "\n")
            } else {
                out.append(string: "          forwarding to \(forward.url) failed: \(forward.failure ?? "no answer"); answered 502\n")
            }
        }
        // The usual findings, hints (the signature mismatch's among them) and excerpts included.
        TextDiagnosticRenderer(style: settings.style).render(report, locator: locator, into: &out)
    }
}
