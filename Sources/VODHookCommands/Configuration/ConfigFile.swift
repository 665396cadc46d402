import Platform
import VODHookCore

/// Finding and reading `.vodhook.json`: from the working directory upward,
/// stopping at a repository's top (a `.git` folder, or the file a worktree
/// has instead) or at the filesystem root.
enum ConfigFile {
    static let name = ".vodhook.json"

    /// The nearest config file, as it is shown (relative to the working
    /// directory: `.vodhook.json`, `../.vodhook.json`) and as it is opened.
    static func find(from workingDirectory: String) -> (shown: String, path: String)? {
        var directory = workingDirectory
        var upward = ""
        while true {
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            if isRegularFile(base + name) { return (upward + name, base + name) }
            if exists(base + ".git") || directory == "/" || directory.isEmpty { return nil }
            directory = parent(of: directory)
            upward += "../"
        }
    }

    /// The whole file, or the reason it could not be read.
    static func read(_ path: String) -> Result<[UInt8], InputError> {
        let descriptor: Int32
        do {
            descriptor = try Files.openForReading(path)
        } catch {
            return .failure(InputError(reason: SourceList.reason(error)))
        }
        defer { try? Files.close(descriptor) }
        var input = FileDescriptorInput(descriptor: descriptor)
        do {
            return .success(try input.readUpTo(Int.max))
        } catch {
            return .failure(error)
        }
    }

    private static func parent(of directory: String) -> String {
        var trimmed = Substring(directory)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "/" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    private static func exists(_ path: String) -> Bool {
        (try? Files.status(path)) != nil
    }

    private static func isRegularFile(_ path: String) -> Bool {
        (try? Files.status(path))?.kind == .regular
    }
}
