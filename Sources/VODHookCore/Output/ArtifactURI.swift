/// A source's name as a SARIF artifact URI: relative to the working
/// directory, as GitHub code scanning wants it, with unsafe bytes
/// percent-encoded (RFC 3986).
public enum ArtifactURI {
    /// `path` as given on the command line; `workingDirectory` absolute, or nil when unknown.
    public static func make(_ path: String, workingDirectory: String?) -> String {
        var relative = path
        if path.hasPrefix("/"), let directory = workingDirectory {
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            if path.hasPrefix(base) { relative = String(path.dropFirst(base.count)) }
        }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        var out = relative.hasPrefix("/") ? "file://" : ""
        for byte in relative.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
