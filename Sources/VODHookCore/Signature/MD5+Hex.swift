extension MD5 {
    /// One-shot lowercase hex digest, the form callback signatures are written in.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var md5 = MD5()
        md5.update(bytes)
        return lowercaseHex(md5.finalize())
    }
}
