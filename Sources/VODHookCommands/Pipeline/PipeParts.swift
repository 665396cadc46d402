import Platform
import VODHookCore

/// A pipe cut into parts as it arrives, so `--jobs` threads share
/// `cat day.ndjson | vodhook summary` the way they share a regular file.
///
/// A pipe can be read only once and only in order, so the parts' bytes are
/// kept here from the read that cuts them until they are committed; the
/// queue's window bounds how many that is. Parts end at the first line
/// start past `chunkSize` whose line may start a document, as `ChunkPlan`
/// cuts files. When no such line comes within `longestPart` bytes (one
/// huge line, documents run together without line breaks), the rest of the
/// pipe becomes one last part that only the committing thread reads,
/// straight from the pipe, so memory stays bounded by the largest document.
final class PipeParts: StreamParts, Sendable {
    fileprivate struct Part {
        let start: ReadStart
        var bytes: [UInt8]
        /// The rest of the pipe: `bytes` is what has been read of it so far.
        let isRest: Bool
        var end: Int { start.offset + bytes.count }
    }

    /// The pipe and what has been cut from it, reached by one thread at a time.
    fileprivate struct Cutter {
        var input: any ByteInput & Sendable
        let chunkSize: Int
        let longestPart: Int
        /// Cut parts not yet released.
        var parts: [Int: Part] = [:]
        /// Released parts' buffers, emptied, for the next parts: fresh ones
        /// cost page faults, and freed ones, taken back by the C heap of the
        /// thread that cut them, kept a 1 GB pipe's summary 10 MB larger.
        var spareBuffers: [[UInt8]] = []
        var cutCount = 0
        /// Read but not yet cut into a part, starting at `pendingStart`.
        var pending: [UInt8]
        var pendingStart = ReadStart.sourceStart
        /// Where the search for the next cut goes on in `pending`.
        var searchFrom = 0
        var inputEnded = false
        var failure: InputError?
        /// Whether the rest of the pipe was cut as one last part.
        var restCut = false
        /// Whether that part's owner reads the pipe itself now.
        var restHandedOver = false
        /// The first bytes of the pipe, to tell whether it starts with a byte-order mark.
        var firstBytes: [UInt8] = []
        /// The pipe's descriptor, asked whether a read would wait; nil for input that never waits.
        let liveDescriptor: Int32?
        /// A stalled pipe was cut at its last line start: the rest part comes next.
        var restDue = false
    }

    private let cutter: Mutex<Cutter>
    /// Writes out what is committed; called only by the committing thread,
    /// the only one that reads the rest part from the pipe as its owner.
    /// Unchecked because that thread made it and alone calls it, which the compiler cannot see.
    nonisolated(unsafe) private let beforeCommittingThreadWaits: () -> Void
    /// How long a pipe may stay silent before it counts as live: `cat` on a
    /// busy machine pauses for moments, and a stall ends the sharing.
    static let stallMilliseconds: Int32 = 50

    /// `prefix`: bytes already read from `input` (what `--input auto` looked at).
    init(
        input: any ByteInput & Sendable, prefix: [UInt8], chunkSize: Int,
        liveDescriptor: Int32? = nil, beforeCommittingThreadWaits: @escaping () -> Void = {}
    ) {
        let chunkSize = max(chunkSize, 1)
        cutter = Mutex(Cutter(
            input: input, chunkSize: chunkSize, longestPart: max(64 * chunkSize, 1 << 16), pending: prefix,
            liveDescriptor: liveDescriptor))
        self.beforeCommittingThreadWaits = beforeCommittingThreadWaits
    }

    var length: Int? { nil }

    /// The first bytes of the pipe, to tell whether it starts with a byte-order mark.
    var firstBytes: [UInt8] { cutter.withLock { $0.firstBytes } }

    func part(_ index: Int) throws(InputError) -> (offset: Int, limit: Int)? {
        guard let part = try cut(index) else { return nil }
        return (part.start.offset, part.isRest ? Int.max : part.end)
    }

    /// The pipe's parts carry their first lines, counted as they were cut.
    func open(_ index: Int, buffer: PartBuffer) throws(InputError) -> (start: ReadStart, input: any ByteInput)? {
        guard let part = try cut(index) else { return nil }
        return (part.start, input(from: part.start.offset, inPart: index, committing: false))
    }

    /// Part `index`, cutting up to it first; nil past the pipe's last part.
    private func cut(_ index: Int) throws(InputError) -> Part? {
        try cutter.withLock { cutter throws(InputError) in
            while cutter.cutCount <= index, try cutter.cutNext() {}
            return cutter.parts[index]
        }
    }

    func input(from offset: Int, inPart index: Int, committing: Bool) -> any ByteInput {
        // Only the rest part's own reader may take bytes from the pipe
        // without keeping them; a reader of an earlier part that runs into
        // the rest, even on the committing thread, keeps what it reads.
        let owner = committing && cutter.withLock { $0.parts[index]?.isRest ?? false }
        return SpooledInput(parts: self, part: index, position: offset, owner: owner)
    }

    func isCommittingThreadOnly(_ index: Int) -> Bool {
        cutter.withLock { $0.parts[index]?.isRest ?? false }
    }

    func release(_ index: Int) {
        cutter.withLock { cutter in
            guard var bytes = cutter.parts.removeValue(forKey: index)?.bytes, cutter.spareBuffers.count < 16 else { return }
            bytes.removeAll(keepingCapacity: true)
            cutter.spareBuffers.append(bytes)
        }
    }

    /// Copies bytes from source offset `position`, which lies in part
    /// `index` or a later one, into `buffer`; returns the count (0 at the end
    /// of the pipe) and the part the next byte lies in. Only an `owner`
    /// reads the rest part past what others already read of it, and those
    /// bytes are not kept.
    fileprivate func copy(
        from position: Int, part index: Int, into buffer: UnsafeMutableRawBufferPointer, owner: Bool
    ) throws(InputError) -> (count: Int, part: Int) {
        try cutter.withLock { cutter throws(InputError) in
            var index = index
            while true {
                while cutter.cutCount <= index, try cutter.cutNext() {}
                guard let part = cutter.parts[index] else { return (0, index) }
                if position < part.end {
                    let count = min(buffer.count, part.end - position)
                    // Both hold `count` > 0 bytes (position < end; callers pass a non-empty buffer).
                    part.bytes.withUnsafeBytes { bytes in
                        buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + (position - part.start.offset), byteCount: count)
                    }
                    return (count, index)
                }
                guard part.isRest else {
                    index += 1
                    continue
                }
                if cutter.inputEnded { return (0, index) }
                if owner {
                    cutter.restHandedOver = true
                    if let liveDescriptor = cutter.liveDescriptor, !InputReadiness.isReady(liveDescriptor) { beforeCommittingThreadWaits() }
                    let count = try cutter.input.read(into: buffer)
                    if count == 0 { cutter.inputEnded = true }
                    return (count, index)
                }
                // Another part's last value runs into the rest: keep what it reads for the owner.
                // Checked above (`guard let part = parts[index]`), under the same lock.
                var bytes = cutter.parts[index]!.bytes
                cutter.parts[index]!.bytes = []
                defer { cutter.parts[index]!.bytes = bytes }
                let added = try cutter.readMore(into: &bytes)
                if added == 0 { return (0, index) }
            }
        }
    }
}

extension PipeParts.Cutter {
    /// Cuts the next part from the pipe; false when there is none.
    mutating func cutNext() throws(InputError) -> Bool {
        if let failure { throw failure }
        if restCut { return false }
        if restDue {
            emit(count: pending.count, isRest: true)
            return true
        }
        while true {
            if let cut = nextCut() {
                emit(count: cut, isRest: false)
                return true
            }
            if inputEnded {
                guard !pending.isEmpty else { return false }
                emit(count: pending.count, isRest: false)
                return true
            }
            if pending.count >= longestPart {
                emit(count: pending.count, isRest: true)
                return true
            }
            // A live pipe (`tail -f`): what has arrived is committed now, and
            // the rest is read by the committing thread as it comes, so that
            // thread writes its findings out before it waits.
            if let liveDescriptor, !InputReadiness.isReady(liveDescriptor, within: PipeParts.stallMilliseconds) {
                let lineStart = (pending.lastIndex(of: 0x0A) ?? -1) + 1
                if lineStart > 0 {
                    restDue = true
                    emit(count: lineStart, isRest: false)
                } else {
                    emit(count: pending.count, isRest: true)
                }
                return true
            }
            do {
                var pending = self.pending
                self.pending = []
                defer { self.pending = pending }
                _ = try readMore(into: &pending)
            } catch {
                failure = error
                throw error
            }
        }
    }

    /// The first line start at or after `chunkSize` in `pending` whose line may start a document.
    private mutating func nextCut() -> Int? {
        var index = max(searchFrom, chunkSize - 1)
        defer { searchFrom = max(index, pending.count - 1) }
        while index < pending.count - 1 {
            if pending[index] == 0x0A && ChunkPlan.mayStartDocument(pending[index + 1]) { return index + 1 }
            index += 1
        }
        return nil
    }

    private mutating func emit(count: Int, isRest: Bool) {
        var bytes = spareBuffers.popLast() ?? []
        bytes.append(contentsOf: pending[0..<count])
        if cutCount == 0 { firstBytes = Array(bytes.prefix(3)) }
        restCut = isRest
        parts[cutCount] = PipeParts.Part(start: pendingStart, bytes: bytes, isRest: isRest)
        cutCount += 1
        pending.removeFirst(count)
        searchFrom = 0
        var lines = 0
        bytes.withUnsafeBytes { lines = ChunkPlan.lineFeeds(in: $0) }
        // A part other than the rest always ends at a line start.
        pendingStart = ReadStart(offset: pendingStart.offset + count, line: pendingStart.line + lines, column: 1)
    }

    /// Appends the next read of the pipe to `bytes`; 0 at its end.
    mutating func readMore(into bytes: inout [UInt8]) throws(InputError) -> Int {
        if inputEnded || restHandedOver { return 0 }
        let block = 1 << 16
        let old = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: block))
        let count: Result<Int, InputError> = bytes.withUnsafeMutableBytes { all in
            Result { () throws(InputError) in try input.read(into: UnsafeMutableRawBufferPointer(rebasing: all[old...])) }
        }
        let read = (try? count.get()) ?? 0
        bytes.removeLast(block - read)
        if case .failure(let error) = count { throw error }
        if read == 0 { inputEnded = true }
        return read
    }
}

/// The pipe from one offset on, for one part's reader, through the parts
/// kept in `PipeParts`.
private struct SpooledInput: ByteInput {
    let parts: PipeParts
    var part: Int
    var position: Int
    let owner: Bool

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        let (count, next) = try parts.copy(from: position, part: part, into: buffer, owner: owner)
        position += count
        part = next
        return count
    }
}
