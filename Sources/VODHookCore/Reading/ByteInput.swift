import Platform

/// Why a source could not be read: the message names the reason, and the
/// caller names the path.
public struct InputError: Error, Sendable, Hashable {
    public var reason: String
    public init(reason: String) { self.reason = reason }

    init(_ error: SystemError) {
        switch error {
        case .noSuchFile: reason = "no such file or directory"
        case .permissionDenied: reason = "permission denied"
        case .isDirectory: reason = "is a directory"
        case .notDirectory: reason = "a path component is not a directory"
        default: reason = error.message
        }
    }
}

/// Where a reader's bytes come from: a file descriptor in the tool, an array
/// in tests and for decoded bodies.
public protocol ByteInput {
    /// Fills as much of `buffer` as is available; 0 means the end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// True for a pipe or terminal read as it arrives: the reader then
    /// looks at what came rather than wait for a whole window of bytes.
    var arrivesLive: Bool { get }
}

extension ByteInput {
    public var arrivesLive: Bool { false }
}

/// Reads a file descriptor with plain `read(2)` calls, in the reader's large blocks.
public struct FileDescriptorInput: ByteInput, Sendable {
    public let descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        do {
            return try Files.read(descriptor, into: buffer)
        } catch {
            throw InputError(error)
        }
    }
}

/// Bytes already in memory.
public struct BytesInput: ByteInput, Sendable {
    private let bytes: [UInt8]
    private var position = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        // An empty input or buffer may have no base address at all.
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress, let to = buffer.baseAddress { to.copyMemory(from: from + position, byteCount: count) }
        }
        position += count
        return count
    }
}
