#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// One input named on the command line, or standard input.
public struct InputSource: Sendable, Hashable {
    /// The name printed in findings: the path as given, or "-" for stdin.
    public var name: String
    public var isStandardInput: Bool { name == "-" }
}

/// Turns PATH arguments into sources: files as given, `-` for stdin, and
/// directories walked for `*.json`, `*.ndjson`, `*.jsonl`, `*.http` and `*.b64` in sorted order.
enum SourceList {
    // Captures too: a fixtures folder often holds raw requests and MNS bodies beside payloads.
    static let extensions = [".json", ".ndjson", ".jsonl", ".http", ".b64"]

    /// Sources in order, plus the paths that could not be listed, with reasons.
    static func expand(_ paths: [String]) -> (sources: [InputSource], failures: [(path: String, reason: String)]) {
        var sources: [InputSource] = []
        var failures: [(String, String)] = []
        for path in paths.isEmpty ? ["-"] : paths {
            if path == "-" {
                sources.append(InputSource(name: "-"))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                failures.append((path, InputError(reason: reason(errno)).reason))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                var visited: Set<DirectoryID> = [DirectoryID(info)]
                walk(path, into: &sources, failures: &failures, visited: &visited)
            } else {
                sources.append(InputSource(name: path))
            }
        }
        return (sources, failures)
    }

    /// A directory by device and inode, however many links lead to it.
    struct DirectoryID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Each directory is walked once: a link back up the tree (`ln -s . self`)
    /// listed every file forty times, and two such links made the walk
    /// exponential, a hang (found while hardening the walk).
    private static func walk(
        _ directory: String, into sources: inout [InputSource], failures: inout [(String, String)], visited: inout Set<DirectoryID>
    ) {
        guard let handle = opendir(directory) else {
            failures.append((directory, reason(errno)))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else {
                // A dangling link or a file that vanished: name it, keep going.
                if extensions.contains(where: { name.hasSuffix($0) }) { failures.append((path, reason(errno))) }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                if visited.insert(DirectoryID(info)).inserted {
                    walk(path, into: &sources, failures: &failures, visited: &visited)
                }
            } else if extensions.contains(where: { name.hasSuffix($0) }) {
                sources.append(InputSource(name: path))
            }
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES: "permission denied"
        case ENOTDIR: "a path component is not a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// Opens a source for reading; the caller closes the descriptor.
    static func open(_ source: InputSource, environment: CommandEnvironment) -> Result<Int32, InputError> {
        if source.isStandardInput { return .success(environment.standardInput) }
        let descriptor = Glibc.open(source.name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(InputError(reason: reason(errno))) }
        return .success(descriptor)
    }
}
