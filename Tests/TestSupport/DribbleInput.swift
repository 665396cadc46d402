import VODHookCore

/// Hands bytes over a few at a time, as a slow pipe does, so a small reader
/// buffer meets every boundary there is. The fuzzers use it too:
/// Fuzz/build.sh compiles this file into them.
public struct DribbleInput: ByteInput {
    let bytes: [UInt8]
    let step: Int
    var position = 0

    public init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, step, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}
