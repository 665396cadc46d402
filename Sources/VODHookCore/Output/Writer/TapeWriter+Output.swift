/// Output goes through a small fixed stage and reaches the caller's array in
/// blocks: putting a byte is then a store, not the uniqueness and capacity
/// check every `Array.append` makes, which dominated the writer's profile.
extension TapeWriter {
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        if staged == stage.count { flush() }
        stage[staged] = byte
        staged += 1
    }

    @inline(__always)
    mutating func put(_ run: UnsafeRawBufferPointer) {
        guard let source = run.baseAddress else { return }
        if run.count > stage.count - staged {
            flush()
            if run.count > stage.count {
                output.append(contentsOf: run)
                return
            }
        }
        // stage is the writer's fixed 1 KiB allocation (stageSize), never empty.
        let target = stage.baseAddress! + staged
        // Keys and short values: two overlapping word moves beat a call to memcpy.
        switch run.count {
        case 8...16:
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + run.count - 8).storeBytes(of: source.loadUnaligned(fromByteOffset: run.count - 8, as: UInt64.self), as: UInt64.self)
        case 0..<8:
            for index in 0..<run.count { target.storeBytes(of: run[index], toByteOffset: index, as: UInt8.self) }
        default:
            target.copyMemory(from: source, byteCount: run.count)
        }
        staged += run.count
    }

    mutating func put(_ run: [UInt8]) {
        run.withUnsafeBytes { put($0) }
    }

    mutating func flush() {
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: stage[0..<staged]))
        staged = 0
    }

    /// Pretty layout's line break: a newline and two spaces per open container.
    mutating func putNewline(depth: Int) {
        put(UInt8(ascii: "\n"))
        var remaining = 2 * depth
        while remaining > 0 {
            if staged == stage.count { flush() }
            let chunk = min(remaining, stage.count - staged)
            // stage is the writer's fixed 1 KiB allocation (stageSize), never empty.
            (stage.baseAddress! + staged).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "), count: chunk)
            staged += chunk
            remaining -= chunk
        }
    }
}
