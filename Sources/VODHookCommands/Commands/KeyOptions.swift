import Platform
import ArgumentParsing
import VODHookCore

/// Where private keys come from. `--key-file` and `VODHOOK_KEY` keep keys
/// out of shell history and process lists; keys are never printed.
enum KeyOptions {
    static let key = OptionSpec("key", kind: .value(placeholder: "key"),
                                help: "a private key (repeat to accept old and new keys during rotation)", repeatable: true)
    static let keyFile = OptionSpec("key-file", kind: .value(placeholder: "file"),
                                    help: "read keys from a file: one per line, surrounding whitespace trimmed",
                                    repeatable: true, completion: .files)
    /// Far above any real key file, so a file is never cut short; what it
    /// stops is `--key-file /dev/zero` reading forever.
    static let keyFileLimit = 64 << 20
    /// For the commands' help: what a key file holds.
    static let keyFileRules = "A key file holds one key per line, trimmed of surrounding whitespace; blank lines are skipped\nand a file over 64 MiB is refused (exit status 2). --key values are taken as given."

    /// The keys in order: --key values, then --key-file lines, then VODHOOK_KEY.
    static func keys(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> Result<[String], UsageError> {
        var keys = parsed.values("key")
        for path in parsed.values("key-file") {
            switch readKeyFile(path) {
            case .success(let fileKeys): keys += fileKeys
            case .failure(let error): return .failure(error)
            }
        }
        if keys.isEmpty, let key = environment.variables["VODHOOK_KEY"], !key.isEmpty { keys.append(key) }
        if keys.contains(where: \.isEmpty) { return .failure(UsageError("a key is empty")) }
        return keys.isEmpty ? .failure(UsageError("no key given: use --key, --key-file or the VODHOOK_KEY environment variable")) : .success(keys)
    }

    private static func readKeyFile(_ path: String) -> Result<[String], UsageError> {
        let descriptor: Int32
        do {
            descriptor = try Files.openForReading(path)
        } catch {
            return .failure(UsageError("cannot read key file \(TerminalSafe.quoted(path)): \(SourceList.reason(error))"))
        }
        defer { try? Files.close(descriptor) }
        var input = FileDescriptorInput(descriptor: descriptor)
        guard let bytes = try? input.readUpTo(keyFileLimit + 1) else {
            return .failure(UsageError("cannot read key file \(TerminalSafe.quoted(path))"))
        }
        guard bytes.count <= keyFileLimit else {
            return .failure(UsageError("key file \(TerminalSafe.quoted(path)) is larger than \(keyFileLimit >> 20) MiB; it should hold keys, one per line"))
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let keys = lines.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return keys.isEmpty ? .failure(UsageError("key file \(TerminalSafe.quoted(path)) holds no key")) : .success(keys)
    }

    /// A UNIX time in seconds given on the command line.
    static func unixTime(_ text: String, option: String) -> Result<Int, UsageError> {
        seconds(text, option: option, expected: "UNIX time in seconds")
    }

    /// A span of whole seconds given on the command line, such as `--max-age`.
    static func duration(_ text: String, option: String) -> Result<Int, UsageError> {
        seconds(text, option: option, expected: "a whole number of seconds")
    }

    private static func seconds(_ text: String, option: String, expected: String) -> Result<Int, UsageError> {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int(text) else {
            return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--\(option)'; expected \(expected)"))
        }
        return .success(value)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
