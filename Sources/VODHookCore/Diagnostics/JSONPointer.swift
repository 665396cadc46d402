/// RFC 6901 JSON Pointers, built from decoded keys and array indices.
public enum JSONPointer {
    /// `~` becomes `~0` and `/` becomes `~1`, in that order (RFC 6901 §3).
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        var out = ""
        for scalar in token.unicodeScalars {
            switch scalar {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func appending(_ token: String, to pointer: String) -> String {
        pointer + "/" + escape(token)
    }

    public static func appending(_ index: Int, to pointer: String) -> String {
        pointer + "/" + String(index)
    }
}
