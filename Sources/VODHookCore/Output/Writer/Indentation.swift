/// Pretty layout's line breaks: a newline and two spaces per open container.
enum Indentation {
    /// One slice covers any realistic depth, so indenting is a single copy.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 256)

    static func newline(depth: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        var remaining = 2 * depth
        while remaining > 0 {
            let chunk = min(remaining, spaces.count)
            output.append(contentsOf: spaces[0..<chunk])
            remaining -= chunk
        }
    }
}
