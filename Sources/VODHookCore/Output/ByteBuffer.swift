/// Appending text to an output byte buffer without building Strings per field.
extension Array where Element == UInt8 {
    @inline(__always) public mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func append(string text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Raw bytes, such as a record's range of the arena.
    @inline(__always) public mutating func append(bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    public mutating func append(decimal value: Int) {
        if value >= 0 && value < 10 {
            append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Digits fill a stack buffer from its end, then go in with one append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { append(UInt8(ascii: "-")) }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Builds up to `capacity` bytes in stack memory, then appends them with
    /// one copy: a record's short fields cost a store each instead of an
    /// array append each (a uniqueness and a capacity check, a call).
    /// `build` must not put more than `capacity` bytes (a precondition says so).
    @inline(__always) mutating func appendBuilt<Result>(capacity: Int, _ build: (inout StackBytes) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var bytes = StackBytes(buffer)
            let result = build(&bytes)
            append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: bytes.count))
            return result
        }
    }
}

/// Bytes being put into a fixed stack buffer by `appendBuilt(capacity:_:)`.
struct StackBytes {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Bytes still free.
    var room: Int { buffer.count - count }

    @inline(__always) mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= room, "StackBytes: more than its capacity")
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) mutating func put(_ byte: UInt8) {
        precondition(room > 0, "StackBytes: more than its capacity")
        buffer[count] = byte
        count += 1
    }

    /// Up to 20 digits and a sign.
    @inline(__always) mutating func put(decimal value: Int) {
        precondition(room >= 20, "StackBytes: more than its capacity")
        if value < 0 { put(UInt8(ascii: "-")) }
        var rest = value.magnitude
        // Digits counted first, so each goes straight to its place.
        var digits = 1
        var scale: UInt = 10
        while rest >= scale && digits < 20 {
            digits += 1
            if scale > UInt.max / 10 { break }
            scale *= 10
        }
        var at = count + digits
        count = at
        repeat {
            at -= 1
            buffer[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }
}
