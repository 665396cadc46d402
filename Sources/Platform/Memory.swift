import CLibrary

/// Raw memory: the C library's vectorised byte search and compare (the
/// reader's hot paths, hence inlined into the caller), heap blocks that
/// grow in place, and whole pages mapped from the system.
public enum Memory {
    /// The first `byte` among `count` bytes from `start`, or nil.
    @inlinable @inline(__always)
    public static func first(_ byte: UInt8, from start: UnsafeRawPointer, count: Int) -> UnsafeRawPointer? {
        guard let found = memchr(start, Int32(byte), count) else { return nil }
        return UnsafeRawPointer(found)
    }

    /// `memcmp`: negative, zero or positive as `a` orders before, with or after `b`.
    @inlinable @inline(__always)
    public static func compare(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Int32 {
        memcmp(a, b, count)
    }

    /// `realloc`: a large block grows in place (mremap on Linux) instead of
    /// being copied; nil when the system has no memory to give.
    public static func reallocate(_ block: UnsafeMutableRawPointer?, byteCount: Int) -> UnsafeMutableRawPointer? {
        realloc(block, byteCount)
    }

    /// Returns a block from `reallocate` to the heap.
    public static func release(_ block: UnsafeMutableRawPointer?) { free(block) }

    /// The system's page size, asked once: 4 KiB on x86-64 Linux, 16 KiB on Apple silicon.
    public static let pageSize: Int = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// `byteCount` bytes (a multiple of `pageSize`) of fresh anonymous
    /// pages: they read as zero and cost nothing until written. Nil when
    /// the system refuses.
    public static func mapZeroedPages(byteCount: Int) -> UnsafeMutableRawPointer? {
        let memory = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let memory, memory != MAP_FAILED else { return nil }
        return memory
    }

    /// Returns pages from `mapZeroedPages` to the system.
    public static func unmapPages(_ pages: UnsafeMutableRawPointer, byteCount: Int) {
        munmap(pages, byteCount)
    }
}
