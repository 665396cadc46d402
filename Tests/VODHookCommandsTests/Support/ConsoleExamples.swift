import Foundation

/// The documentation's runnable examples: the ```console blocks of a Markdown
/// file, each `$ vodhook ...` line with the output shown under it.
///
/// The convention (CONTRIBUTING.md describes it for writers):
/// - Only fences whose info string is exactly `console` are examples; ```sh
///   and ```text blocks are illustrations and are not run.
/// - In a console block every command line starts with `$ vodhook`; it may
///   pipe into another `vodhook` or a standard tool. The lines after it, up to
///   the next `$ ` line, are what the terminal shows: standard output and
///   standard error as they interleave.
/// - A line holding only `...` stands for any number of lines, none included.
enum ConsoleExamples {
    /// One command of a console block and the output shown under it.
    struct Example: CustomStringConvertible, Sendable {
        /// The Markdown file, relative to the package root.
        let file: String
        /// 1-based line of the `$ ` line in that file.
        let line: Int
        /// The shell command, without the `$ ` prompt.
        let command: String
        /// The lines shown as its output; `...` is a wildcard line.
        let expected: [String]
        var description: String { "\(file):\(line): \(command)" }
    }

    /// A console block line that starts with `$ ` but does not run vodhook.
    struct NotAVodhookCommand: Error, CustomStringConvertible {
        let file: String
        let line: Int
        let text: String
        var description: String {
            "\(file):\(line): a console block may only run vodhook (\(text)); show other commands in a ```sh block"
        }
    }

    static let prompt = "$ "
    static let wildcard = "..."

    /// Every example in `text`, in order. Fences are matched by their backtick
    /// count, so a ````markdown block that shows a ```console block is not run.
    static func examples(in text: String, file: String) throws -> [Example] {
        var examples: [Example] = []
        var openFence: Int?
        var inConsole = false
        var current: (line: Int, command: String, expected: [String])?

        func finishCurrent() {
            if let done = current { examples.append(Example(file: file, line: done.line, command: done.command, expected: done.expected)) }
            current = nil
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let ticks = line.prefix { $0 == "`" }.count
            if let open = openFence {
                if ticks >= open && line.dropFirst(ticks).allSatisfy({ $0 == " " }) {
                    finishCurrent()
                    openFence = nil
                    inConsole = false
                    continue
                }
                guard inConsole else { continue }
                if line.hasPrefix(prompt) {
                    finishCurrent()
                    let command = String(line.dropFirst(prompt.count))
                    guard command == "vodhook" || command.hasPrefix("vodhook ") else {
                        throw NotAVodhookCommand(file: file, line: index + 1, text: line)
                    }
                    current = (index + 1, command, [])
                } else {
                    current?.expected.append(line)
                }
            } else if ticks >= 3 {
                openFence = ticks
                inConsole = line.dropFirst(ticks).trimmingCharacters(in: .whitespaces) == "console"
            }
        }
        finishCurrent()
        return examples
    }

    /// Whether `actual` is what `expected` shows, `...` lines matching any run
    /// of lines (the empty run too).
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        // reachable[j]: expected[..<i] can match actual[..<j]
        var reachable = [Bool](repeating: false, count: actual.count + 1)
        reachable[0] = true
        for pattern in expected {
            var next = [Bool](repeating: false, count: actual.count + 1)
            if pattern == wildcard {
                var seen = false
                for j in 0...actual.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            } else {
                for j in 0..<actual.count where reachable[j] && actual[j] == pattern { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[actual.count]
    }

    /// The lines a command's output shows; a final line break ends the last line.
    static func lines(of output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// What running an example gave.
    struct Run {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// Runs `command` with `/bin/sh` from the package root, the built binary
    /// first on PATH, standard input empty, and standard error merged into
    /// standard output as a terminal shows them.
    static func run(_ command: String, timeout: TimeInterval = 60) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "VODHOOK_KEY")
        let binaryDirectory = BinaryRunner.binary.deletingLastPathComponent().path
        environment["PATH"] = binaryDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let run = try ExternalTool.launch(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: BinaryRunner.packageRoot, environment: environment,
            mergingErrors: true, timeout: timeout)
        return Run(status: run.status, output: String(decoding: run.stdout, as: UTF8.self), timedOut: run.timedOut)
    }
}
