import Platform
import VODHookCore

/// How a large regular file is cut for `--jobs`: into parts of about
/// `chunkSize` bytes that begin at line starts. Offsets count from the
/// source's first byte. Which line each part starts on is learnt as the
/// parts are read (`LineLedger`), not by a pass over the file first.
struct ChunkPlan: Sendable {
    /// Where each part starts (a line start, column 1).
    let starts: [Int]
    /// Where each part's values stop starting: the next part's start, or the length.
    let limits: [Int]

    /// A cut needs a line that looks like a document's first (not blank,
    /// not indented, not a closing bracket) within this far of its mark;
    /// where there is none, the parts on either side become one.
    private static let search = 1 << 20

    static func make(descriptor: Int32, origin: Int, length: Int, chunkSize: Int) throws(InputError) -> ChunkPlan {
        var starts = [0]
        var mark = chunkSize
        while mark < length {
            // starts begins with 0 and only grows.
            if let cut = try lineStart(after: mark, descriptor: descriptor, origin: origin, length: length), cut > starts.last! {
                starts.append(cut)
                mark = cut + chunkSize
            } else {
                mark += chunkSize
            }
        }
        return ChunkPlan(starts: starts, limits: Array(starts.dropFirst()) + [length])
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

    static func lineFeeds(in bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        var left = bytes.count
        var total = 0
        while left > 0, let found = Memory.first(0x0A, from: cursor, count: left) {
            total += 1
            let next = found + 1
            left -= next - cursor
            cursor = next
        }
        return total
    }
}
