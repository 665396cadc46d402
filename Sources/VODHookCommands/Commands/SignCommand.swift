import ArgumentParsing
import VODHookCore

/// `vodhook sign`: the headers VOD would send, for testing a receiver by hand.
enum SignCommand {
    static let spec = CommandSpec(
        name: "sign",
        abstract: "Print the X-VOD-TIMESTAMP and X-VOD-SIGNATURE headers VOD would send to a URL.",
        usage: ["--url URL (--key KEY | --key-file FILE) [--timestamp UNIX] [--curl]"],
        options: [
            OptionSpec("url", kind: .value(placeholder: "url"), help: "the callback URL exactly as configured in the VOD console"),
            KeyOptions.key,
            KeyOptions.keyFile,
            OptionSpec("timestamp", kind: .value(placeholder: "unix"), help: "UNIX time in seconds to sign (default: now)"),
            OptionSpec("curl", help: "print the headers as curl -H arguments"),
        ],
        discussion: """
            signature = md5_hex(URL + "|" + timestamp + "|" + key). The body is not signed.
            The key may also come from the VODHOOK_KEY environment variable; it is never printed.
            With several keys, the first one signs.
            \(KeyOptions.keyFileRules)

            Example:
              curl -X POST -H 'Content-Type: application/json' $(vodhook sign --url "$URL" --key-file key.txt --curl) \\
                   --data @Examples/docs-success.json "$URL"
            """)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        guard let url = parsed.value("url"), !url.isEmpty else {
            return usage("missing '--url': the callback URL exactly as configured in the console", environment)
        }
        let keys: [String]
        switch KeyOptions.keys(parsed, environment) {
        case .success(let found): keys = found
        case .failure(let error): return usage(error.message, environment)
        }
        var timestamp = environment.now()
        if let text = parsed.value("timestamp") {
            switch KeyOptions.unixTime(text, option: "timestamp") {
            case .success(let value): timestamp = value
            case .failure(let error): return usage(error.message, environment)
            }
        }
        let signature = CallbackSignature.compute(url: url, timestamp: String(timestamp), key: keys[0])
        if parsed.isSet("curl") {
            environment.output.write("-H 'X-VOD-TIMESTAMP: \(timestamp)' -H 'X-VOD-SIGNATURE: \(signature)'\n")
        } else {
            environment.output.write("X-VOD-TIMESTAMP: \(timestamp)\nX-VOD-SIGNATURE: \(signature)\n")
        }
        return .success
    }

    static func usage(_ message: String, _ environment: CommandEnvironment, command: String = "sign") -> ExitCode {
        environment.errors.write("vodhook \(command): error: \(message)\nRun 'vodhook \(command) --help' for usage.\n")
        return .trouble
    }
}
