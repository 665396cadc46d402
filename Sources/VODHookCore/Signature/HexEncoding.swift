/// Lowercase hex, the form VOD puts in X-VOD-SIGNATURE.
func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
    let digits: StaticString = "0123456789abcdef"
    var text: [UInt8] = []
    text.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
        text.append(digits.utf8Start[Int(byte >> 4)])
        text.append(digits.utf8Start[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
}
