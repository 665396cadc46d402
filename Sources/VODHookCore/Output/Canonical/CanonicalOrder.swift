/// RFC 8785 §3.2.3 property ordering, needed because JCS sorts keys the way
/// JavaScript strings compare (by UTF-16 code unit), not by UTF-8 bytes.
public enum CanonicalOrder {
    /// RFC 8785 §3.2.3: compares two keys (as UTF-8 bytes of the decoded key
    /// text) by their UTF-16 code units, without decoding either key.
    public static func precedes(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.lexicographicallyPrecedes(b) { utf16Weight($0) < utf16Weight($1) }
    }

    /// UTF-8 byte order already matches code point order, and UTF-16 order
    /// differs from that only in putting U+E000–U+FFFF (lead bytes 0xEE,
    /// 0xEF) after the supplementary planes (lead bytes 0xF0–0xF4), whose
    /// surrogates sort lower. Raising those two lead bytes above all others
    /// fixes that; the first differing byte of two valid keys is either two
    /// lead bytes or two continuation bytes under the same lead, and in the
    /// latter case the plain order is already right. Being a bijection on
    /// bytes, the weight keeps the order total even for malformed input.
    @inline(__always)
    private static func utf16Weight(_ byte: UInt8) -> UInt16 {
        byte == 0xEE || byte == 0xEF ? UInt16(byte) &+ 0x100 : UInt16(byte)
    }
}
