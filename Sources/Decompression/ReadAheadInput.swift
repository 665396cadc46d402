import Platform
import VODHookCore

/// Runs another input's reads on a thread of its own, a few buffers ahead
/// of the reader: for gzip, inflate on one core while the checks run on
/// another. A small fixed ring of buffers bounds the memory; the decoder
/// waits when the ring is full, the reader when it is empty.
final class ReadAheadInput: ByteInput, @unchecked Sendable {
    private let monitor = Monitor()
    /// Read by the decoder thread alone once it has started.
    private var inner: any ByteInput
    private let slots: [UnsafeMutableRawBufferPointer]
    private var slotLengths: [Int]
    /// Slots filled and slots given back, counted since the start: their
    /// difference is how many wait for the reader.
    private var filled = 0
    private var released = 0
    private var innerEnded = false
    private var failure: InputError?
    private var cancelled = false
    /// The reader's place in the slot it is reading.
    private var readPosition = 0
    private var thread: WorkerThreads?

    init(_ inner: any ByteInput, slotCount: Int = 4, slotSize: Int = 1 << 18) {
        self.inner = inner
        slots = (0..<max(slotCount, 2)).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: max(slotSize, 16), alignment: 16) }
        slotLengths = Array(repeating: 0, count: slots.count)
    }

    deinit { for slot in slots { slot.deallocate() } }

    /// Starts the decoder thread; false when the system would not, and the
    /// input is then to be read on the caller's thread.
    func start() -> Bool {
        thread = WorkerThreads(count: 1) { _ in self.fill() }
        return thread != nil
    }

    /// Stops the decoder thread (after its current read) and waits for it.
    /// Until then the inner input belongs to that thread.
    func finish() {
        monitor.locked {
            cancelled = true
            monitor.signalAll()
        }
        thread?.join()
        thread = nil
    }

    private func fill() {
        while true {
            let next: Int? = monitor.wait(until: { cancelled || filled - released < slots.count }) {
                cancelled ? nil : filled % slots.count
            }
            guard let index = next else { return }
            let slot = slots[index]
            var count = 0
            var ended = false
            var problem: InputError?
            do {
                // A whole slot at a time: fewer hand-overs, and gzip input never arrives live.
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
            monitor.locked {
                slotLengths[index] = count
                if count > 0 { filled += 1 }
                if ended {
                    innerEnded = true
                    failure = problem
                }
                monitor.signalAll()
            }
            if ended { return }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        typealias Turn = (index: Int, length: Int, failure: InputError?)
        let turn: Turn = monitor.wait(until: { filled > released || innerEnded }) {
            guard filled > released else { return (-1, 0, failure) }
            let index = released % slots.count
            return (index, slotLengths[index], nil)
        }
        guard turn.index >= 0 else {
            if let failure = turn.failure { throw failure }
            return 0
        }
        let next = (index: turn.index, length: turn.length)
        let count = min(buffer.count, next.length - readPosition)
        buffer.baseAddress!.copyMemory(from: slots[next.index].baseAddress! + readPosition, byteCount: count)
        readPosition += count
        if readPosition == next.length {
            readPosition = 0
            monitor.locked {
                released += 1
                monitor.signalAll()
            }
        }
        return count
    }
}
