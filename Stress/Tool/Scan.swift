#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads text output and counts what must never reach a terminal: C0
/// controls but LF (ESC among them, counted on its own too), DEL, C1
/// controls, bidi and line-separator scalars, and bytes that are not UTF-8.
/// Prints `lines=N c0=N esc=N del=N c1=N bidi=N invalid=N`; exits 1 if any is above 0.
enum Scan {
    static func run(_ path: String) -> Int32 {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            fputs("stress-tool scan: cannot read \(path)\n", stderr)
            return 2
        }
        var counts = (lines: 0, c0: 0, esc: 0, del: 0, c1: 0, bidi: 0, invalid: 0)
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            pending += block[0..<count]
            // Keep an incomplete character for the next block.
            var end = pending.count
            var back = 0
            while back < 3 && end > 0 && pending[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
            if end > 0 && pending[end - 1] >= 0xC0 { end -= 1 } else { end = pending.count }
            scan(pending[0..<end], into: &counts)
            pending.removeFirst(end)
        }
        scan(pending[...], into: &counts)
        print("lines=\(counts.lines) c0=\(counts.c0) esc=\(counts.esc) del=\(counts.del) c1=\(counts.c1) bidi=\(counts.bidi) invalid=\(counts.invalid)")
        return counts.c0 + counts.del + counts.c1 + counts.bidi + counts.invalid > 0 ? 1 : 0
    }

    static func scan(_ bytes: ArraySlice<UInt8>, into counts: inout (lines: Int, c0: Int, esc: Int, del: Int, c1: Int, bidi: Int, invalid: Int)) {
        var utf8 = UTF8()
        var iterator = bytes.makeIterator()
        decoding: while true {
            switch utf8.decode(&iterator) {
            case .scalarValue(let scalar):
                switch scalar.value {
                case 0x0A: counts.lines += 1
                case 0x1B: counts.c0 += 1; counts.esc += 1
                case 0..<0x20: counts.c0 += 1
                case 0x7F: counts.del += 1
                case 0x80...0x9F: counts.c1 += 1
                case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: counts.bidi += 1
                default: break
                }
            case .emptyInput: break decoding
            case .error: counts.invalid += 1
            }
        }
    }
}
