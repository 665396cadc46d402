import CLibrary

/// File descriptors and paths: the few calls the tool makes on them, each
/// retried on EINTR where a signal can cut it short.
public enum Files {
    /// Reads what is available into `buffer`; 0 at the end of input.
    @inlinable public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let count = CLibrary.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let error = SystemError.last()
            if !error.isInterrupted { throw error }
        }
    }

    /// Reads from file position `offset` without using or moving the
    /// descriptor's own offset, so threads can share one descriptor.
    @inlinable public static func read(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) throws(SystemError) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            let error = SystemError.last()
            if !error.isInterrupted { throw error }
        }
    }

    /// Writes all of `bytes`, however many calls that takes.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            // Not empty (offset < count), so there is a base address.
            let written = CLibrary.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            let error = SystemError.last()
            if written < 0 && error.isInterrupted { continue }
            throw error
        }
    }

    /// Opens an existing file for reading, not inherited by child processes.
    public static func openForReading(_ path: String) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last() }
        return descriptor
    }

    /// Creates or truncates a file for writing, with mode `permissions`.
    public static func openForWriting(_ path: String, permissions: UInt16 = 0o644) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else { throw .last() }
        return descriptor
    }

    /// Closes a descriptor; the error matters only after writing.
    public static func close(_ descriptor: Int32) throws(SystemError) {
        if CLibrary.close(descriptor) != 0 { throw .last() }
    }

    /// The descriptor's current offset, or nil where it has none (a pipe).
    public static func offset(_ descriptor: Int32) -> Int? {
        let offset = lseek(descriptor, 0, SEEK_CUR)
        return offset >= 0 ? Int(offset) : nil
    }

    /// Moves the descriptor's offset to `offset` from the start.
    public static func seek(_ descriptor: Int32, to offset: Int) {
        _ = lseek(descriptor, off_t(offset), SEEK_SET)
    }

    /// The size of the regular file open on `descriptor`; nil for anything
    /// else (a pipe, a terminal, a socket).
    public static func regularFileSize(_ descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, FileKind(info) == .regular else { return nil }
        return Int(info.st_size)
    }

    /// What `path` names, following symbolic links.
    public static func status(_ path: String) throws(SystemError) -> FileStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .last() }
        return FileStatus(kind: FileKind(info), device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Creates one directory (not its parents).
    public static func makeDirectory(_ path: String, permissions: UInt16 = 0o755) throws(SystemError) {
        if mkdir(path, mode_t(permissions)) != 0 { throw .last() }
    }

    /// The names in a directory, without "." and "..", in the order the system gives them.
    public static func names(inDirectory path: String) throws(SystemError) -> [String] {
        guard let handle = opendir(path) else { throw .last() }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // d_name is a fixed-size C array: 256 bytes on Linux, 1024 on Darwin.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether the descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The width in columns of the terminal on `descriptor`; nil when it is
    /// not a terminal or does not say.
    public static func terminalColumns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The process's working directory, absolute; nil when it cannot be named
    /// (removed, or longer than PATH_MAX).
    public static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates a new file named `prefix` plus six random characters, open
    /// for writing, readable as the umask allows (mkstemp alone makes 0600):
    /// where a file is written before it is renamed into place.
    public static func createUniqueFile(prefix: String) throws(SystemError) -> (descriptor: Int32, path: String) {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .last() }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        return (descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Waits until what was written to the descriptor is on the disk.
    public static func synchronize(_ descriptor: Int32) throws(SystemError) {
        if fsync(descriptor) != 0 { throw .last() }
    }

    /// Renames `from` to `to` in one step, replacing what `to` named.
    public static func rename(_ from: String, to: String) throws(SystemError) {
        if CLibrary.rename(from, to) != 0 { throw .last() }
    }

    /// Removes a file; a file already gone is no error.
    public static func remove(_ path: String) {
        _ = unlink(path)
    }
}

/// The kinds of file the tool tells apart.
public enum FileKind: Sendable {
    case regular, directory, other

    init(_ info: stat) {
        // st_mode is 32 bits on Linux and 16 on Darwin, and S_IFMT a mode_t
        // or a plain integer depending on the overlay: compare as UInt32.
        switch UInt32(info.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFREG): self = .regular
        case UInt32(S_IFDIR): self = .directory
        default: self = .other
        }
    }
}

/// What `stat` says about a path: its kind, and the device and inode that
/// tell a directory apart however many links lead to it.
public struct FileStatus: Sendable, Hashable {
    public let kind: FileKind
    public let device: UInt64
    public let inode: UInt64
}

extension Files {
    /// Opens `path` for appending, creating it: a capture grows across runs.
    public static func openForAppending(_ path: String, permissions: UInt16 = 0o644) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else { throw .last() }
        return descriptor
    }
}
