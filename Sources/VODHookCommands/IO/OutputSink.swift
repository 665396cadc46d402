import Platform

/// Where a command's bytes go. Writes are buffered and sent in large blocks;
/// once the reader goes away (a closed pipe) the sink goes quiet and says so,
/// so a command can stop early instead of failing loudly.
public protocol OutputSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer)
    func flush()
    /// True once the other end has stopped reading.
    var isClosed: Bool { get }
}

extension OutputSink {
    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// A file descriptor, written through a 256 KiB buffer.
public final class FileOutput: OutputSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 18
    /// Behind a pointer: commands ask after every document, and reading a
    /// class's stored property costs a dynamic exclusivity check each time.
    private let closed = UnsafeMutablePointer<Bool>.allocate(capacity: 1)

    /// True once a write failed: the reader went away.
    public var isClosed: Bool { closed.pointee }

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        closed.initialize(to: false)
        buffer.reserveCapacity(capacity)
    }

    deinit {
        flush()
        closed.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard !isClosed else { return }
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity { send(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard !isClosed else { return }
        do {
            try Files.writeAll(descriptor, bytes)
        } catch {
            // EPIPE or any other failure: nobody is reading; stop quietly.
            closed.pointee = true
        }
    }
}

/// Collects output in memory, for tests that call commands in-process.
public final class MemoryOutput: OutputSink {
    public private(set) var bytes: [UInt8] = []
    public let isClosed = false
    public init() {}
    public func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
    public func flush() {}
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
