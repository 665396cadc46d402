import ArgumentParsing
import Platform
import VODHookCore

/// `vodhook send`'s command line, checked before anything is sent.
struct SendSettings {
    var sender: CallbackSender
    var paths: [String]
    var mode: InputMode
    var json: Bool
    /// Whom to trust for an https:// URL; nil for http://. libcurl is loaded by the command, after parsing.
    var trust: TLSTrust?

    /// VOD's delivery: 3 attempts, 1 s apart, 5 s each.
    static let defaultRetries = 2
    static let defaultTimeout = 5000
    static let defaultDelay = 1000

    static func parse(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> Result<SendSettings, UsageError> {
        guard let text = parsed.positionals.first else {
            return .failure(UsageError("missing URL: the callback URL to POST to, such as http://127.0.0.1:8080/callback"))
        }
        let url: CallbackURL
        switch CallbackURL.parse(text, allowingHTTPS: true) {
        case .success(let parsedURL): url = parsedURL
        case .failure(let error): return .failure(error)
        }
        if parsed.isSet("key") && parsed.isSet("key-file") {
            return .failure(UsageError("give '--key' or '--key-file', not both"))
        }
        var key: String?
        if parsed.isSet("key") || parsed.isSet("key-file") || !(environment.variables["VODHOOK_KEY"] ?? "").isEmpty {
            switch KeyOptions.keys(parsed, environment) {
            case .success(let keys): key = keys[0]
            case .failure(let error): return .failure(error)
            }
        }
        var timestamp: Int?
        if let text = parsed.value("timestamp") {
            guard key != nil else {
                return .failure(UsageError("'--timestamp' goes with a key: unsigned requests carry no timestamp"))
            }
            switch KeyOptions.unixTime(text, option: "timestamp") {
            case .success(let value): timestamp = value
            case .failure(let error): return .failure(error)
            }
        }
        var retries = defaultRetries
        if let text = parsed.value("retries") {
            guard let value = wholeNumber(text), value <= 100 else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--retries'; expected a whole number from 0 to 100"))
            }
            retries = value
        }
        var timeout = defaultTimeout
        if let text = parsed.value("timeout") {
            guard let value = milliseconds(text), (1...3_600_000).contains(value) else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--timeout'; expected seconds, such as 5 or 0.5, up to 3600"))
            }
            timeout = value
        }
        var delay = defaultDelay
        if let text = environment.variables["VODHOOK_RETRY_DELAY_MS"], !text.isEmpty {
            guard let value = wholeNumber(text) else {
                return .failure(UsageError("VODHOOK_RETRY_DELAY_MS must be a whole number of milliseconds, not \(TerminalSafe.quoted(text))"))
            }
            delay = value
        }
        let trust: TLSTrust?
        switch trustSetting(parsed, url: url) {
        case .success(let setting): trust = setting
        case .failure(let error): return .failure(error)
        }
        let sender = CallbackSender(
            url: url, key: key, timestamp: timestamp, attempts: retries + 1, timeout: timeout, delay: delay, now: environment.now)
        return .success(SendSettings(
            sender: sender, paths: Array(parsed.positionals.dropFirst()), mode: CommonOptions.inputMode(parsed),
            json: parsed.choice("format", default: TextOrJSON.text) == .json, trust: trust))
    }

    /// --cacert and --insecure, as curl spells them; they go with https:// only.
    /// Shared with `listen`, whose --forward-to receiver may be https:// too.
    static func trustSetting(_ parsed: ParsedArguments, url: CallbackURL) -> Result<TLSTrust?, UsageError> {
        let file = parsed.value("cacert")
        let insecure = parsed.isSet("insecure")
        if file != nil && insecure {
            return .failure(UsageError("give '--cacert' or '--insecure', not both: --insecure checks no certificate at all"))
        }
        guard url.isSecure else {
            if file != nil || insecure {
                return .failure(UsageError("'--\(insecure ? "insecure" : "cacert")' goes with an https:// URL; \(TerminalSafe.quoted(url.text)) is http://"))
            }
            return .success(nil)
        }
        if insecure { return .success(.anyCertificate) }
        guard let file else { return .success(.systemStore) }
        // Read now, so a mistyped path is a usage error rather than a handshake failure per document.
        do {
            try Files.close(try Files.openForReading(file))
        } catch {
            return .failure(UsageError("cannot read --cacert file \(TerminalSafe.quoted(file)): \(SourceList.reason(error))"))
        }
        return .success(.certificates(file: file))
    }

    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// Seconds with an optional fraction ("5", "0.25") as milliseconds; no signs, exponents or infinities.
    private static func milliseconds(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 7, whole.allSatisfy(\.isASCIIDigit),
            let seconds = Int(whole)
        else { return nil }
        guard parts.count == 2 else { return seconds * 1000 }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit), let thousandths = Int((fraction + "00").prefix(3)) else { return nil }
        return seconds * 1000 + thousandths
    }
}
