/// The X-VOD-SIGNATURE scheme of VOD HTTP callbacks:
/// lowercase hex md5(CallbackURL + "|" + X-VOD-TIMESTAMP + "|" + PrivateKey).
public enum CallbackSignature {
    /// The signature VOD would send for this callback URL, timestamp and private key.
    public static func compute(url: String, timestamp: String, key: String) -> String {
        // Hashed piece by piece so the private key is never copied into a joined string.
        var md5 = MD5()
        md5.update(url.utf8)
        md5.update("|".utf8)
        md5.update(timestamp.utf8)
        md5.update("|".utf8)
        md5.update(key.utf8)
        return lowercaseHex(md5.finalize())
    }

    /// Constant-time comparison of two hex strings, case-insensitive; false on length mismatch.
    ///
    /// The time depends only on the lengths, so a forger learns nothing from
    /// how long a wrong guess takes. Empty strings never match: an absent
    /// signature must not verify.
    public static func matches(_ expected: String, _ given: String) -> Bool {
        let left = expected.utf8
        let right = given.utf8
        guard left.count == right.count, !left.isEmpty else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(left, right) {
            difference |= foldASCIICase(x) ^ foldASCIICase(y)
        }
        return difference == 0
    }

    // Lowercases A–Z with arithmetic instead of a branch on the secret byte:
    // the sign bit of (~o & (o - 26)) is set exactly when 0 <= o < 26.
    @inline(__always)
    private static func foldASCIICase(_ byte: UInt8) -> UInt8 {
        let offset = Int32(byte) &- 0x41
        let isUpper = UInt32(bitPattern: ~offset & (offset &- 26)) >> 31
        return byte | UInt8(truncatingIfNeeded: isUpper << 5)
    }
}
