#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Buffered writes to a path, or to standard output for "-".
final class Output {
    private let file: UnsafeMutablePointer<FILE>
    private let isStandardOutput: Bool
    private var buffer: [UInt8] = []
    private(set) var written = 0

    init(_ path: String) {
        isStandardOutput = path == "-"
        guard let file = isStandardOutput ? fdopen(1, "w") : fopen(path, "w") else {
            fputs("stress-tool: cannot write \(path)\n", stderr)
            exit(2)
        }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: [UInt8]) {
        buffer += bytes
        written += bytes.count
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    func flush() {
        guard !buffer.isEmpty else { return }
        if fwrite(buffer, 1, buffer.count, file) != buffer.count {
            fputs("stress-tool: write failed\n", stderr)
            exit(2)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        fclose(file)
    }
}

/// xorshift64*: fast, seeded, the same stream every run.
struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
