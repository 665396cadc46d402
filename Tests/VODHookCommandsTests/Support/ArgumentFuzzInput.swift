import ArgumentParsing
import VODHookCommands
import VODHookCore

/// How the argument fuzzer turns its bytes into a command line, and what it
/// requires of the run. The suite replays the fuzzer's findings through the
/// same code (Tests/Fixtures/fuzz-arguments), so this file is compiled into
/// both; it uses neither Foundation nor libc.
enum ArgumentFuzzInput {
    /// Byte 0 picks a command from the specs, or none (the bytes alone then
    /// name it); the rest splits at NUL bytes into arguments. An argument that
    /// starts with 0x01 names an option from the chosen command's spec by its
    /// next byte, as `--name`, `--name=rest` or `-xrest`, so a new option is
    /// reached without a dictionary. `send` always posts to `sendURL` first;
    /// `listen` always gets a host it cannot bind last.
    static func commandLine(_ bytes: [UInt8], sendURL: String) -> [String] {
        guard let selector = bytes.first else { return [] }
        let specs = VODHook.commandSpecs
        let choice = Int(selector) % (specs.count + 1)
        let spec = choice < specs.count ? specs[choice] : nil
        var arguments: [String] = []
        if let spec {
            arguments.append(spec.name)
            if spec.name == "send" { arguments.append(sendURL) }
        }
        let options = spec?.options ?? specs.flatMap(\.options)
        let rest = bytes.dropFirst()
        for piece in rest.isEmpty ? [] : rest.split(separator: 0, omittingEmptySubsequences: false) {
            if piece.first == 1, piece.count >= 2, !options.isEmpty {
                let pick = Int(piece[piece.startIndex + 1])
                let option = options[(pick & 0x3F) % options.count]
                let rest = String(decoding: piece.dropFirst(2), as: UTF8.self)
                switch (pick >> 6, option.short) {
                case (0, _): arguments.append("--\(option.long)")
                case (1, _): arguments += ["--\(option.long)", rest]
                case (2, let short?): arguments.append("-\(short)\(rest)")
                default: arguments.append("--\(option.long)=\(rest)")
                }
            } else {
                // As the process gets them: bytes that are not UTF-8 become U+FFFD.
                arguments.append(String(decoding: piece, as: UTF8.self))
            }
        }
        // listen would wait for requests forever: bound last to 192.0.2.1
        // (TEST-NET-1, never this machine's), it stops at its bind, exit 2,
        // once every other argument has been read.
        if arguments.first == "listen" { arguments += ["--host", "192.0.2.1"] }
        return arguments
    }

    /// Whether a command line stays inside the fuzzer's scratch directory and
    /// finishes quickly: no absolute path, no `..` (so no device or the
    /// whole file system to read), and no long run of samples.
    static func isContained(_ arguments: [String], sendURL: String) -> Bool {
        for argument in arguments where argument != sendURL {
            if argument.contains("/") || argument.contains("..") { return false }
        }
        if arguments.first == "sample" {
            // --count and -n above 999 only take longer.
            var digits = 0
            for argument in arguments.dropFirst() {
                digits = 0
                for byte in argument.utf8 {
                    digits = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? digits + 1 : 0
                    if digits > 3 { return false }
                }
            }
        }
        return true
    }

    /// What the run broke of the tool's promises, or nil: exit 0, 1 or 2;
    /// exit 2 says why on standard error, in a line starting "vodhook"; nothing printed
    /// to either stream can steer a terminal beyond the tool's own colours,
    /// but for the callbacks that sample and normalize print.
    static func problem(arguments: [String], status: Int32, stdout: [UInt8], stderr: [UInt8]) -> String? {
        guard (0...2).contains(status) else { return "exit \(status)" }
        guard isTerminalSafe(stderr) else { return "unsafe standard error" }
        // sample and normalize print callbacks, which may hold anything a callback can.
        let printsData = arguments.first == "sample" || arguments.first == "normalize"
        guard printsData || isTerminalSafe(stdout, allowingStyle: true) else { return "unsafe standard output" }
        if status == 2 {
            // With --output the report's footer comes first on standard error, then the reason.
            let lines = stderr.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            guard lines.contains(where: { $0.hasPrefix("vodhook") }) || (arguments.isEmpty && lines.first?.hasPrefix("OVERVIEW:") == true) else {
                return "exit 2 without a reason: \(String(decoding: stderr, as: UTF8.self).debugDescription)"
            }
        }
        return nil
    }

    /// Valid UTF-8 with no scalar a terminal acts on but the line feed; with
    /// `allowingStyle`, the tool's own SGR sequences (`ESC [ digits ; m`) too.
    static func isTerminalSafe(_ bytes: [UInt8], allowingStyle: Bool = false) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\n" { continue }
            if allowingStyle && scalar == "\u{1B}" {
                guard scalars.next() == "[" else { return false }
                var next = scalars.next()
                while let digit = next, digit == ";" || ("0"..."9").contains(digit) { next = scalars.next() }
                guard next == "m" else { return false }
                continue
            }
            if TerminalSafe.needsEscape(scalar) { return false }
        }
        return true
    }
}
