/// Where a document's bytes sit in the file the user named, for documents
/// decoded out of a capture (an HTTP body, a Base64 blob): findings are
/// moved back there so an editor jumps to the right place.
public struct DocumentOrigin {
    /// Positions and excerpts in the source file.
    public let locator: any SourceLocator
    /// The request that carried the document, for signature checks.
    public let request: HTTPRequest?
    /// Moves a finding from the decoded body into the source file.
    public let relocate: (inout Diagnostic) -> Void

    public init(locator: any SourceLocator, request: HTTPRequest?, relocate: @escaping (inout Diagnostic) -> Void) {
        self.locator = locator
        self.request = request
        self.relocate = relocate
    }
}

/// Bytes from a source in memory, plus the rest of it, so input can be
/// sniffed without reading it twice.
public struct PrefixedInput: ByteInput {
    private var prefix: [UInt8]
    private var prefixPosition = 0
    private var rest: any ByteInput

    public init(prefix: [UInt8], rest: any ByteInput) {
        self.prefix = prefix
        self.rest = rest
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if prefixPosition < prefix.count {
            let count = min(buffer.count, prefix.count - prefixPosition)
            guard count > 0 else { return 0 }
            prefix.withUnsafeBytes { source in
                // Both non-empty (count > 0), so both have a base address.
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + prefixPosition, byteCount: count)
            }
            prefixPosition += count
            return count
        }
        return try rest.read(into: buffer)
    }

    public var arrivesLive: Bool { rest.arrivesLive }
}

extension ByteInput {
    /// Reads until `limit` bytes or the end of input, whichever comes first.
    public mutating func readUpTo(_ limit: Int) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { chunk.deallocate() }
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<wanted]))
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
