/// Real media IDs are 32 lowercase hex characters; anything else is worth a
/// note (never an error: the docs' own examples are masked with `****`).
enum MediaIdCheck {
    /// Nil for a well-formed ID; otherwise what is unusual about it.
    static func problem(in bytes: UnsafeRawBufferPointer) -> String? {
        var masked = false
        var uppercase = false
        var other = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): break
            case UInt8(ascii: "A")...UInt8(ascii: "F"): uppercase = true
            case UInt8(ascii: "*"): masked = true
            default: other = true
            }
        }
        if masked { return "it looks masked, like the examples in the docs" }
        if bytes.count != 32 { return "it has \(UTF8Count.scalars(in: bytes, from: 0, to: bytes.count)) characters" }
        if other { return "it holds characters other than 0-9 and a-f" }
        if uppercase { return "it uses uppercase hex" }
        return nil
    }

}
