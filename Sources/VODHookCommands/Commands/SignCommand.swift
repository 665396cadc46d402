import ArgumentParsing
import VODHookCore

/// `vodhook sign`: the headers VOD would send, for testing a receiver by hand.
enum SignCommand {
    static let spec = CommandSpec(
        name: "sign",
        abstract: "Print the X-VOD-TIMESTAMP and X-VOD-SIGNATURE headers VOD would send to a URL.",
        usage: ["--url URL (--key KEY | --key-file FILE) [--timestamp UNIX] [--curl [BODY-FILE]]"],
        options: [
            OptionSpec("url", kind: .value(placeholder: "url"), help: "the callback URL exactly as configured in the VOD console"),
            KeyOptions.key,
            KeyOptions.keyFile,
            OptionSpec("timestamp", kind: .value(placeholder: "unix"), help: "UNIX time in seconds to sign (default: now)"),
            OptionSpec("curl", help: "print one complete curl command that POSTs BODY-FILE (default: standard input) signed"),
        ],
        positionals: "[BODY-FILE]",
        discussion: """
            signature = md5_hex(URL + "|" + timestamp + "|" + key). The body is not signed.
            The key may also come from the VODHOOK_KEY environment variable; it is never printed.
            With several keys, the first one signs.
            \(KeyOptions.keyFileRules)

            The headers are printed as 'Name: value' lines, which curl reads with -H @FILE:
              curl -H @<(vodhook sign --url "$URL" --key-file key.txt) \\
                   -H 'Content-Type: application/json' --data-binary @payload.json "$URL"

            With --curl, one shell-quoted curl command line to run as it is:
              eval "$(vodhook sign --url "$URL" --key-file key.txt --curl payload.json)"
              eval "$(vodhook sign --url "$URL" --key-file key.txt --curl)" < payload.json
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
            let body = parsed.positionals.first.map { "@" + shellQuoted($0) } ?? "@-"
            let headers = ["Content-Type: application/json", "X-VOD-TIMESTAMP: \(timestamp)", "X-VOD-SIGNATURE: \(signature)"]
            let line = ["curl", "-sS", "-X", "POST"] + headers.flatMap { ["-H", shellQuoted($0)] } + ["--data-binary", body, shellQuoted(url)]
            environment.output.write(line.joined(separator: " ") + "\n")
        } else if !parsed.positionals.isEmpty {
            return usage("a body file goes with '--curl'; the headers alone do not depend on the body", environment)
        } else {
            environment.output.write("X-VOD-TIMESTAMP: \(timestamp)\nX-VOD-SIGNATURE: \(signature)\n")
        }
        return .success
    }

    private static func usage(_ message: String, _ environment: CommandEnvironment) -> ExitCode {
        UsageRefusal.refuse(message, environment, command: "sign")
    }
}

/// `text` as one shell word: bare when it holds only characters no shell
/// treats specially, else in single quotes, each quote spelled '\''. A word
/// with a control, bidi or invisible character is written `$'...'` with
/// those bytes as `\xHH`: the command stays exact for bash and zsh, and
/// printing it cannot drive the terminal.
func shellQuoted(_ text: String) -> String {
    let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
        ($0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_./:@%+=,-".unicodeScalars.contains($0)
    }
    if plain { return text }
    guard text.unicodeScalars.contains(where: TerminalSafe.needsEscape) else {
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
    var quoted = "$'"
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": quoted += "\\\\"
        case "'": quoted += "\\'"
        case _ where TerminalSafe.needsEscape(scalar):
            for byte in String(scalar).utf8 {
                let digits = Array("0123456789abcdef")
                quoted += "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        default: quoted.unicodeScalars.append(scalar)
        }
    }
    return quoted + "'"
}
