/// The four-word chaining state of MD5 and its block function (RFC 1321 §3.3–3.4).
struct MD5State: Sendable {
    private var a: UInt32 = 0x6745_2301
    private var b: UInt32 = 0xefcd_ab89
    private var c: UInt32 = 0x98ba_dcfe
    private var d: UInt32 = 0x1032_5476

    /// The state words written low-order byte first, as §3.5 specifies.
    var digest: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in [a, b, c, d] {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return bytes
    }

    /// Mixes one 64-byte block into the state; the pointer need not be aligned.
    mutating func compress(_ block: UnsafeRawPointer) {
        // Words are little-endian whatever the host (§2); loading them into
        // locals and unrolling all 64 steps, as the RFC lists them, lets the
        // compiler keep everything in registers.
        let x0 = block.word(0), x1 = block.word(1), x2 = block.word(2), x3 = block.word(3)
        let x4 = block.word(4), x5 = block.word(5), x6 = block.word(6), x7 = block.word(7)
        let x8 = block.word(8), x9 = block.word(9), x10 = block.word(10), x11 = block.word(11)
        let x12 = block.word(12), x13 = block.word(13), x14 = block.word(14), x15 = block.word(15)

        var a = self.a, b = self.b, c = self.c, d = self.d

        // Round 1
        f(&a, b, c, d, x0, 7, 0xd76aa478)
        f(&d, a, b, c, x1, 12, 0xe8c7b756)
        f(&c, d, a, b, x2, 17, 0x242070db)
        f(&b, c, d, a, x3, 22, 0xc1bdceee)
        f(&a, b, c, d, x4, 7, 0xf57c0faf)
        f(&d, a, b, c, x5, 12, 0x4787c62a)
        f(&c, d, a, b, x6, 17, 0xa8304613)
        f(&b, c, d, a, x7, 22, 0xfd469501)
        f(&a, b, c, d, x8, 7, 0x698098d8)
        f(&d, a, b, c, x9, 12, 0x8b44f7af)
        f(&c, d, a, b, x10, 17, 0xffff5bb1)
        f(&b, c, d, a, x11, 22, 0x895cd7be)
        f(&a, b, c, d, x12, 7, 0x6b901122)
        f(&d, a, b, c, x13, 12, 0xfd987193)
        f(&c, d, a, b, x14, 17, 0xa679438e)
        f(&b, c, d, a, x15, 22, 0x49b40821)
        // Round 2
        g(&a, b, c, d, x1, 5, 0xf61e2562)
        g(&d, a, b, c, x6, 9, 0xc040b340)
        g(&c, d, a, b, x11, 14, 0x265e5a51)
        g(&b, c, d, a, x0, 20, 0xe9b6c7aa)
        g(&a, b, c, d, x5, 5, 0xd62f105d)
        g(&d, a, b, c, x10, 9, 0x02441453)
        g(&c, d, a, b, x15, 14, 0xd8a1e681)
        g(&b, c, d, a, x4, 20, 0xe7d3fbc8)
        g(&a, b, c, d, x9, 5, 0x21e1cde6)
        g(&d, a, b, c, x14, 9, 0xc33707d6)
        g(&c, d, a, b, x3, 14, 0xf4d50d87)
        g(&b, c, d, a, x8, 20, 0x455a14ed)
        g(&a, b, c, d, x13, 5, 0xa9e3e905)
        g(&d, a, b, c, x2, 9, 0xfcefa3f8)
        g(&c, d, a, b, x7, 14, 0x676f02d9)
        g(&b, c, d, a, x12, 20, 0x8d2a4c8a)
        // Round 3
        h(&a, b, c, d, x5, 4, 0xfffa3942)
        h(&d, a, b, c, x8, 11, 0x8771f681)
        h(&c, d, a, b, x11, 16, 0x6d9d6122)
        h(&b, c, d, a, x14, 23, 0xfde5380c)
        h(&a, b, c, d, x1, 4, 0xa4beea44)
        h(&d, a, b, c, x4, 11, 0x4bdecfa9)
        h(&c, d, a, b, x7, 16, 0xf6bb4b60)
        h(&b, c, d, a, x10, 23, 0xbebfbc70)
        h(&a, b, c, d, x13, 4, 0x289b7ec6)
        h(&d, a, b, c, x0, 11, 0xeaa127fa)
        h(&c, d, a, b, x3, 16, 0xd4ef3085)
        h(&b, c, d, a, x6, 23, 0x04881d05)
        h(&a, b, c, d, x9, 4, 0xd9d4d039)
        h(&d, a, b, c, x12, 11, 0xe6db99e5)
        h(&c, d, a, b, x15, 16, 0x1fa27cf8)
        h(&b, c, d, a, x2, 23, 0xc4ac5665)
        // Round 4
        i(&a, b, c, d, x0, 6, 0xf4292244)
        i(&d, a, b, c, x7, 10, 0x432aff97)
        i(&c, d, a, b, x14, 15, 0xab9423a7)
        i(&b, c, d, a, x5, 21, 0xfc93a039)
        i(&a, b, c, d, x12, 6, 0x655b59c3)
        i(&d, a, b, c, x3, 10, 0x8f0ccc92)
        i(&c, d, a, b, x10, 15, 0xffeff47d)
        i(&b, c, d, a, x1, 21, 0x85845dd1)
        i(&a, b, c, d, x8, 6, 0x6fa87e4f)
        i(&d, a, b, c, x15, 10, 0xfe2ce6e0)
        i(&c, d, a, b, x6, 15, 0xa3014314)
        i(&b, c, d, a, x13, 21, 0x4e0811a1)
        i(&a, b, c, d, x4, 6, 0xf7537e82)
        i(&d, a, b, c, x11, 10, 0xbd3af235)
        i(&c, d, a, b, x2, 15, 0x2ad7d2bb)
        i(&b, c, d, a, x9, 21, 0xeb86d391)

        self.a &+= a
        self.b &+= b
        self.c &+= c
        self.d &+= d
    }
}

// The four auxiliary functions of §3.4, each folded into its step
// "a = b + ((a + F(b,c,d) + X[k] + T[i]) <<< s)". T[i] is the integer part of
// 4294967296 * abs(sin(i)), written out as the RFC's table.

@inline(__always)
private func f(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
    a = b &+ rotateLeft(a &+ ((b & c) | (~b & d)) &+ x &+ t, s)
}

@inline(__always)
private func g(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
    a = b &+ rotateLeft(a &+ ((b & d) | (c & ~d)) &+ x &+ t, s)
}

@inline(__always)
private func h(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
    a = b &+ rotateLeft(a &+ (b ^ c ^ d) &+ x &+ t, s)
}

@inline(__always)
private func i(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
    a = b &+ rotateLeft(a &+ (c ^ (b | ~d)) &+ x &+ t, s)
}

@inline(__always)
private func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value << count) | (value >> (32 - count))
}

extension UnsafeRawPointer {
    @inline(__always)
    fileprivate func word(_ index: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
    }
}
