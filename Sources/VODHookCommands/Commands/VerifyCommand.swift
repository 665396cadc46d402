import ArgumentParsing
import VODHookCore

/// `vodhook verify`: is this captured request authentic, fresh, and valid?
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check the signature, timestamp and body of captured HTTP callback requests.",
        usage: ["[--url URL] (--key KEY ... | --key-file FILE) [--max-age SECONDS] [--now UNIX] [PATH ...]"],
        options: [
            OptionSpec("url", kind: .value(placeholder: "url"), help: "the callback URL exactly as configured in the VOD console (default: each request's own, from its Host, path and forwarded headers, as listen does)"),
            KeyOptions.key,
            KeyOptions.keyFile,
            OptionSpec("max-age", kind: .value(placeholder: "seconds"), help: "reject timestamps further than this from now"),
            OptionSpec("now", kind: .value(placeholder: "unix"), help: "the time to compare timestamps with (default: the current time)"),
        ] + ReportFormat.options(formatHelp: "text, json (records add \"signature\" and \"keyIndex\"), github, sarif or junit")
          + [CommonOptions.strict] + RuleConfiguration.options + [
            CommonOptions.quiet,
            CommonOptions.color,
        ],
        positionals: "[PATH ...]",
        discussion: """
            PATH holds raw HTTP requests (as 'nc -l' or a proxy dumps them), back to back.
            Keys may also come from the VODHOOK_KEY environment variable; they are never printed.
            \(KeyOptions.keyFileRules)

            EXIT STATUS:
              0  every request is authentic and its body valid
              1  a signature, timestamp or body finding of error severity
              2  usage error, or a path could not be read
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        // Without --url, each request's own URL (Host, target and any forwarded headers), exactly as listen works it out.
        let url = parsed.value("url")
        if url == "" { return UsageRefusal.refuse("'--url' wants the callback URL exactly as configured in the console", environment, command: "verify") }
        let keys: [String]
        switch KeyOptions.keys(parsed, environment) {
        case .success(let found): keys = found
        case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "verify")
        }
        var now = environment.now()
        var maxAge: Int?
        if let text = parsed.value("now") {
            switch KeyOptions.unixTime(text, option: "now") {
            case .success(let value): now = value
            case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "verify")
            }
        }
        if let text = parsed.value("max-age") {
            switch KeyOptions.duration(text, option: "max-age") {
            case .success(let value): maxAge = value
            case .failure(let error): return UsageRefusal.refuse(error.message, environment, command: "verify")
            }
        }
        let verifier = SignatureVerifier(url: url ?? "", keys: keys, maxAge: maxAge, now: now)
        guard let session = ReportSession(parsed, command: "verify", environment) else { return .trouble }
        let preparer = session.preparer()
        var assembler = session.assembler()
        var arena: [UInt8] = []
        var pipeline = DocumentPipeline(mode: .http, policy: session.policy)
        pipeline.verbose = parsed.isSet("verbose")
        let readable = pipeline.run(
            paths: parsed.positionals, environment: session.environment, command: "verify",
            unreadable: { assembler.unreadable(path: $0, message: $1) }
        ) { item in
            var report = item.report
            var signature = SignatureVerifier.Verdict(status: .missing, keyIndex: nil, diagnostics: [])
            if let request = item.request {
                let own = url == nil ? SignatureVerifier(url: RequestURL(request, fallbackAuthority: "localhost").url, keys: keys, maxAge: maxAge, now: now) : verifier
                signature = own.verify(request)
                var findings = signature.diagnostics
                _ = session.policy.apply(to: &findings, eventType: report.eventType)
                report.diagnostics += findings
                report.diagnostics.sort()
            }
            arena.removeAll(keepingCapacity: true)
            let record = preparer.render(report, locator: item.locator, signature: (signature.status.rawValue, signature.keyIndex), into: &arena)
            arena.withUnsafeBytes { assembler.commit(record, number: report.index, source: report.source, arena: $0) }
            // Into the sink, which the pipeline flushes before the input waits.
            assembler.flush()
        }
        return session.end(&assembler, readable: readable, noun: "request")
    }
}
