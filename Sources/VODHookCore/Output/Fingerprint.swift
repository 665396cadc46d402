/// A 128-bit fingerprint of bytes, for counting duplicates and distinct
/// values in constant memory per entry. Not cryptographic: the inputs are
/// the user's own logs, and at 128 bits an accidental collision among a
/// billion documents has odds of about 1 in 10^20.
public struct Fingerprint: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public init(_ bytes: UnsafeRawBufferPointer) {
        // Two independent multiply-xorshift lanes over 8-byte words.
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = Self.mix(a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            b = Self.mix(b &+ word &* 0x9FB2_1C65_1E98_DF25)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        a = Self.mix(a ^ tail ^ 0x1)
        b = Self.mix(b &+ tail &* 0xD6E8_FEB8_6659_FD93)
        high = Self.mix(a ^ (b >> 29))
        low = Self.mix(b ^ (a << 17))
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
