/// Positions and excerpts in a source held whole in memory: an HTTP capture
/// or a file of Base64 bodies, whose documents are decoded elsewhere.
public final class MemoryLocator: SourceLocator {
    public let bytes: [UInt8]
    private var lines = LineIndex()

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func position(ofSourceOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        return bytes.withUnsafeBytes { lines.position(of: clamped, in: $0, base: 0) }
    }

    public func sourceLine(containing offset: Int, reach: Int) -> SourceLine {
        let clamped = min(max(offset, 0), bytes.count)
        let position = position(ofSourceOffset: clamped)
        return bytes.withUnsafeBytes { SourceLine.extract(from: $0, base: 0, offset: clamped, reach: reach, position: position) }
    }
}
