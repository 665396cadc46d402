import Platform
import ArgumentParsing
import VODHookCore

/// `vodhook send`: deliver callbacks to a receiver as VOD would, to test it end to end.
enum SendCommand {
    static let spec = CommandSpec(
        name: "send",
        abstract: "POST callbacks to a receiver the way VOD delivers them, signed when given a key.",
        usage: ["URL [--key KEY | --key-file FILE] [--timestamp UNIX] [--retries N] [--timeout SECONDS] [--cacert FILE | --insecure] [--format text|json] [PATH ...]"],
        options: [
            OptionSpec("key", kind: .value(placeholder: "key"), help: "sign each request with this private key (--key-file and VODHOOK_KEY keep it out of process lists)"),
            OptionSpec("key-file", kind: .value(placeholder: "file"), help: "sign with the key on the first non-blank line of FILE, whitespace trimmed", completion: .files),
            OptionSpec("timestamp", kind: .value(placeholder: "unix"), help: "the X-VOD-TIMESTAMP to send and sign (default: the time of each attempt)"),
            OptionSpec("retries", kind: .value(placeholder: "n"), help: "attempts after the first, 1 s apart, until a 200 answer (default: 2, as VOD)"),
            OptionSpec("timeout", kind: .value(placeholder: "seconds"), help: "how long one attempt may take, such as 5 or 0.5 (default: 5, as VOD)"),
            OptionSpec("cacert", kind: .value(placeholder: "file"), help: "for https://, trust the CA certificates in this PEM file instead of the system's", completion: .files),
            OptionSpec("insecure", short: "k", help: "for https://, accept any certificate for any name (still encrypted, not authenticated)"),
            TextOrJSON.option("format", placeholder: "format", help: "a line of text or a JSON object per document"),
            OptionSpec("input", kind: .value(placeholder: "mode"), help: "what a source holds, as for check; body sends each source whole, byte for byte",
                       allowedValues: InputMode.allCases.map(\.rawValue)),
        ],
        positionals: "URL [PATH ...]",
        discussion: """
            Each document is POSTed with Content-Type: application/json as its exact bytes in the source;
            a request in an HTTP capture is replayed with its body exactly as captured. A document the
            reader cannot parse is not sent (where it ends would be a guess). With --input body each source
            is one body, sent byte for byte whatever it holds, so malformed payloads can be sent too:
              vodhook sample --violate json-syntax | vodhook send --input body http://127.0.0.1:8080/cb

            With a key, the request carries X-VOD-TIMESTAMP and X-VOD-SIGNATURE =
            md5_hex(URL + "|" + timestamp + "|" + key), for URL exactly as given. Keys are never printed.

            As VOD delivers: only a 200 answer counts; an attempt gets 5 s; a failed one is tried again
            1 s later, 3 attempts in all; redirects are not followed. To IPv4 and IPv6 addresses ([::1])
            and host names.

            https:// goes through the system's libcurl, loaded when needed (install libcurl where it is
            missing; nothing else needs it). The receiver's certificate is checked against the system's
            trust store and must be for the URL's host, which is sent as SNI; --cacert FILE trusts the CA
            certificates in FILE instead, and --insecure (-k) checks nothing. The request is the same
            HTTP/1.1 request as over http://, and the signature covers the https:// URL as given.

            Each document gets a line: where it came from, the status (--- without one), the time of the
            last attempt, the outcome, and the answer's first line. --format json writes one object per
            document with source, document, line, delivered, status, attempts, milliseconds, body,
            location (of a redirect) and problem.

            ENVIRONMENT:
              VODHOOK_KEY             the private key, when neither --key nor --key-file is given
              VODHOOK_RETRY_DELAY_MS  milliseconds between attempts instead of 1000; meant for tests
              VODHOOK_LIBCURL         the libcurl to load for https:// instead of the system's (a name or a path)

            EXIT STATUS:
              0  every document was delivered
              1  some document was not delivered, or not sent
              2  usage error, a path could not be read, the receiver could not be reached, its certificate
                 was refused, or https:// found no libcurl
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        var settings: SendSettings
        switch SendSettings.parse(parsed, environment) {
        case .success(let parsedSettings): settings = parsedSettings
        case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "send")
        }
        if let trust = settings.trust {
            switch TLSClient.load(trust: trust, variables: environment.variables) {
            case .success(let client): settings.sender.tls = client
            case .failure(let unavailable):
                environment.errors.write("vodhook send: error: \(unavailable.message)\n")
                return .trouble
            }
        }
        if settings.paths.isEmpty && environment.standardInputIsTerminal {
            return VODHook.refuseTerminalInput("send", environment)
        }
        var delivery = DeliveryRun(settings: settings, environment: environment)
        let readable = settings.mode == .body ? delivery.sendWholeSources() : delivery.sendDocuments()
        delivery.progress?.finish()
        if delivery.documents > 0 {
            environment.output.write(delivery.report.footer(documents: delivery.documents, delivered: delivery.delivered))
        }
        delivery.outcome.hadTrouble = delivery.outcome.hadTrouble || !readable
        return delivery.outcome.exitCode(.output)
    }
}

/// One run of `send`: the documents in order, what became of them, and
/// whether the receiver could be reached at all.
private struct DeliveryRun {
    let settings: SendSettings
    let environment: CommandEnvironment
    let report: DeliveryReport
    var outcome = RunOutcome()
    var documents = 0
    var delivered = 0
    /// Set once the receiver cannot be reached: every later document would fail the same way.
    var stopped = false
    let progress: ProgressLine?

    init(settings: SendSettings, environment: CommandEnvironment) {
        self.settings = settings
        self.environment = environment
        self.report = DeliveryReport(json: settings.json)
        progress = ProgressLine(environment, command: "send", noun: "documents")
    }

    /// Documents as the reader splits the sources; returns false when a path could not be read.
    mutating func sendDocuments() -> Bool {
        var pipeline = DocumentPipeline(mode: settings.mode)
        return pipeline.run(paths: settings.paths, environment: environment, command: "send") { item in
            let origin = DeliveryReport.Origin(
                source: item.report.source, document: item.report.index,
                line: item.locator.position(ofSourceOffset: item.report.startOffset).line)
            if let request = item.request {
                send(request.body, from: origin)
            } else if let json = item.document.json {
                send(Array(json.rawBytes(of: json.root)), from: origin)
            } else if !stopped {
                let finding = item.document.findings.first { $0.severity == .error }
                let reason = finding.map { "\($0.rule): \($0.message)" } ?? "the reader could not parse it"
                documents += 1
                outcome.failedDocuments += 1
                environment.output.write(report.renderNotSent(origin, reason: reason))
                environment.output.flush()
            }
        }
    }

    /// Every source as one body, byte for byte; returns false when a path could not be read.
    mutating func sendWholeSources() -> Bool {
        let (sources, failures, _) = SourceList.expand(settings.paths)
        for failure in failures {
            environment.errors.write("vodhook send: \(SourceList.failureMessage(path: failure.path, reason: failure.reason))\n")
        }
        var readable = failures.isEmpty
        for source in sources where !stopped {
            let bytes: [UInt8]
            do {
                bytes = try read(source)
            } catch {
                environment.errors.write("vodhook send: cannot read \(TerminalSafe.quoted(source.name)): \(error.reason)\n")
                readable = false
                continue
            }
            send(bytes, from: DeliveryReport.Origin(source: source.name, document: 1, line: 1))
        }
        return readable
    }

    private func read(_ source: InputSource) throws(InputError) -> [UInt8] {
        let descriptor: Int32
        switch SourceList.open(source, environment: environment) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw error
        }
        defer { if !source.isStandardInput { try? Files.close(descriptor) } }
        var input = FileDescriptorInput(descriptor: descriptor)
        return try input.readUpTo(Int.max)
    }

    private mutating func send(_ body: [UInt8], from origin: DeliveryReport.Origin) {
        guard !stopped else { return }
        let result = settings.sender.deliver(body)
        let attempts = result.attempts.count
        switch result.attempts.last?.outcome {
        case .unresolvable(let reason)?:
            return stop("cannot resolve \(TerminalSafe.quoted(settings.sender.url.host)): \(reason)")
        case .unreachable(let reason)?:
            return stop("cannot connect to \(TerminalSafe.path(settings.sender.url.endpoint)): \(reason) (\(attempts) attempt\(attempts == 1 ? "" : "s"))")
        case .tlsFailed(let failure)?:
            return stop("cannot connect securely to \(TerminalSafe.path(settings.sender.url.endpoint)): \(failure.description)\(Self.advice(failure.problem))")
        default:
            break
        }
        documents += 1
        if result.delivered { delivered += 1 } else { outcome.failedDocuments += 1 }
        progress?.update(documents)
        environment.output.write(report.render(origin, result))
        // Each delivery takes network time: its line goes out as soon as it is known.
        environment.output.flush()
    }

    /// What the user can do about a refused certificate, with send's options.
    private static func advice(_ problem: TLSFailure.Problem) -> String {
        switch problem {
        case .selfSigned: "; to trust it, pass --cacert FILE with that certificate, or --insecure to check nothing"
        case .unknownIssuer, .untrusted: "; to trust it, pass --cacert FILE with the CA certificate that issued it, or --insecure to check nothing"
        case .wrongHost: "; use a host name the certificate is for, or --insecure to check nothing"
        case .expired, .notYetValid: "; renew the certificate (or check this machine's clock), or pass --insecure to check nothing"
        case .unusableCAFile: "; it should hold PEM certificates ('-----BEGIN CERTIFICATE-----')"
        case .notTLS: "; is it an http:// receiver?"
        case .handshakeFailed: ""
        }
    }

    private mutating func stop(_ message: String) {
        environment.errors.write("vodhook send: \(message)\n")
        outcome.hadTrouble = true
        stopped = true
    }
}
