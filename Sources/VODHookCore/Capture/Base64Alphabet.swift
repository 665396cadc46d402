/// Decoding table for both RFC 4648 alphabets (§4 standard, §5 URL-safe):
/// 0...63 for alphabet characters, 0xff for everything else.
let base64Values: [UInt8] = {
    var table = [UInt8](repeating: 0xff, count: 256)
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    for (value, byte) in letters.enumerated() {
        table[Int(byte)] = UInt8(value)
    }
    table[Int(UInt8(ascii: "+"))] = 62
    table[Int(UInt8(ascii: "/"))] = 63
    table[Int(UInt8(ascii: "-"))] = 62
    table[Int(UInt8(ascii: "_"))] = 63
    return table
}()

/// Which alphabet a text has committed to; the 62 letters and digits are shared,
/// only the last two characters tell them apart.
enum Base64Alphabet: Sendable {
    case standard
    case urlSafe

    init?(distinguishing byte: UInt8) {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "/"): self = .standard
        case UInt8(ascii: "-"), UInt8(ascii: "_"): self = .urlSafe
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .standard: "standard"
        case .urlSafe: "URL-safe"
        }
    }
}
