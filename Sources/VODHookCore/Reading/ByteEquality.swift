import Platform

extension UnsafeRawBufferPointer {
    /// Byte equality for the short keys and values of callbacks: word
    /// compares up to 32 bytes, `memcmp` beyond. Generic `elementsEqual`
    /// steps an iterator per byte, which shows on the per-key hot paths.
    @inline(__always) func equals(_ other: UnsafeRawBufferPointer) -> Bool {
        let count = self.count
        guard count == other.count else { return false }
        switch count {
        case 17...32:
            // Up to four words, the last one overlapping: event types, media IDs.
            return loadUnaligned(as: UInt64.self) == other.loadUnaligned(as: UInt64.self)
                && loadUnaligned(fromByteOffset: 8, as: UInt64.self) == other.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                && (count <= 24 || loadUnaligned(fromByteOffset: 16, as: UInt64.self) == other.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
                && loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 8...16:
            return loadUnaligned(as: UInt64.self) == other.loadUnaligned(as: UInt64.self)
                && loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            return loadUnaligned(as: UInt32.self) == other.loadUnaligned(as: UInt32.self)
                && loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                == other.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        case 0: return true
        case 1..<4:
            for i in 0..<count where self[i] != other[i] { return false }
            return true
        default:
            // Both at least 4 bytes long here, so both have a base address.
            return Memory.compare(baseAddress!, other.baseAddress!, count: count) == 0
        }
    }

    @inline(__always) func equals(_ other: [UInt8]) -> Bool {
        other.withUnsafeBytes { equals($0) }
    }
}
