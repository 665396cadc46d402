#if os(Linux)
import ArgumentParsing
import Foundation
import Testing
@testable import VODHookCommands
import VODHookCore

/// Every option of every command, read from the command specs, given every
/// value in a table of hostile ones, against the built binary: a value the
/// option cannot take ends in exit 2 and a one-line reason, and no value
/// ends in a signal. A new option is swept without touching this file.
@Suite struct ArgumentSweepTests {
    struct Hostile: Sendable {
        let label: String
        let bytes: [UInt8]
        /// Options that rightly take this value, such as `--seed`, a UInt64, taking Int.max + 1.
        let validFor: Set<String>
        init(_ label: String, _ text: String, validFor: Set<String> = []) { (self.label, self.bytes, self.validFor) = (label, Array(text.utf8), validFor) }
        init(_ label: String, bytes: [UInt8]) { (self.label, self.bytes, self.validFor) = (label, bytes, []) }
    }

    /// Values no number, closed set or file option takes, but where `validFor` says. NUL cannot be
    /// in an argument at all, so it is not here.
    static let hostileValues: [Hostile] = [
        Hostile("digit with a combining mark", "1\u{301}"),
        Hostile("two digits, the second with a combining mark", "12\u{301}"),
        Hostile("lone combining mark", "\u{301}"),
        Hostile("digit in a keycap", "5\u{20E3}"),
        Hostile("fullwidth digits", "\u{FF11}\u{FF12}"),
        Hostile("Arabic-Indic digits", "\u{0663}\u{0664}"),
        Hostile("Devanagari digit", "\u{0969}"),
        Hostile("superscript two", "\u{00B2}"),
        Hostile("Roman numeral", "\u{216B}"),
        Hostile("Int.max plus one", "9223372036854775808", validFor: ["seed"]),
        Hostile("twenty nines", "99999999999999999999"),
        Hostile("Int.min minus one", "-9223372036854775809"),
        Hostile("UInt64.max plus one", "18446744073709551616"),
        Hostile("four thousand digits", String(repeating: "9", count: 4000)),
        Hostile("negative", "-1"),
        Hostile("plus sign", "+1"),
        Hostile("hexadecimal", "0x10"),
        Hostile("exponent", "1e3"),
        Hostile("underscore separator", "1_0"),
        Hostile("leading space", " 1"),
        Hostile("trailing space", "1 "),
        Hostile("not a number", "nan"),
        Hostile("infinity", "inf"),
        Hostile("empty", ""),
        Hostile("a dot", "."),
        Hostile("two dots", "1..2"),
        Hostile("trailing dot", "1."),
        Hostile("fraction with a combining mark", "1.5\u{301}"),
        Hostile("tab", "\t"),
        Hostile("line feed inside digits", "1\n2"),
        Hostile("carriage return", "1\r"),
        Hostile("escape sequence", "\u{1B}[31m1"),
        Hostile("bell", "\u{07}"),
        Hostile("delete", "\u{7F}"),
        Hostile("C1 control sequence introducer", "\u{9B}31m"),
        Hostile("right-to-left override", "\u{202E}1"),
        Hostile("left-to-right isolate", "1\u{2066}"),
        Hostile("right-to-left mark", "\u{200F}"),
        Hostile("zero-width space", "\u{200B}1"),
        Hostile("byte order mark", "\u{FEFF}1"),
        Hostile("line separator", "1\u{2028}"),
        Hostile("equals sign", "="),
        Hostile("equals then a digit", "=1"),
        Hostile("digit then equals", "1="),
        Hostile("two equals signs", "a=b=c"),
        Hostile("a lone dash", "-"),
        Hostile("the terminator", "--"),
        Hostile("help as a value", "--help"),
        Hostile("short help as a value", "-h"),
        Hostile("an option as a value", "--jobs=1"),
        Hostile("five thousand accented letters", String(repeating: "\u{E9}", count: 5000)),
        Hostile("invalid UTF-8 byte", bytes: [0xFF]),
        Hostile("digit then a cut UTF-8 sequence", bytes: [0x31, 0xCC]),
        Hostile("overlong encoding of a digit", bytes: [0xC0, 0xB1]),
        Hostile("encoded surrogate", bytes: [0xED, 0xA0, 0x80]),
    ]

    /// Options whose value is free text: any of the table may be a real key,
    /// a field assignment, a file or directory name, so only "no signal" (and a
    /// reason for exit 2) applies.
    /// Every other option must refuse every value in the table.
    static let freeTextOptions: Set<String> = ["key", "set", "url", "output-dir", "output", "host", "save"]

    /// Arguments that make each command run, before the option under test.
    /// `PATH` and `CLOSED_PORT` are filled in per run.
    static let baseArguments: [String: [String]] = [
        "check": ["PATH"],
        "summary": ["PATH"],
        "normalize": ["PATH"],
        "sign": ["--url", "http://example.com/callback", "--key", "k"],
        "verify": ["--url", "http://example.com/callback", "--key", "k", "PATH"],
        "sample": [],
        "send": ["http://127.0.0.1:CLOSED_PORT/callback", "PATH"],
        "rules": [],
        "explain": ["json-syntax"],
        "spec": [],
        "help": [],
        "completions": ["bash"],
        "version": [],
        // 192.0.2.1 is TEST-NET-1 (RFC 5737), never this machine's: the bind
        // fails at once with exit 2, after every option has been read.
        "listen": ["--host", "192.0.2.1", "--port", "CLOSED_PORT"],
    ]

    struct Case: Sendable, CustomStringConvertible {
        let command: String
        let option: String
        let arguments: [[UInt8]]
        /// Exit 2 is required; otherwise only 0, 1 or 2 without a signal.
        let mustRefuse: Bool
        let label: String
        var description: String { "\(command) \(label)" }
    }

    /// Each value option given each hostile value as `--name value`, `--name=value`,
    /// `-x value` and `-xvalue`, alone at the end with no value, and each flag given `--name=value`.
    static func cases(base: (String) -> [String]) -> [Case] {
        var cases: [Case] = []
        for command in VODHook.subcommands.map(\.spec) {
            let prefix = [Array(command.name.utf8)] + base(command.name).map { Array($0.utf8) }
            for option in command.options {
                let long = Array("--\(option.long)".utf8)
                switch option.kind {
                case .flag:
                    for value in hostileValues {
                        cases.append(Case(
                            command: command.name, option: option.long, arguments: prefix + [long + [UInt8(ascii: "=")] + value.bytes],
                            mustRefuse: true, label: "--\(option.long)=<\(value.label)>"))
                    }
                case .value:
                    let refuses = !freeTextOptions.contains(option.long)
                    cases.append(Case(
                        command: command.name, option: option.long, arguments: prefix + [long],
                        mustRefuse: true, label: "--\(option.long) with no value"))
                    for value in hostileValues {
                        var forms: [([[UInt8]], String)] = [
                            ([long, value.bytes], "--\(option.long) <\(value.label)>"),
                            ([long + [UInt8(ascii: "=")] + value.bytes], "--\(option.long)=<\(value.label)>"),
                        ]
                        if let short = option.short {
                            let flag = Array("-\(short)".utf8)
                            forms.append(([flag, value.bytes], "-\(short) <\(value.label)>"))
                            if !value.bytes.isEmpty { forms.append(([flag + value.bytes], "-\(short)<\(value.label)>")) }
                        }
                        for (arguments, label) in forms {
                            cases.append(Case(
                                command: command.name, option: option.long, arguments: prefix + arguments,
                                mustRefuse: refuses && !value.validFor.contains(option.long), label: label))
                        }
                    }
                }
            }
        }
        return cases
    }

    /// Environment variables the tool reads, each given each hostile value.
    static let variables: [(name: String, command: String, mustRefuse: Bool)] = [
        ("VODHOOK_RETRY_DELAY_MS", "send", true),
        ("VODHOOK_KEY", "send", false),
        ("VODHOOK_KEY", "verify", false),
        ("VODHOOK_CHUNK_BYTES", "check", false),
        ("NO_COLOR", "check", false),
    ]

    /// What is wrong with one run, or nil when it kept every promise.
    static func problem(with result: RawSpawn.Result, command: String, mustRefuse: Bool) -> String? {
        if result.timedOut { return "did not finish" }
        if let signal = result.signal { return "ended by signal \(signal)" }
        guard let status = result.status, (0...2).contains(status) else { return "exit \(result.status.map(String.init) ?? "?")" }
        if mustRefuse && status != 2 { return "exit \(status), not 2" }
        guard status == 2 else { return nil }
        guard let text = String(validating: result.stderr, as: UTF8.self) else { return "stderr is not UTF-8" }
        if text.unicodeScalars.contains(where: { $0 != "\n" && TerminalSafe.needsEscape($0) }) { return "raw control or bidi character in \(text.debugDescription)" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return "stderr does not end its line: \(text.debugDescription)" }
        lines.removeLast()
        if lines.count == 2, lines[1].hasPrefix("Run 'vodhook ") { lines.removeLast() }
        guard mustRefuse else {
            // A free-text value the tool took, then failed on (a file it cannot write): the
            // report's own lines may come first, but the reason is there.
            return lines.contains { $0.hasPrefix("vodhook \(command)") } ? nil : "exit 2 without a reason: \(text.debugDescription)"
        }
        guard lines.count == 1, lines[0].hasPrefix("vodhook \(command)") else { return "not a one-line reason: \(text.debugDescription)" }
        return nil
    }

    /// One run of the sweep.
    struct Run: Sendable {
        let arguments: [[UInt8]]
        let environment: [[UInt8]]
        let command: String
        let mustRefuse: Bool
        let label: String
        /// Runs the built binary instead of `VODHook.run` in this process.
        let spawns: Bool
    }

    /// Options that may write a file named by the hostile value, which only
    /// a process of its own can put in a directory of its own; and
    /// `listen --host`, the one value that could make `listen` bind and
    /// serve (the base arguments name an address no machine has), which a
    /// spawned run ends with a timeout where this process would wait.
    /// Everything else runs in this process, as the binary would: its
    /// `main` is one call to `VODHook.run`, and `baseArgumentsRunCleanly`
    /// and `GoldenTests.binaryMatchesGolden` run the binary itself.
    static let spawnedOptions: Set<String> = ["output", "output-dir", "save", "listen --host"]

    static func spawns(command: String, option: String?) -> Bool {
        guard let option else { return false }
        return spawnedOptions.contains(option) || spawnedOptions.contains("\(command) --\(option)")
    }

    /// Runs every case on all cores and returns the failures.
    static func sweep(_ runs: [Run]) throws -> [String] {
        let binary = BinaryRunner.binary.path
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let failures = Failures()
        let workers = max(ProcessInfo.processInfo.activeProcessorCount, 2) * 2
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: runs.count, by: workers) {
                let run = runs[index]
                do {
                    let result: RawSpawn.Result
                    if run.spawns {
                        // A directory each: a file one run writes (`-o`) must not be what another reads (`--config`).
                        let own = directory.appendingPathComponent(String(index))
                        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: false)
                        result = try RawSpawn.run(binary, run.arguments, environment: run.environment, directory: own.path)
                    } else {
                        result = InProcess.runLikeBinary(rawArguments: run.arguments, environment: run.environment)
                    }
                    if let problem = problem(with: result, command: run.command, mustRefuse: run.mustRefuse) {
                        failures.add("\(run.command) \(run.label): \(problem)")
                    }
                } catch {
                    failures.add("\(run.command) \(run.label): cannot start: \(error)")
                }
            }
        }
        return failures.all
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [String] = []
        func add(_ failure: String) { lock.withLock { found.append(failure) } }
        var all: [String] { lock.withLock { found.sorted() } }
    }

    static let baseEnvironment: [[UInt8]] = {
        var environment = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "VODHOOK_KEY", "VODHOOK_CHUNK_BYTES"] { environment.removeValue(forKey: name) }
        // Connection refused is at once, but three attempts would wait 1 s between them.
        environment["VODHOOK_RETRY_DELAY_MS"] = "0"
        return environment.map { Array("\($0.key)=\($0.value)".utf8) }
    }()

    static func base(port: Int) -> (String) -> [String] {
        let path = BinaryRunner.packageRoot.appendingPathComponent("Examples/docs-success.json").path
        return { command in
            (baseArguments[command] ?? []).map {
                $0 == "PATH" ? path : $0.replacingOccurrences(of: "CLOSED_PORT", with: String(port))
            }
        }
    }

    @Test func everyCommandHasBaseArguments() {
        #expect(Set(VODHook.subcommands.map(\.spec.name)) == Set(Self.baseArguments.keys))
    }

    /// The spawn smoke test: every command, run as the built binary.
    @Test func baseArgumentsRunCleanly() throws {
        let port = try #require(TestReceiver.closedPort())
        let base = Self.base(port: port)
        let runs = VODHook.subcommands.map(\.spec.name).map { command in
            Run(arguments: [Array(command.utf8)] + base(command).map { Array($0.utf8) }, environment: Self.baseEnvironment,
                command: command, mustRefuse: false, label: "base arguments", spawns: true)
        }
        #expect(try Self.sweep(runs) == [])
    }

    @Test func everyOptionRefusesHostileValuesWithOneLineAndNoSignal() throws {
        let port = try #require(TestReceiver.closedPort())
        let cases = Self.cases(base: Self.base(port: port))
        // Every option of every command is reached, so none is left out by mistake.
        let swept = Set(cases.map { "\($0.command) --\($0.option)" })
        let declared = Set(VODHook.subcommands.flatMap { command in command.spec.options.map { "\(command.spec.name) --\($0.long)" } })
        #expect(swept == declared)
        let failures = try Self.sweep(cases.map {
            Run(arguments: $0.arguments, environment: Self.baseEnvironment, command: $0.command, mustRefuse: $0.mustRefuse,
                label: $0.label, spawns: Self.spawns(command: $0.command, option: $0.option))
        })
        #expect(failures == [], "\(failures.count) of \(cases.count) runs failed:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    @Test func environmentVariablesTakeHostileValuesWithoutASignal() throws {
        let port = try #require(TestReceiver.closedPort())
        let base = Self.base(port: port)
        var runs: [Run] = []
        for variable in Self.variables {
            let arguments = [Array(variable.command.utf8)] + base(variable.command).map { Array($0.utf8) }
            let others = Self.baseEnvironment.filter { !$0.starts(with: Array("\(variable.name)=".utf8)) }
            for value in Self.hostileValues where !value.bytes.isEmpty {
                let entry = Array("\(variable.name)=".utf8) + value.bytes
                runs.append(Run(
                    arguments: arguments, environment: others + [entry], command: variable.command, mustRefuse: variable.mustRefuse,
                    label: "\(variable.name)=<\(value.label)>", spawns: Self.spawns(command: variable.command, option: nil)))
            }
        }
        let failures = try Self.sweep(runs)
        #expect(failures == [], "\(failures.count) of \(runs.count) runs failed:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}
#endif
