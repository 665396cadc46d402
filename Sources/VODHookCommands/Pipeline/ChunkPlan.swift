#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// How a large regular file is cut for `--jobs`: into parts of about
/// `chunkSize` bytes that begin at line starts, each with the number of
/// lines before it, so a part's reader numbers lines as the whole file's
/// reader would. Offsets count from the source's first byte.
struct ChunkPlan: Sendable {
    /// Where each part starts (line start, column 1).
    let starts: [ReadStart]
    /// Where each part's values stop starting: the next part's start, or the length.
    let limits: [Int]

    /// A cut needs a line that looks like a document's first (not blank,
    /// not indented, not a closing bracket) within this far of its mark;
    /// where there is none, the parts on either side become one.
    private static let search = 1 << 20

    static func make(descriptor: Int32, origin: Int, length: Int, chunkSize: Int, threads: Int) throws(InputError) -> ChunkPlan {
        var bounds = [0]
        var mark = chunkSize
        while mark < length {
            if let cut = try lineStart(after: mark, descriptor: descriptor, origin: origin, length: length), cut > bounds.last! {
                bounds.append(cut)
                mark = cut + chunkSize
            } else {
                mark += chunkSize
            }
        }
        let limits = Array(bounds.dropFirst()) + [length]
        let lines = try countLines(descriptor: descriptor, origin: origin, bounds: bounds, limits: limits, threads: threads)
        var line = 1
        var starts: [ReadStart] = []
        for index in bounds.indices {
            starts.append(ReadStart(offset: bounds[index], line: line, column: 1))
            line += lines[index]
        }
        return ChunkPlan(starts: starts, limits: limits)
    }

    /// The first line start at or after `mark` whose line may start a
    /// document, looked for in steps of 64 KiB up to `search` bytes away.
    private static func lineStart(after mark: Int, descriptor: Int32, origin: Int, length: Int) throws(InputError) -> Int? {
        let step = 1 << 16
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: step + 1, alignment: 8)
        defer { bytes.deallocate() }
        // Each step reads one byte before itself, so a line feed ending the last step is seen.
        var from = mark - 1
        while from < min(mark + search, length) - 1 {
            var input = PositionedFileInput(descriptor: descriptor, position: origin + from)
            let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<min(step + 1, length - from)]))
            guard count > 1 else { return nil }
            for index in 0..<count - 1 where bytes[index] == 0x0A && mayStartDocument(bytes[index + 1]) {
                return from + index + 1
            }
            from += count - 1
        }
        return nil
    }

    /// Whether a line whose first byte is `byte` may start a document: it is
    /// not blank, not indented, not a closing bracket and not an RS record.
    static func mayStartDocument(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0D, 0x0A, 0x1E, UInt8(ascii: "}"), UInt8(ascii: "]"): false
        default: true
        }
    }

    /// Line feeds in each part, counted on `threads` threads.
    private static func countLines(
        descriptor: Int32, origin: Int, bounds: [Int], limits: [Int], threads: Int
    ) throws(InputError) -> [Int] {
        let counts = SharedCounts(bounds.count)
        let jobs = min(threads, bounds.count)
        let work: @Sendable (Int) -> Void = { thread in
            for part in stride(from: thread, to: bounds.count, by: jobs) {
                counts.store(part, result: Result { () throws(InputError) in
                    try newlines(descriptor: descriptor, from: origin + bounds[part], to: origin + limits[part])
                })
            }
        }
        if jobs > 1, let pool = WorkerThreads(count: jobs, work) {
            pool.join()
        } else {
            for thread in 0..<jobs { work(thread) }
        }
        return try counts.values()
    }

    private static func newlines(descriptor: Int32, from start: Int, to end: Int) throws(InputError) -> Int {
        var input = PositionedFileInput(descriptor: descriptor, position: start)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { block.deallocate() }
        var remaining = end - start
        var total = 0
        while remaining > 0 {
            let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: block[0..<min(block.count, remaining)]))
            if count == 0 { break }
            total += lineFeeds(in: UnsafeRawBufferPointer(rebasing: block[0..<count]))
            remaining -= count
        }
        return total
    }
}

extension ChunkPlan {
    static func lineFeeds(in bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        var left = bytes.count
        var total = 0
        while left > 0, let found = memchr(cursor, 0x0A, left) {
            total += 1
            let next = UnsafeRawPointer(found) + 1
            left -= next - cursor
            cursor = next
        }
        return total
    }
}

/// Per-part results written by several threads, each to its own slots.
private final class SharedCounts: @unchecked Sendable {
    private var results: [Result<Int, InputError>?]
    private let monitor = Monitor()

    init(_ count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ index: Int, result: Result<Int, InputError>) {
        monitor.locked { results[index] = result }
    }

    func values() throws(InputError) -> [Int] {
        var values: [Int] = []
        for result in monitor.locked({ results }) {
            switch result {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: values.append(0)
            }
        }
        return values
    }
}
