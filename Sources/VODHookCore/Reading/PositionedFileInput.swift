import Platform

/// Reads a regular file from a given position with `pread(2)`, which
/// neither uses nor moves the descriptor's offset: the threads sharing a
/// large file each read their own part through the same descriptor.
public struct PositionedFileInput: ByteInput {
    /// The file, open for reading; the input does not close it.
    public let descriptor: Int32
    /// The file position of the next byte to read.
    public private(set) var position: Int

    /// Reads `descriptor` from file position `position` on.
    public init(descriptor: Int32, position: Int) {
        self.descriptor = descriptor
        self.position = position
    }

    /// Fills as much of `buffer` as the file has from the position; 0 at its end.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        do {
            let count = try Files.read(descriptor, into: buffer, at: position)
            position += count
            return count
        } catch {
            throw InputError(error)
        }
    }
}
