/// A 128-bit fingerprint of bytes, for counting duplicates and distinct
/// values in constant memory per entry. Not cryptographic: the inputs are
/// the user's own logs, and at 128 bits an accidental collision among a
/// billion documents has odds of about 1 in 10^20.
public struct Fingerprint: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public init(_ bytes: UnsafeRawBufferPointer) {
        // Two lanes over 16-byte blocks, each block folded in with one
        // 64x64->128-bit multiply per lane (as wyhash does): a summary takes
        // two fingerprints per document, so this is on its hot path.
        let count = bytes.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(truncatingIfNeeded: count)
        var i = 0
        // Every block but the last; the last 1-16 bytes go in below.
        while i + 16 < count {
            let x = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let y = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            a = Self.fold(a ^ x, y ^ 0xA076_1D64_78BD_642F)
            b = Self.fold(b ^ y, x ^ 0xE703_7ED1_A0B4_28DB)
            i += 16
        }
        // The last bytes in two words from loads that may overlap bytes
        // already taken (as wyhash reads them): a few loads instead of a loop
        // per byte. For a given length they still cover every byte, and the
        // length is in the seeds, so different inputs give different words.
        let x: UInt64
        let y: UInt64
        switch count {
        case 16...:
            x = Self.word(bytes, count - 16)
            y = Self.word(bytes, count - 8)
        case 8..<16:
            x = Self.word(bytes, 0)
            y = Self.word(bytes, count - 8)
        case 4..<8:
            x = UInt64(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))) << 32
                | UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            y = 0
        case 1..<4:
            x = UInt64(bytes[0]) << 16 | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1])
            y = 0
        default:
            x = 0
            y = 0
        }
        a = Self.fold(a ^ x ^ 0x8EBC_6AF0_9C88_C6E3, y ^ 0x5899_65CC_7537_4CC3)
        b = Self.fold(b ^ y ^ 0x1D8E_4E27_C47D_124F, x ^ 0xA076_1D64_78BD_642F)
        high = Self.mix(a ^ (b >> 29))
        low = Self.mix(b ^ (a << 17))
    }

    @inline(__always) private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) private static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return product.high ^ product.low
    }

    /// A fingerprint with the given halves, for tests that need chosen bits.
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Fingerprint($0) }
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
