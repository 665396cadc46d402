import Platform
import VODHookCore

/// A stream cut into parts at line starts, for `ParallelStream`: a regular
/// file, planned up front, or a pipe, cut as it arrives.
protocol StreamParts: Sendable {
    /// Part `index`'s first byte and where its top-level values stop
    /// starting; nil past the last part. A pipe may wait for input here.
    func part(_ index: Int) throws(InputError) -> (offset: Int, limit: Int)?
    /// Part `index` whole, for a thread that took it from the queue: where
    /// it starts (waiting, for a file, until the parts before it have
    /// counted their lines) and its bytes onward; nil past the last part,
    /// or when a part before it could not be counted (the committing
    /// thread then reads it). `buffer` is the thread's own, kept for the read.
    func open(_ index: Int, buffer: PartBuffer) throws(InputError) -> (start: ReadStart, input: any ByteInput)?
    /// The source from `offset`, which lies in part `index`, to its end.
    /// `committing`: asked by the committing thread for a part it reads itself.
    func input(from offset: Int, inPart index: Int, committing: Bool) -> any ByteInput
    /// Whether only the committing thread may read part `index`, after
    /// every part before it is committed.
    func isCommittingThreadOnly(_ index: Int) -> Bool
    /// Part `index` is committed: nothing reads it again.
    func release(_ index: Int)
    /// The source's length, when known before reading it.
    var length: Int? { get }
}

/// A regular file, cut by a `ChunkPlan` and read with `pread(2)`, so any
/// thread may read any part at any time.
struct FileParts: StreamParts {
    let descriptor: Int32
    /// File position of the source's first byte.
    let origin: Int
    let plan: ChunkPlan
    let fileLength: Int
    /// A part is read whole into its thread's buffer up to this length, and
    /// its lines counted there; a longer part (no cut found near its end)
    /// has the rest counted by reading it through.
    let bufferedLength: Int
    private let ledger: LineLedger

    init(descriptor: Int32, origin: Int, plan: ChunkPlan, fileLength: Int, bufferedLength: Int) {
        self.descriptor = descriptor
        self.origin = origin
        self.plan = plan
        self.fileLength = fileLength
        self.bufferedLength = max(bufferedLength, 1)
        ledger = LineLedger(parts: plan.starts.count)
    }

    var length: Int? { fileLength }

    func part(_ index: Int) throws(InputError) -> (offset: Int, limit: Int)? {
        index < plan.starts.count ? (plan.starts[index], plan.limits[index]) : nil
    }

    func open(_ index: Int, buffer: PartBuffer) throws(InputError) -> (start: ReadStart, input: any ByteInput)? {
        guard index < plan.starts.count else { return nil }
        let offset = plan.starts[index], limit = plan.limits[index]
        var input = PositionedFileInput(descriptor: descriptor, position: origin + offset)
        var lineFeeds = 0
        do throws(InputError) {
            try buffer.fill(from: &input, count: min(limit - offset, bufferedLength))
            lineFeeds = ChunkPlan.lineFeeds(in: buffer.filled)
            if offset + buffer.filled.count < limit {
                lineFeeds += try Self.lineFeeds(descriptor: descriptor, from: input.position, to: origin + limit)
            }
        } catch {
            ledger.post(index, lineFeeds: nil)
            throw error
        }
        ledger.post(index, lineFeeds: lineFeeds)
        guard let line = ledger.firstLine(of: index) else { return nil }
        return (ReadStart(offset: offset, line: line, column: 1), BufferedInput(buffer: buffer, rest: input))
    }

    func input(from offset: Int, inPart index: Int, committing: Bool) -> any ByteInput {
        PositionedFileInput(descriptor: descriptor, position: origin + offset)
    }

    func isCommittingThreadOnly(_ index: Int) -> Bool { false }

    func release(_ index: Int) {}

    /// Line feeds between two file positions, read through in blocks.
    private static func lineFeeds(descriptor: Int32, from start: Int, to end: Int) throws(InputError) -> Int {
        var input = PositionedFileInput(descriptor: descriptor, position: start)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { block.deallocate() }
        var total = 0
        while input.position < end {
            let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: block[0..<min(block.count, end - input.position)]))
            if count == 0 { break }
            total += ChunkPlan.lineFeeds(in: UnsafeRawBufferPointer(rebasing: block[0..<count]))
        }
        return total
    }
}

/// One thread's memory for the part it reads, reused part after part.
final class PartBuffer {
    private var memory = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var count = 0

    /// What the last `fill` read.
    var filled: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: memory[0..<count]) }

    /// Reads `wanted` bytes from `input`, fewer only at its end.
    func fill(from input: inout PositionedFileInput, count wanted: Int) throws(InputError) {
        if memory.count < wanted {
            memory.deallocate()
            memory = .allocate(byteCount: wanted, alignment: 16)
        }
        count = 0
        while count < wanted {
            let read = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: memory[count..<wanted]))
            if read == 0 { break }
            count += read
        }
    }

    deinit { memory.deallocate() }
}

/// A part's bytes from its thread's buffer, then the file after them.
private struct BufferedInput: ByteInput {
    let buffer: PartBuffer
    var position = 0
    var rest: PositionedFileInput

    init(buffer: PartBuffer, rest: PositionedFileInput) {
        self.buffer = buffer
        self.rest = rest
    }

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let bytes = buffer.filled
        guard destination.count > 0 else { return 0 }
        guard position < bytes.count else { return try rest.read(into: destination) }
        let count = min(destination.count, bytes.count - position)
        // Both hold at least `count` > 0 bytes (the guards above), so both have a base address.
        destination.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: count)
        position += count
        return count
    }
}
