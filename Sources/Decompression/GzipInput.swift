import VODHookCore

/// A gzip source decompressed as it is read: every member of a
/// multi-member file in turn, through fixed buffers, so memory stays flat
/// however large the log. Damage ends the input (the reader sees a clean
/// end of text) and is kept in `damage` for the one finding it earns.
final class GzipInput: ByteInput {
    private var source: any ByteInput
    private let inflater = Inflater()
    private let compressed: UnsafeMutableRawBufferPointer
    private var compressedStart = 0
    private var compressedEnd = 0
    /// Compressed bytes consumed, from the source's first byte.
    private var compressedOffset = 0
    private var sourceEnded = false
    private var insideMember = false
    private var wholeMembers = 0
    private var ended = false
    private(set) var damage: GzipDamage?
    /// Where the decompressed text ends so far, for the damage finding.
    private(set) var textEnd = TextEnd()

    /// `source` yields the compressed bytes from the first (the magic) on.
    init(source: any ByteInput, bufferSize: Int = 1 << 17) {
        self.source = source
        compressed = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 16), alignment: 16)
    }

    deinit { compressed.deallocate() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var produced = 0
        while produced == 0 && !ended && !buffer.isEmpty {
            if compressedStart == compressedEnd && !sourceEnded {
                compressedStart = 0
                compressedEnd = try source.read(into: compressed)
                sourceEnded = compressedEnd == 0
            }
            // Only once the source has ended: zlib may still hold text back.
            let exhausted = compressedStart == compressedEnd
            if !insideMember {
                if exhausted {
                    ended = true
                    break
                }
                // A member's first byte must be the magic's: anything else
                // after a whole member is trailing data, not a new member.
                if wholeMembers > 0 {
                    guard compressed[compressedStart] == 0x1F else {
                        stop(.trailingData)
                        break
                    }
                    inflater.reset()
                }
                insideMember = true
            }
            let step = inflater.inflate(
                UnsafeRawBufferPointer(rebasing: compressed[compressedStart..<compressedEnd]),
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[produced...]))
            compressedStart += step.consumed
            compressedOffset += step.consumed
            produced += step.produced
            switch step.step {
            case .progressed:
                // With input and room for output zlib always moves; without
                // input, once what it held back is out, the member is cut short.
                if step.consumed == 0 && step.produced == 0 { stop(exhausted ? .cutShort : .corrupt("no progress")) }
            case .memberEnded:
                insideMember = false
                wholeMembers += 1
            case .damaged(let reason):
                stop(.corrupt(reason))
            }
        }
        textEnd.append(UnsafeRawBufferPointer(rebasing: buffer[0..<produced]))
        if let stopReason, damage == nil {
            // Counted after this read's text: the finding goes where the text ends.
            damage = GzipDamage(
                reason: stopReason, compressedOffset: compressedOffset, decompressedOffset: textEnd.length,
                member: wholeMembers + 1)
        }
        return produced
    }

    private var stopReason: GzipDamage.Reason?

    private func stop(_ reason: GzipDamage.Reason) {
        ended = true
        stopReason = reason
    }
}
