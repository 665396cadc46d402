/// A key's length with its first and last bytes, up to eight each, as two
/// words: for keys of up to 16 bytes these cover every byte, so equal words
/// mean equal keys; longer keys still need their bytes compared.
struct KeyWords: Equatable, Sendable {
    let count: Int
    let head: UInt64
    let tail: UInt64

    @inline(__always) init(_ bytes: UnsafeRawBufferPointer) {
        count = bytes.count
        switch count {
        case 8...:
            head = bytes.loadUnaligned(as: UInt64.self)
            tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            head = UInt64(bytes.loadUnaligned(as: UInt32.self))
            tail = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        default:
            var head: UInt64 = 0
            for index in 0..<count { head = head << 8 | UInt64(bytes[index]) }
            self.head = head
            tail = 0
        }
    }

    var coversAll: Bool { count <= 16 }
}
