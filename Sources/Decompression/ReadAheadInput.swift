import Platform
import VODHookCore

/// Runs another input's reads on a thread of its own, a few buffers ahead
/// of the reader: for gzip, inflate on one core while the checks run on
/// another. A small fixed ring of buffers bounds the memory; the decoder
/// waits when the ring is full, the reader when it is empty. Buffers move
/// between the two threads whole, under the ring's lock, never copied.
final class ReadAheadInput: ByteInput, Sendable {
    /// The decoder thread's alone from `start()` until `finish()` has
    /// joined it: a hand-over in time, which no type can state, so this one
    /// property is exempt from the compiler's check.
    nonisolated(unsafe) private var inner: any ByteInput
    private let ring: Mutex<Ring>
    private let reading = Mutex(Reading())
    /// Taken by the owner alone (start, finish), never by the decoder thread.
    private let decoderThread = Mutex<WorkerThreads?>(nil)
    private let slotCount: Int
    private let slotSize: Int

    /// What the two threads hand each other.
    private struct Ring {
        /// Filled buffers, oldest first, with the bytes each holds.
        var filled: [(bytes: [UInt8], count: Int)] = []
        /// Buffers the reader is done with, for the decoder to fill again.
        var spare: [[UInt8]] = []
        var innerEnded = false
        var failure: InputError?
        var cancelled = false
    }

    /// The reader's buffer and its place in it.
    private struct Reading {
        var bytes: [UInt8] = []
        var count = 0
        var position = 0
    }

    init(_ inner: any ByteInput, slotCount: Int = 4, slotSize: Int = 1 << 18) {
        self.inner = inner
        self.slotCount = max(slotCount, 2)
        self.slotSize = max(slotSize, 16)
        ring = Mutex(Ring())
    }

    /// Starts the decoder thread; false when the system would not, and the
    /// input is then to be read on the caller's thread.
    func start() -> Bool {
        decoderThread.withLock { thread in
            thread = WorkerThreads(count: 1) { _ in self.fill() }
            return thread != nil
        }
    }

    /// Stops the decoder thread (after its current read) and waits for it.
    /// Until then the inner input belongs to that thread.
    func finish() {
        ring.withLock { ring in
            ring.cancelled = true
            self.ring.wakeWaiters()
        }
        decoderThread.withLock { thread in
            thread?.join()
            thread = nil
        }
    }

    private func fill() {
        var buffer = [UInt8](repeating: 0, count: slotSize)
        while true {
            let go = ring.withLock(waitingUntil: { $0.cancelled || $0.filled.count < slotCount }) { !$0.cancelled }
            guard go else { return }
            var count = 0
            var ended = false
            var problem: InputError?
            buffer.withUnsafeMutableBytes { slot in
                do throws(InputError) {
                    // A whole buffer at a time: fewer hand-overs, and gzip input never arrives live.
                    while count < slot.count {
                        let read = try inner.read(into: UnsafeMutableRawBufferPointer(rebasing: slot[count...]))
                        if read == 0 {
                            ended = true
                            break
                        }
                        count += read
                    }
                } catch {
                    ended = true
                    problem = error
                }
            }
            let filled = buffer
            let next: [UInt8]? = ring.withLock { ring in
                if count > 0 { ring.filled.append((filled, count)) }
                if ended {
                    ring.innerEnded = true
                    ring.failure = problem
                }
                self.ring.wakeWaiters()
                return count > 0 ? ring.spare.popLast() : nil
            }
            if ended { return }
            // At most slotCount + 2 buffers ever exist: the ring's, the reader's and this one.
            if count > 0 { buffer = next ?? [UInt8](repeating: 0, count: slotSize) }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        return try reading.withLock { (reading: inout Reading) throws(InputError) -> Int in
            if reading.position == reading.count {
                let done = reading.bytes
                let next = ring.withLock(waitingUntil: { !$0.filled.isEmpty || $0.innerEnded }) { ring -> Result<(bytes: [UInt8], count: Int)?, InputError> in
                    if !done.isEmpty { ring.spare.append(done) }
                    guard !ring.filled.isEmpty else { return ring.failure.map { .failure($0) } ?? .success(nil) }
                    let next = ring.filled.removeFirst()
                    self.ring.wakeWaiters()
                    return .success(next)
                }
                reading.bytes = []
                reading.count = 0
                reading.position = 0
                guard let taken = try next.get() else { return 0 }
                reading.bytes = taken.bytes
                reading.count = taken.count
            }
            let count = min(buffer.count, reading.count - reading.position)
            reading.bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + reading.position, byteCount: count) }
            reading.position += count
            return count
        }
    }
}
