#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Creating directories and writing whole files, for commands that write
/// files instead of standard output. Failures come back as a reason to print.
enum FileWriting {
    /// Creates the directory and any missing parents, like `mkdir -p`.
    static func createDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return SourceList.reason(errno) }
            var info = stat()
            guard stat(prefix, &info) == 0 else { return SourceList.reason(errno) }
            guard info.st_mode & S_IFMT == S_IFDIR else { return SourceList.reason(ENOTDIR) }
            prefix += "/"
        }
        return nil
    }

    /// Writes `bytes` as the whole content of `path`, replacing what was there.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return SourceList.reason(errno) }
        var offset = 0
        var failure: String?
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    failure = SourceList.reason(errno)
                    return
                }
            }
        }
        if close(descriptor) != 0 && failure == nil { failure = SourceList.reason(errno) }
        return failure
    }
}
