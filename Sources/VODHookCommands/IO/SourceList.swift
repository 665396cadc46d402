import Platform
import VODHookCore

/// One input named on the command line, or standard input.
public struct InputSource: Sendable, Hashable {
    /// The name printed in findings: the path as given, or "-" for stdin.
    public var name: String
    public var isStandardInput: Bool { name == "-" }
}

/// Turns PATH arguments into sources: files as given, `-` for stdin, and
/// directories walked for callback files (`isCallbackFile`) in sorted order.
enum SourceList {
    // Captures too: a fixtures folder often holds raw requests and MNS bodies
    // beside payloads; and a receiver's logs, rotated and compressed.
    static let extensions = [".json", ".ndjson", ".jsonl", ".http", ".b64", ".log"]

    /// The names a walk reads, as a message lists them.
    static let patterns = "*.json, *.ndjson, *.jsonl, *.http, *.b64, *.log, rotated logs (*.log.1) or *.gz"

    /// Whether a directory walk reads a file of this name: one of the
    /// extensions, a rotated log (`receiver.log.1`), or any of those
    /// compressed (`receiver.log.2.gz`; a `.gz` is read whatever it holds).
    static func isCallbackFile(_ name: String) -> Bool {
        if name.hasSuffix(".gz") { return name.count > 3 }
        return extensions.contains(where: { name.hasSuffix($0) }) || isRotatedLog(name)
    }

    /// `receiver.log.1`, `app.log.12`: what logrotate leaves beside the log.
    static func isRotatedLog(_ name: String) -> Bool {
        let plain = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        guard let dot = plain.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let number = plain.utf8[plain.utf8.index(after: dot)...]
        return !number.isEmpty && number.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && plain[..<dot].hasSuffix(".log")
    }

    /// Whether the name says log (`*.log`, a rotation, either gzipped), so
    /// auto mode reads it as one unless its lines are JSON.
    static func namesLog(_ name: String) -> Bool {
        let plain = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        return plain.hasSuffix(".log") || isRotatedLog(plain)
    }

    /// Sources in order, the paths that could not be listed (with reasons),
    /// and the files directory walks passed over.
    static func expand(_ paths: [String]) -> (sources: [InputSource], failures: [(path: String, reason: String)], skipped: [String]) {
        var sources: [InputSource] = []
        var failures: [(String, String)] = []
        var skipped: [String] = []
        for path in paths.isEmpty ? ["-"] : paths {
            if path == "-" {
                sources.append(InputSource(name: "-"))
                continue
            }
            let status: FileStatus
            do {
                status = try Files.status(path)
            } catch {
                failures.append((path, reason(error)))
                continue
            }
            if status.kind == .directory {
                var visited: Set<DirectoryID> = [DirectoryID(status)]
                let before = (sources.count, failures.count)
                walk(path, into: &sources, failures: &failures, skipped: &skipped, visited: &visited)
                // An empty folder (or a wrong one) must not pass as "nothing invalid".
                if (sources.count, failures.count) == before {
                    failures.append((path, "no callback files under it: looked for \(patterns)"))
                }
            } else {
                sources.append(InputSource(name: path))
            }
        }
        return (sources, failures, skipped)
    }

    /// A directory by device and inode, however many links lead to it.
    struct DirectoryID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ status: FileStatus) {
            device = status.device
            inode = status.inode
        }
    }

    /// Each directory is walked once: a link back up the tree (`ln -s . self`)
    /// listed every file forty times, and two such links made the walk
    /// exponential, a hang (found while hardening the walk).
    private static func walk(
        _ directory: String, into sources: inout [InputSource], failures: inout [(String, String)], skipped: inout [String],
        visited: inout Set<DirectoryID>
    ) {
        let names: [String]
        do {
            names = try Files.names(inDirectory: directory)
        } catch {
            failures.append((directory, reason(error)))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let status: FileStatus
            do {
                status = try Files.status(path)
            } catch {
                // A dangling link or a file that vanished: name it, keep going.
                if isCallbackFile(name) { failures.append((path, reason(error))) }
                continue
            }
            if status.kind == .directory {
                if visited.insert(DirectoryID(status)).inserted {
                    walk(path, into: &sources, failures: &failures, skipped: &skipped, visited: &visited)
                }
            } else if isCallbackFile(name) {
                sources.append(InputSource(name: path))
            } else {
                skipped.append(path)
            }
        }
    }

    /// What is said about a path that yields nothing to read: "cannot read
    /// 'x': no such file or directory", or "no callback files under 'dir': ...".
    static func failureMessage(path: String, reason: String) -> String {
        let emptyDirectory = "no callback files under it: "
        if reason.hasPrefix(emptyDirectory) {
            return "no callback files under \(TerminalSafe.quoted(path)): " + reason.dropFirst(emptyDirectory.count)
        }
        return "cannot read \(TerminalSafe.quoted(path)): \(reason)"
    }

    static func reason(_ error: SystemError) -> String {
        switch error {
        case .noSuchFile: "no such file or directory"
        case .permissionDenied: "permission denied"
        case .notDirectory: "a path component is not a directory"
        default: error.message
        }
    }

    /// Opens a source for reading; the caller closes the descriptor.
    static func open(_ source: InputSource, environment: CommandEnvironment) -> Result<Int32, InputError> {
        if source.isStandardInput { return .success(environment.standardInput) }
        do {
            return .success(try Files.openForReading(source.name))
        } catch {
            return .failure(InputError(reason: reason(error)))
        }
    }
}
