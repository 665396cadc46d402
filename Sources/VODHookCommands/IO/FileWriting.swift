import Platform

/// Creating directories and writing whole files, for commands that write
/// files instead of standard output. Failures come back as a reason to print.
enum FileWriting {
    /// Creates the directory and any missing parents, like `mkdir -p`.
    static func createDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            do {
                try Files.makeDirectory(prefix)
            } catch {
                if error != .alreadyExists { return SourceList.reason(error) }
            }
            do {
                guard try Files.status(prefix).kind == .directory else { return SourceList.reason(.notDirectory) }
            } catch {
                return SourceList.reason(error)
            }
            prefix += "/"
        }
        return nil
    }

    /// Writes `bytes` as the whole content of `path`, replacing what was there.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor: Int32
        do {
            descriptor = try Files.openForWriting(path, permissions: 0o644)
        } catch {
            return SourceList.reason(error)
        }
        var failure: String?
        do {
            try bytes.withUnsafeBytes { raw in Result { () throws(SystemError) in try Files.writeAll(descriptor, raw) } }.get()
        } catch {
            failure = SourceList.reason(error)
        }
        do {
            try Files.close(descriptor)
        } catch {
            if failure == nil { failure = SourceList.reason(error) }
        }
        return failure
    }
}
