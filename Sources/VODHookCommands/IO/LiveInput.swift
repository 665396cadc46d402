import Platform
import VODHookCore

/// Whether a read of a descriptor would wait: asked with a zero-timeout
/// `poll`, so `tail -f log | vodhook check` can write what it has first.
enum InputReadiness {
    /// True when bytes (or the end of input, or an error to report) are
    /// ready now, or within `milliseconds`.
    static func isReady(_ descriptor: Int32, within milliseconds: Int32 = 0) -> Bool {
        Readiness.hasInput(descriptor, within: milliseconds)
    }

    /// Regular files never make a read wait, so they keep the large-block writes untouched.
    static func mayWait(_ descriptor: Int32) -> Bool {
        Files.regularFileSize(descriptor) == nil
    }
}

/// A pipe, socket or terminal read as it arrives: before a read that
/// would wait, `beforeWaiting` writes out what the command has so far.
struct LiveInput: ByteInput {
    private var input: FileDescriptorInput
    private let beforeWaiting: () -> Void

    init(descriptor: Int32, beforeWaiting: @escaping () -> Void) {
        input = FileDescriptorInput(descriptor: descriptor)
        self.beforeWaiting = beforeWaiting
    }

    /// Bytes already read (a sniffed prefix), given back first, so the input stays live after sniffing.
    private var pushedBack: [UInt8] = []
    private var pushedBackPosition = 0

    var arrivesLive: Bool { true }

    /// Whether a read would return at once.
    var hasBytesReady: Bool { pushedBackPosition < pushedBack.count || InputReadiness.isReady(input.descriptor) }

    /// `bytes` come first again.
    mutating func pushBack(_ bytes: [UInt8]) {
        pushedBack = bytes + pushedBack[pushedBackPosition...]
        pushedBackPosition = 0
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if pushedBackPosition < pushedBack.count {
            let count = min(buffer.count, pushedBack.count - pushedBackPosition)
            pushedBack.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + pushedBackPosition, byteCount: count) }
            pushedBackPosition += count
            return count
        }
        if !InputReadiness.isReady(input.descriptor) { beforeWaiting() }
        return try input.read(into: buffer)
    }

    /// Up to `limit` bytes for `--input auto` to look at, stopping early
    /// at a line's end when no more is ready: waiting for 64 KiB of a
    /// live log would hold back its first findings.
    mutating func readPrefix(upTo limit: Int) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { chunk.deallocate() }
        while bytes.count < limit {
            if bytes.last == 0x0A, !hasBytesReady { break }
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<min(chunk.count, limit - bytes.count)]))
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
